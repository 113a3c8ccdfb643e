"""Start Viitta: the action server, the Rasa server (HTTP API + REST channel) and the guide console,
configured from the environment.

    python -m bot.serve                  # what `make run` does after install, directory load and training
    python -m bot.serve --rasa-only      # one more Rasa instance (production: several behind one address)
    python -m bot.serve --actions-only   # the action server alone
    python -m bot.serve --shell          # talk to Viitta in this terminal (what `make shell` does)

The processes run until one of them stops or you press Ctrl-C; then all are stopped.
"""

from __future__ import annotations

import argparse
import os
import secrets
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

import yaml
from sqlalchemy.engine import make_url

from bot.server.urls import redis_lock_settings
from bot.settings import ROOT, get_settings

LOCAL_HOSTS = {"127.0.0.1", "localhost", "::1"}


# Rasa's SQL tracker store, writing redacted events (bot/server/tracker_store.py).
TRACKER_STORE_TYPE = "bot.server.tracker_store.RedactingTrackerStore"
# Rasa's Redis lock store with atomic ticket handling, for several Rasa instances (bot/server/lock_store.py).
LOCK_STORE_TYPE = "bot.server.lock_store.AtomicRedisLockStore"
# Passwords stay out of the endpoints file on disk: Rasa substitutes ${VAR} from the environment that
# main() passes to the Rasa server.
TRACKER_PASSWORD_VAR = "VIITTA_TRACKER_PASSWORD"
LOCK_PASSWORD_VAR = "VIITTA_LOCK_PASSWORD"
ACTION_TOKEN_VAR = "ACTION_TOKEN"


def tracker_store_config(url: str) -> dict:
    """Rasa tracker store settings from one SQLAlchemy URL (SQLite file or a server database)."""
    parsed = make_url(url)
    if parsed.drivername.startswith("sqlite"):
        return {"type": TRACKER_STORE_TYPE, "dialect": "sqlite", "db": parsed.database}
    config: dict[str, Any] = {
        "type": TRACKER_STORE_TYPE,
        "dialect": parsed.drivername.split("+")[0],
        "url": parsed.host,
        "port": parsed.port,
        "db": parsed.database,
        "username": parsed.username,
    }
    if parsed.password:
        config["password"] = "${%s}" % TRACKER_PASSWORD_VAR
    if parsed.query:
        config["query"] = dict(parsed.query)
    return config


def lock_store_config(url: str) -> dict | None:
    """Rasa's Redis lock store from redis://[:password@]host[:port][/db][?key_prefix=name]; None: in-process."""
    if not url:
        return None
    try:
        settings = redis_lock_settings(url)
    except ValueError as problem:
        raise SystemExit(str(problem)) from None
    if "password" in settings:
        settings["password"] = "${%s}" % LOCK_PASSWORD_VAR
    return {"type": LOCK_STORE_TYPE, **settings}


def secret_environment() -> dict:
    """The passwords that the endpoints file names as ${VAR}, for the Rasa server's environment."""
    s = get_settings()
    env = {}
    tracker_password = make_url(s.tracker_store_url).password
    if tracker_password:
        env[TRACKER_PASSWORD_VAR] = str(tracker_password)
    if s.lock_store_url and urlsplit(s.lock_store_url).password:
        env[LOCK_PASSWORD_VAR] = unquote(urlsplit(s.lock_store_url).password or "")
    return env


def write_endpoints(path: Path, action_token: bool = False, action_port: int | None = None) -> Path:
    """endpoints.yml for this run (action server, tracker store and lock store from the settings);
    `action_token`: Rasa sends ACTION_TOKEN (from its environment, never written here) on every action call;
    `action_port`: the action server's port when it is not ACTION_PORT (the shell's own)."""
    s = get_settings()
    action = {"url": f"http://{s.action_host}:{action_port or s.action_port}/webhook"}
    if action_token:
        action["token"] = "${%s}" % ACTION_TOKEN_VAR
    endpoints = {
        "action_endpoint": action,
        "tracker_store": tracker_store_config(s.tracker_store_url),
        # Anonymous counts for the owners' page (docs/console.md, "What people need"); writes to DATABASE_URL.
        "event_broker": {"type": "bot.server.broker.CountingEventBroker"},
    }
    lock_store = lock_store_config(s.lock_store_url)
    if lock_store:
        endpoints["lock_store"] = lock_store
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(yaml.safe_dump(endpoints, sort_keys=False), encoding="utf-8")
    return path


def rasa_python() -> str:
    """The Rasa server's interpreter: RASA_PYTHON, else .venv-rasa's (Python 3.10; make install builds it).
    Everything else runs on this process's Python (3.12+): Rasa 3.6.21 runs on nothing newer."""
    path = os.environ.get("RASA_PYTHON") or str(ROOT / ".venv-rasa" / "bin" / "python")
    if not Path(path).exists():
        raise SystemExit(
            f"No Rasa environment at {path}: run `make install` (it builds .venv-rasa) or set RASA_PYTHON."
        )
    return path


