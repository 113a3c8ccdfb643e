"""One bot under test: `python -m bot.serve` on free loopback ports with temporary SQLite databases.

bot.serve starts the Rasa server, the action server and the guide console; the first two are measured
(the console takes no part in a conversation; its memory is recorded too).

Measures cold start (process start → first answered message, for the Rasa server and for the action
server) and samples the resident memory (RSS) of both processes in the background, so that peaks
between samples of the report are not missed.
"""

from __future__ import annotations

import os
import secrets
import signal
import socket
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

import psutil
import requests
import yaml

ROOT = Path(__file__).resolve().parent.parent
SAMPLE_EVERY = 0.1


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _action_call(domain: dict) -> dict:
    """The smallest real call of a custom action: asking for the worry (no database needed)."""
    return {
        "next_action": "action_ask_concern",
        "sender_id": "bench-cold-start",
        "version": "3.6.21",
        "tracker": {
            "sender_id": "bench-cold-start",
            "slots": {},
            "latest_message": {},
            "events": [],
            "paused": False,
            "followup_action": None,
            "active_loop": {},
            "latest_action_name": None,
        },
        "domain": domain,
    }


@dataclass
class Memory:
    """Peak RSS per process (MB) since the last `mark`, and the peaks of named phases."""

    current: dict[str, float] = field(default_factory=dict)
    peaks: dict[str, dict[str, float]] = field(default_factory=dict)
    _phase: str = "start"

    def mark(self, phase: str) -> None:
        self._phase = phase

    def record(self, name: str, rss_mb: float) -> None:
        self.current[name] = rss_mb
        phase = self.peaks.setdefault(self._phase, {})
        phase[name] = max(phase.get(name, 0.0), rss_mb)


# The bench's servers are on loopback for one run; the HTTP API (/model/parse) and the action server
# need their tokens all the same (bot/serve.py, bot/action_server.py). One per run, inherited by the
# bench's client processes through the environment.
BENCH_TOKEN = os.environ.setdefault("VIITTA_BENCH_TOKEN", secrets.token_urlsafe(24))


class Stack:
    """Start with `start()`, talk to `url`, read `memory`, always `stop()`."""

    def __init__(self, name: str, model: Path, workdir: Path) -> None:
        self.name, self.model, self.workdir = name, model, workdir
        self.rasa_port, self.action_port = free_port(), free_port()
        self.url = f"http://127.0.0.1:{self.rasa_port}"
        self.memory = Memory()
        self.cold_start: dict[str, float] = {}
        self.process: subprocess.Popen | None = None
        self._stop = threading.Event()
        self._pids: dict[str, psutil.Process] = {}

    def env(self) -> dict:
        return {
            **os.environ,
            "DATABASE_URL": f"sqlite:///{self.workdir / 'app.db'}",
            "TRACKER_STORE_URL": f"sqlite:///{self.workdir / 'tracker.db'}",
            "RASA_PORT": str(self.rasa_port),
            "ACTION_PORT": str(self.action_port),
            "GUIDE_PORT": str(free_port()),
            "VIITTA_MODEL": str(self.model),
            "RASA_TELEMETRY_ENABLED": "false",
            "TF_CPP_MIN_LOG_LEVEL": "2",
            "RASA_TOKEN": BENCH_TOKEN,
            "ACTION_TOKEN": BENCH_TOKEN,
        }

    def start(self, timeout: float = 300) -> None:
        self.workdir.mkdir(parents=True, exist_ok=True)
        env = self.env()
        subprocess.run(
            [sys.executable, "-m", "bot.directory", "load"], cwd=ROOT, env=env, check=True, stdout=subprocess.DEVNULL
        )
        domain = yaml.safe_load((ROOT / "domain.yml").read_text(encoding="utf-8"))
        log = (self.workdir / "serve.log").open("w")
        started = time.monotonic()
        self.process = subprocess.Popen(
            [sys.executable, "-m", "bot.serve"],
            cwd=ROOT,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        threading.Thread(target=self._sample, daemon=True).start()
        rasa_ok = action_ok = False
        while time.monotonic() - started < timeout and not (rasa_ok and action_ok):
            if self.process.poll() is not None:
                raise RuntimeError(f"{self.name} stopped during start-up; see {self.workdir / 'serve.log'}")
            if not action_ok and _answers(
                f"http://127.0.0.1:{self.action_port}/webhook?token={BENCH_TOKEN}",
                _action_call(domain),
                lambda r: r.get("responses"),
            ):
                action_ok = True
                self.cold_start["action_server_s"] = time.monotonic() - started
            if not rasa_ok and _answers(
                f"{self.url}/webhooks/rest/webhook",
                {"sender": "bench-cold-start", "message": "hei"},
                lambda r: len(r) > 0,
            ):
                rasa_ok = True
                self.cold_start["rasa_server_s"] = time.monotonic() - started
            time.sleep(0.05)
        if not (rasa_ok and action_ok):
            self.stop()
            raise RuntimeError(f"{self.name} not ready after {timeout} s; see {self.workdir / 'serve.log'}")

    def settle(self, seconds: float = 3.0) -> dict[str, float]:
        """Resident memory at rest: after start-up and one answered message, nothing else happening."""
        self.memory.mark("settling")
        time.sleep(seconds)
        self.memory.mark("rest")
        time.sleep(SAMPLE_EVERY * 3)
        return dict(self.memory.current)

    def cpu_seconds(self) -> dict[str, float]:
        """CPU time (user + system) used so far by each process: robust against other work on the machine."""
        out = {}
        for name, proc in self._pids.items():
            try:
                times = proc.cpu_times()
                out[name] = times.user + times.system
            except psutil.Error:
                pass
        return out

    def _sample(self) -> None:
        while not self._stop.is_set() and self.process and self.process.poll() is None:
            try:
                for child in psutil.Process(self.process.pid).children():
                    if child.pid not in {p.pid for p in self._pids.values()}:
                        self._pids[_role(child.cmdline())] = child
                for name, proc in list(self._pids.items()):
                    self.memory.record(name, proc.memory_info().rss / 2**20)
            except psutil.Error:
                pass
            time.sleep(SAMPLE_EVERY)

    def stop(self) -> None:
        self._stop.set()
        stop_process_group(self.process)


def stop_process_group(process: "subprocess.Popen | None") -> None:
    """End a server started in its own session (bot.serve and its children): TERM, then KILL after 30 s."""
    if process and process.poll() is None:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()


def _role(cmdline: list[str]) -> str:
    """Which of bot.serve's processes this is."""
    args = " ".join(cmdline)
    if "rasa_sdk" in args:
        return "action_server"
    if "bot.server" in args or " run " in args:
        return "rasa_server"
    if "-m console" in args:
        return "guide_console"
    return cmdline[-1] if cmdline else "other"


def _answers(url: str, body: dict, ok) -> bool:
    try:
        response = requests.post(url, json=body, timeout=5)
        return response.status_code == 200 and bool(ok(response.json()))
    except (requests.RequestException, ValueError):
        return False
