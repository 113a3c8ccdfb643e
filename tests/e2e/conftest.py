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
from contextlib import contextmanager
from pathlib import Path

import pytest
import requests
import yaml

ROOT = Path(__file__).resolve().parents[2]
MODEL = ROOT / "bot" / "models" / "viitta.tar.gz"
DOMAIN = yaml.safe_load((ROOT / "domain.yml").read_text(encoding="utf-8"))


@pytest.hookimpl(tryfirst=True)  # before pytest's own -m selection
def pytest_collection_modifyitems(items) -> None:
    """Every test here starts the real servers: marked e2e, so that `pytest -m "not e2e"` leaves them out."""
    here = Path(__file__).resolve().parent
    for item in items:
        if here in item.path.parents:
            item.add_marker(pytest.mark.e2e)


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
        self.token: str | None = None

    def say(self, text: str, metadata: dict | None = None) -> list[dict]:
        body = {"sender": self.sender, "message": text}
        if metadata:
            body["metadata"] = metadata
        response = requests.post(self.url, json=body, timeout=30)
        response.raise_for_status()
        # The first reply of a conversation carries its token (connectors/ids.py): kept for polling and
        # left out of what the tests read as the bot's answer.
        answer = []
        for reply in response.json():
            if (reply.get("custom") or {}).get("type") == "conversation":
                self.token = reply["custom"]["token"]
            else:
                answer.append(reply)
        return answer

    def poll(self, after: int = 0) -> list[dict]:
        """What arrived later (a guide's messages, the bot's words after a handoff), as a client polls it."""
        response = requests.get(
            self.url.rsplit("/", 1)[0] + "/messages",
            params={"sender": self.sender, "after": after, "token": self.token},
            timeout=10,
        )
        response.raise_for_status()
        return response.json()

    def poll_until(self, done, after: int = 0, timeout: float = 30) -> list[dict]:
        """Poll as a client would until `done(messages)`; fails with what arrived when time runs out."""
        deadline = time.time() + timeout
        while True:
            found = self.poll(after)
            if done(found):
                return found
            if time.time() > deadline:
                pytest.fail(f"not delivered within {timeout} s; got {found}")
            time.sleep(0.3)


class Stack:
    """The real Viitta (`python -m bot.serve`: Rasa, actions, guide console) on free ports with its own
    SQLite databases. Tests reach the app database through `database_url` (duty switches, a guide's
    actions), the console at `guide_url` (pages under /guide/), and can `restart()` it against the same
    databases. With `args` ("--rasa-only", "--actions-only") it is one part of Viitta, so that a test can
    stop, break or restart that part alone; `name` names its log file."""

    def __init__(self, tmp: Path, env: dict, args: tuple[str, ...] = (), name: str = "viitta") -> None:
        self.tmp, self.log, self.env, self.args = tmp, tmp / f"{name}.log", env, tuple(args)
        self.database_url = env["DATABASE_URL"]
        self.base = f"http://127.0.0.1:{env['RASA_PORT']}"
        self.action_url = f"http://127.0.0.1:{env['ACTION_PORT']}"
        self.guide_url = f"http://127.0.0.1:{env['GUIDE_PORT']}"
        self.process: subprocess.Popen | None = None

    def start(self, wait: bool = True) -> None:
        with self.log.open("a") as out:
            self.process = subprocess.Popen(
                [sys.executable, "-m", "bot.serve", *self.args],
                cwd=ROOT,
                env=self.env,
                stdout=out,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        if wait:
            self.wait()

    def wait(self) -> None:
        if "--rasa-only" not in self.args:
            _wait(f"{self.action_url}/health", self.process, self.log)
        if not self.args:
            _wait(f"{self.guide_url}/guide/login", self.process, self.log)
        if "--actions-only" not in self.args:
            _wait(f"{self.base}/", self.process, self.log)  # "/" answers without RASA_TOKEN, once the model is loaded

    def stop(self) -> None:
        if self.process is None or self.process.poll() is not None:
            return
        os.killpg(self.process.pid, signal.SIGTERM)
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait()

    def restart(self) -> None:
        self.stop()
        self.start()


def load_directory(env: dict) -> None:
    subprocess.run([sys.executable, "-m", "bot.directory", "load"], cwd=ROOT, env=env, check=True)


# The session's stack also runs the Telegram channel in webhook mode against a local stand-in of the
# Bot API (tests/e2e/telegram_standin.py); test_telegram.py starts a second stack for polling mode.
# The session stack's HTTP API token: without RASA_TOKEN the API is off (test_api_security.py).
RASA_TOKEN = "e2e-rasa-api-token-0123456789"
API = {"token": RASA_TOKEN}

TELEGRAM = {
    "TELEGRAM_TOKEN": "123456:e2e-webhook",
    "TELEGRAM_SECRET": "e2e-secret-0123456789",
    "TELEGRAM_ID_KEY": "e2e-id-key",
    "TELEGRAM_MODE": "webhook",
}


@pytest.fixture(scope="session")
def telegram_api():
    from tests.e2e.telegram_standin import BotApiStandIn

    with BotApiStandIn() as api:
        yield api


@pytest.fixture(scope="session")
def viitta_home(tmp_path_factory) -> Path:
    """The folder of the running Viitta's databases (app.db: directory, handoffs, statistics)."""
    return tmp_path_factory.mktemp("viitta")


def stack_env(tmp: Path, **extra: str) -> dict:
    """The environment of one Viitta stack: free ports, its own SQLite databases under tmp."""
    return {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{tmp / 'app.db'}",
        "TRACKER_STORE_URL": f"sqlite:///{tmp / 'tracker.db'}",
        "RASA_PORT": str(free_port()),
        "ACTION_PORT": str(free_port()),
        "GUIDE_PORT": str(free_port()),
        "VIITTA_MODEL": str(MODEL),
        "RASA_TELEMETRY_ENABLED": "false",
        **extra,
    }


@contextmanager
def running_viitta(env: dict, tmp: Path):
    """Load the directory, start the whole stack with env, yield it; stopped afterwards."""
    if not MODEL.exists():
        pytest.fail(f"No trained model at {MODEL}: run `make train`.")
    running = Stack(tmp, env)
    load_directory(env)
    try:
        running.start()
        yield running
    finally:
        running.stop()


@pytest.fixture(scope="session")
def viitta_env(viitta_home, telegram_api) -> dict:
    """The session stack's environment (its DATABASE_URL, TRACKER_STORE_URL, ports, Telegram settings)."""
    return stack_env(viitta_home, **TELEGRAM, TELEGRAM_API_URL=telegram_api.url, RASA_TOKEN=RASA_TOKEN)


@pytest.fixture(scope="session")
def stack(viitta_env, viitta_home):
    with running_viitta(viitta_env, viitta_home) as running:
        yield running


@pytest.fixture(scope="session")
def viitta(stack) -> str:
    return stack.base


@pytest.fixture(scope="session")
def app_db(stack):
    """The running Viitta's app database, for what a guide or a county admin would change."""
    from bot.db import make_engine

    engine = make_engine(stack.database_url)
    yield engine
    engine.dispose()


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
