"""Starts the real Viitta (action server + Rasa server from the trained model) on free loopback ports."""
from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest
import requests
import yaml

ROOT = Path(__file__).resolve().parents[2]
MODEL = ROOT / "bot" / "models" / "viitta.tar.gz"
DOMAIN = yaml.safe_load((ROOT / "domain.yml").read_text(encoding="utf-8"))


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait(url: str, process: subprocess.Popen, log: Path, timeout: float = 240) -> None:
    deadline = time.time() + timeout
    while time.time() < deadline:
        if process.poll() is not None:
            pytest.fail(f"Viitta stopped during start-up:\n{log.read_text()[-3000:]}")
        try:
            if requests.get(url, timeout=2).status_code == 200:
                return
        except requests.RequestException:
            pass
        time.sleep(1)
    pytest.fail(f"{url} not up after {timeout} s:\n{log.read_text()[-3000:]}")


class Chat:
    """A person talking to Viitta over the REST channel."""

    def __init__(self, base_url: str) -> None:
        self.url = f"{base_url}/webhooks/rest/webhook"
        self.sender = f"e2e-{uuid.uuid4().hex[:12]}"

    def say(self, text: str, metadata: dict | None = None) -> list[dict]:
        body = {"sender": self.sender, "message": text}
        if metadata:
            body["metadata"] = metadata
        response = requests.post(self.url, json=body, timeout=30)
        response.raise_for_status()
        return response.json()


@pytest.fixture(scope="session")
def viitta_home(tmp_path_factory) -> Path:
    """The folder of the running Viitta's databases (app.db: directory, handoffs, statistics)."""
    return tmp_path_factory.mktemp("viitta")


def viitta_env(home: Path, **overrides: str) -> dict:
    """The environment of a Viitta whose databases live in `home` (SQLite), on free loopback ports."""
    return {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{home / 'app.db'}",
        "TRACKER_STORE_URL": f"sqlite:///{home / 'tracker.db'}",
        "RASA_PORT": str(free_port()), "ACTION_PORT": str(free_port()), "VIITTA_MODEL": str(MODEL),
        "RASA_TELEMETRY_ENABLED": "false",
        **overrides,
    }


class Viitta:
    """Viitta's processes for one test module: `python -m bot.serve` whole, or its parts started on their
    own (--actions-only, --rasa-only) so that a test can stop, break or restart one of them. Each part
    is a process group; stop() ends it and everything it started."""

    def __init__(self, home: Path, env: dict) -> None:
        self.home, self.env = home, env
        self.processes: dict[str, subprocess.Popen] = {}
        self.ports: dict[str, int] = {}

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.env['RASA_PORT']}"

    def load_directory(self) -> None:
        subprocess.run([sys.executable, "-m", "bot.directory", "load"], cwd=ROOT, env=self.env, check=True)

    def start(self, name: str = "viitta", *args: str, wait: bool = True, **env: str) -> None:
        env = {**self.env, **env}
        log = self.home / f"{name}.log"
        with log.open("a") as out:
            self.processes[name] = subprocess.Popen([sys.executable, "-m", "bot.serve", *args], cwd=ROOT, env=env,
                                                    stdout=out, stderr=subprocess.STDOUT, start_new_session=True)
        self.ports[name] = int(env["RASA_PORT"])
        if wait:
            self.wait(name)

    def wait(self, name: str) -> None:
        process, log = self.processes[name], self.home / f"{name}.log"
        if not self._only(name, "--rasa-only"):
            _wait(f"http://127.0.0.1:{self.env['ACTION_PORT']}/health", process, log)
        if not self._only(name, "--actions-only"):
            _wait(f"http://127.0.0.1:{self.ports[name]}/", process, log)

    def _only(self, name: str, flag: str) -> bool:
        return flag in self.processes[name].args

    def stop(self, name: str, sig: int = signal.SIGTERM) -> None:
        process = self.processes.pop(name, None)
        if process is None or process.poll() is not None:
            return
        os.killpg(process.pid, sig)
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait(timeout=10)

    def stop_all(self) -> None:
        for name in list(self.processes):
            self.stop(name)


@pytest.fixture(scope="session")
def viitta(viitta_home):
    if not MODEL.exists():
        pytest.fail(f"No trained model at {MODEL}: run `make train`.")
    stack = Viitta(viitta_home, viitta_env(viitta_home))
    stack.load_directory()
    try:
        stack.start("viitta")
        yield stack.base
    finally:
        stack.stop_all()


@pytest.fixture
def chat(viitta) -> Chat:
    return Chat(viitta)


def text_of(response: str, lang: str) -> str:
    """The domain text of a fixed response, to check which language a reply is in."""
    for variation in DOMAIN["responses"][response]:
        if variation["condition"][0]["value"] == lang:
            return variation["text"]
    raise KeyError(response)


def language_of(text: str) -> str | None:
    """fi or sv when `text` is a fixed response of the domain in that language."""
    for variations in DOMAIN["responses"].values():
        for variation in variations:
            if variation.get("text") == text:
                return variation["condition"][0]["value"]
    return None


def texts(messages: list[dict]) -> list[str]:
    return [m["text"] for m in messages if m.get("text")]


def customs(messages: list[dict], kind: str) -> list[dict]:
    return [m["custom"] for m in messages if isinstance(m.get("custom"), dict) and m["custom"].get("type") == kind]
