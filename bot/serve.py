"""Start Viitta: the action server, the Rasa server (HTTP API + REST channel) and the guide console,
configured from the environment.

    python -m bot.serve            # what `make run` does after install, directory load and training

The processes run until one of them stops or you press Ctrl-C; then all are stopped.
"""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import yaml
from sqlalchemy.engine import make_url

from bot.settings import ROOT, get_settings

LOCAL_HOSTS = {"127.0.0.1", "localhost", "::1"}


def tracker_store_config(url: str) -> dict:
    """Rasa's SQL tracker store settings from one SQLAlchemy URL."""
    parsed = make_url(url)
    if parsed.drivername.startswith("sqlite"):
        return {"type": "SQL", "dialect": "sqlite", "db": parsed.database}
    return {
        "type": "SQL", "dialect": parsed.drivername.split("+")[0], "url": parsed.host, "port": parsed.port,
        "db": parsed.database, "username": parsed.username, "password": parsed.password,
    }


def write_endpoints(path: Path) -> Path:
    """endpoints.yml for this run (action server address and tracker store from the settings)."""
    s = get_settings()
    endpoints = {
        "action_endpoint": {"url": f"http://{s.action_host}:{s.action_port}/webhook"},
        "tracker_store": tracker_store_config(s.tracker_store_url),
        # Anonymous counts for the owners' page (README: "What people need"); writes to DATABASE_URL.
        "event_broker": {"type": "bot.analytics.broker.CountingEventBroker"},
    }
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(yaml.safe_dump(endpoints, sort_keys=False), encoding="utf-8")
    return path


def commands(endpoints: Path) -> tuple[list[str], list[str]]:
    """(action server, Rasa server) command lines."""
    s = get_settings()
    if s.rasa_host not in LOCAL_HOSTS and not s.rasa_token:
        raise SystemExit(f"RASA_HOST={s.rasa_host} is reachable from outside: set RASA_TOKEN to protect the HTTP API.")
    bin_dir = Path(sys.executable).parent
    actions = [str(bin_dir / "python"), "-m", "rasa_sdk", "--actions", "bot.actions",
               "--port", str(s.action_port)]
    # Rasa's own CLI with our measured fixes applied first (bot/rasa_server.py).
    rasa = [str(bin_dir / "python"), "-m", "bot.rasa_server", "run", "--enable-api", "--model", str(s.model_path),
            "--endpoints", str(endpoints), "--credentials", str(ROOT / "credentials.yml"),
            "--interface", s.rasa_host, "--port", str(s.rasa_port)]
    if s.rasa_token:
        rasa += ["--auth-token", s.rasa_token]
    if s.cors_origins:
        rasa += ["--cors", *s.cors_origins]
    return actions, rasa


def console_command() -> list[str]:
    """The guide console (connectors/guide) on GUIDE_HOST:GUIDE_PORT."""
    return [str(Path(sys.executable).parent / "python"), "-m", "connectors.guide", "serve"]


def main() -> int:
    endpoints = write_endpoints(ROOT / "var" / f"endpoints.{get_settings().rasa_port}.yml")
    action_cmd, rasa_cmd = commands(endpoints)
    env = {**os.environ, "RASA_TELEMETRY_ENABLED": "false", "TF_CPP_MIN_LOG_LEVEL": "2"}
    s = get_settings()
    processes = [subprocess.Popen(action_cmd, cwd=ROOT, env=env)]
    processes.append(subprocess.Popen(rasa_cmd, cwd=ROOT, env=env))
    processes.append(subprocess.Popen(console_command(), cwd=ROOT, env=env))
    print(f"Viitta: Rasa server on http://{s.rasa_host}:{s.rasa_port} (REST: /webhooks/rest/webhook, web chat demo: "
          f"http://{s.rasa_host}:{s.rasa_port}/webhooks/webchat/demo), action server on :{s.action_port}, "
          f"guide console on http://{s.guide_host}:{s.guide_port}/guide/. Ctrl-C stops all.", flush=True)

    def stop(*_):
        for p in processes:
            if p.poll() is None:
                p.terminate()

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    try:
        while all(p.poll() is None for p in processes):
            time.sleep(0.5)
    finally:
        stop()
        for p in processes:
            try:
                p.wait(timeout=20)
            except subprocess.TimeoutExpired:
                p.kill()
    return max((p.returncode or 0) for p in processes)


if __name__ == "__main__":
    sys.exit(main())
