"""Starts the real Viitta (action server + Rasa server from the trained model + guide console) on free
loopback ports."""
from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import uuid
from dataclasses import dataclass
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


@dataclass(frozen=True)
class Stack:
    """The running processes: URLs, and the environment they run with (for CLI commands in tests)."""

    rasa_url: str
    guide_url: str  # the guide console, http://127.0.0.1:<port> (pages under /guide/)
    env: dict


@pytest.fixture(scope="session")
def viitta(stack) -> str:
    return stack.rasa_url


@pytest.fixture(scope="session")
def stack(tmp_path_factory):
    if not MODEL.exists():
        pytest.fail(f"No trained model at {MODEL}: run `make train`.")
    tmp = tmp_path_factory.mktemp("viitta")
    rasa_port, action_port, guide_port = free_port(), free_port(), free_port()
    env = {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{tmp / 'app.db'}",
        "TRACKER_STORE_URL": f"sqlite:///{tmp / 'tracker.db'}",
        "RASA_PORT": str(rasa_port), "ACTION_PORT": str(action_port), "VIITTA_MODEL": str(MODEL),
        "GUIDE_PORT": str(guide_port), "RASA_TELEMETRY_ENABLED": "false",
    }
    subprocess.run([sys.executable, "-m", "bot.directory", "load"], cwd=ROOT, env=env, check=True)
    log = tmp / "viitta.log"
    with log.open("w") as out:
        process = subprocess.Popen([sys.executable, "-m", "bot.serve"], cwd=ROOT, env=env, stdout=out,
                                   stderr=subprocess.STDOUT, start_new_session=True)
    base, guide = f"http://127.0.0.1:{rasa_port}", f"http://127.0.0.1:{guide_port}"
    try:
        _wait(f"http://127.0.0.1:{action_port}/health", process, log)
        _wait(f"{guide}/guide/login", process, log)
        _wait(f"{base}/status", process, log)
        yield Stack(rasa_url=base, guide_url=guide, env=env)
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)


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