def commands(endpoints: Path, action_port: int | None = None, shell: bool = False) -> tuple[list[str], list[str]]:
    """(action server, Rasa server) command lines; `shell`: Rasa's `shell` (the terminal is the channel)
    instead of `run`."""
    s = get_settings()
    bin_dir = Path(sys.executable).parent
    # rasa_sdk bound to ACTION_HOST and checking the shared secret (bot/action_server.py).
    actions = [
        str(bin_dir / "python"),
        "-m",
        "bot.action_server",
        "--actions",
        "bot.actions",
        "--port",
        str(action_port or s.action_port),
    ]
    # Rasa's own CLI with our measured fixes applied first (bot/server/patches.py), in its own Python 3.10.
    rasa = [
        rasa_python(),
        "-m",
        "bot.server",
        "shell" if shell else "run",
        "--model",
        str(s.model_path),
        "--endpoints",
        str(endpoints),
    ]
    rasa += [] if shell else ["--credentials", str(ROOT / "credentials.yml")]
    rasa += ["--interface", s.rasa_host, "--port", str(s.rasa_port)]
    if shell:  # only this terminal talks to it: no HTTP API, no channels
        return actions, rasa
    # The HTTP API (/conversations, /model, /status) only behind a token; without RASA_TOKEN it is off
    # and only the channels (/webhooks/...) and "/" answer.
    if s.rasa_token:
        rasa += ["--enable-api", "--auth-token", s.rasa_token]
    if s.cors_origins:
        rasa += ["--cors", *s.cors_origins]
    return actions, rasa


def console_command() -> list[str]:
    """The guide console (console/) on GUIDE_HOST:GUIDE_PORT."""
    return [str(Path(sys.executable).parent / "python"), "-m", "console", "serve"]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bot.serve", description=__doc__.splitlines()[0])
    only = parser.add_mutually_exclusive_group()
    only.add_argument("--rasa-only", action="store_true", help="start only the Rasa server")
    only.add_argument("--actions-only", action="store_true", help="start only the action server")
    only.add_argument(
        "--shell",
        action="store_true",
        help="talk to Viitta in this terminal (rasa shell on RASA_PORT, with its own action "
        "server on a free port; next to a running Viitta with another RASA_PORT)",
    )
    args = parser.parse_args(argv)
    s = get_settings()
    # A secret per run when none is configured and both servers start together: even on loopback, no
    # other local process (or a request forged through another service) reaches the actions.
    action_token = s.action_token or ("" if (args.rasa_only or args.actions_only) else secrets.token_urlsafe(32))
    if s.action_host not in LOCAL_HOSTS and not action_token:
        raise SystemExit(f"ACTION_HOST={s.action_host} is reachable from other hosts: set ACTION_TOKEN.")
    if args.shell:
        return shell(action_token)
    endpoints = write_endpoints(ROOT / "var" / f"endpoints.{s.rasa_port}.yml", bool(action_token))
    action_cmd, rasa_cmd = commands(endpoints)
    env = environment(action_token)
    processes, started = [], []
    if not args.rasa_only:
        processes.append(subprocess.Popen(action_cmd, cwd=ROOT, env=env))
        started.append(f"action server on {s.action_host}:{s.action_port}")
    if not args.actions_only:
        processes.append(subprocess.Popen(rasa_cmd, cwd=ROOT, env={**env, **secret_environment()}))
        started.append(
            f"Rasa server on http://{s.rasa_host}:{s.rasa_port} (REST: /webhooks/rest/webhook, web chat "
            f"demo: http://{s.rasa_host}:{s.rasa_port}/webhooks/webchat/demo; HTTP API "
            + ("on, with RASA_TOKEN)" if s.rasa_token else "off: set RASA_TOKEN to use it)")
        )
    if not (args.rasa_only or args.actions_only):
        # The console is one more process of the whole set; in production it runs on its own
        # (python -m console serve).
        processes.append(subprocess.Popen(console_command(), cwd=ROOT, env=env))
        started.append(f"guide console on http://{s.guide_host}:{s.guide_port}/guide/")
    print(f"Viitta: {', '.join(started)}. Ctrl-C stops all.", flush=True)
    return supervise(processes)


def environment(action_token: str) -> dict:
    """The servers' environment: one log hash key per run when none is configured, so that both processes
    hash a sender id alike in logs; the per-run action secret."""
    env = {
        **os.environ,
        "RASA_TELEMETRY_ENABLED": "false",
        "TF_CPP_MIN_LOG_LEVEL": "2",
        "LOG_HASH_KEY": os.environ.get("LOG_HASH_KEY") or secrets.token_hex(16),
    }
    if action_token:
        env[ACTION_TOKEN_VAR] = action_token
    return env


def free_port(host: str) -> int:
    with socket.socket() as s:
        s.bind((host, 0))
        return s.getsockname()[1]


def shell(action_token: str) -> int:
    """`rasa shell` through bot.server (the patched Rasa, the endpoints of this run: tracker and lock store
    from TRACKER_STORE_URL and LOCK_STORE_URL) on RASA_PORT, with an action server of its own on a free
    port, so that it runs next to `make run`; stops that action server when the shell ends."""
    s = get_settings()
    action_port = free_port(s.action_host)
    endpoints = write_endpoints(ROOT / "var" / f"endpoints.{s.rasa_port}.yml", bool(action_token), action_port)
    action_cmd, rasa_cmd = commands(endpoints, action_port, shell=True)
    env = environment(action_token)
    log = ROOT / "var" / f"shell-actions.{s.rasa_port}.log"
    with log.open("a") as out:  # the action server's lines would break into the conversation
        actions = subprocess.Popen(
            action_cmd, cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL
        )
    print(
        f"Viitta shell: Rasa on http://{s.rasa_host}:{s.rasa_port}, action server on {s.action_host}:{action_port} "
        f"(log: {log.relative_to(ROOT)}). Type /stop to end.",
        flush=True,
    )
    return supervise([actions, subprocess.Popen(rasa_cmd, cwd=ROOT, env={**env, **secret_environment()})])


def supervise(processes: list) -> int:
    """Wait until one of the processes stops or SIGTERM/Ctrl-C arrives; then stop them all."""

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
