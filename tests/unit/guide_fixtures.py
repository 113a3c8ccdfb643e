"""Fixtures of the guide console tests: an app database that threads can share (a SQLite file, and a
PostgreSQL schema when reachable) and the console running for real on a free port in a thread."""

from __future__ import annotations

import asyncio
import re
import socket
import threading
from typing import Optional

import pytest
import requests
from aiohttp import web
from sqlalchemy import text

from bot.db import make_engine
from console import accounts
from console.app import make_app
from tests.conftest import POSTGRES_URL, _postgres_engine, create_schema

PASSWORD = "oikein-hyva-salasana"


@pytest.fixture
def fast_kdf(monkeypatch):
    """A cheaper scrypt for tests that only need accounts (the hash records its parameters, so
    verification is unchanged); the production parameters have their own test."""
    from console import passwords

    monkeypatch.setattr(passwords, "LOG2_N", 10)
    monkeypatch.setattr(passwords, "P", 1)


@pytest.fixture(params=["sqlite", "postgresql"])
def app_engine(request, tmp_path, fast_kdf):
    """A fresh app database with every table. (The shared `engine` fixture is in-memory SQLite, which
    is one database per thread; the console works in threads.)"""
    if request.param == "sqlite":
        engine = make_engine(f"sqlite:///{tmp_path / 'app.db'}")
        create_schema(engine)
        yield engine
        engine.dispose()
        return
    engine, schema = _postgres_engine()
    try:
        create_schema(engine)
        yield engine
    finally:
        engine.dispose()
        cleanup = make_engine(POSTGRES_URL)
        with cleanup.begin() as conn:
            conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        cleanup.dispose()


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class RunningConsole:
    """The console's aiohttp app served on 127.0.0.1:<free port> by a background thread."""

    def __init__(self, app: web.Application) -> None:
        self.app = app
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self._loop = asyncio.new_event_loop()
        self._ready = threading.Event()
        self._thread = threading.Thread(target=self._serve, daemon=True)

    def _serve(self) -> None:
        asyncio.set_event_loop(self._loop)
        runner = web.AppRunner(self.app)
        self._loop.run_until_complete(runner.setup())
        self._loop.run_until_complete(web.TCPSite(runner, "127.0.0.1", self.port).start())
        self._ready.set()
        self._loop.run_forever()
        self._loop.run_until_complete(runner.cleanup())
        self._loop.close()

    def __enter__(self) -> "RunningConsole":
        self._thread.start()
        assert self._ready.wait(10), "the console did not start"
        return self

    def __exit__(self, *_exc) -> None:
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(10)


@pytest.fixture
def tracker_url(tmp_path) -> str:
    return f"sqlite:///{tmp_path / 'tracker.db'}"


@pytest.fixture
def console(app_engine, tracker_url):
    with RunningConsole(make_app(app_engine, tracker_url, session_minutes=30)) as running:
        yield running


def make_guide(engine, username: str, counties=("lappi",), role: str = "guide", name: Optional[str] = None):
    return accounts.create(engine, username, name or username.capitalize(), PASSWORD, counties, role)


def hidden_token(html: str) -> str:
    return re.search(r'name="csrf_token" value="([^"]+)"', html).group(1)


def login(base_url: str, username: str, password: str = PASSWORD) -> requests.Session:
    """A logged-in browser-like session (cookies kept); its CSRF token is in `.csrf`."""
    browser = requests.Session()
    form = browser.get(f"{base_url}/guide/login")
    answer = browser.post(
        f"{base_url}/guide/login",
        data={"username": username, "password": password, "csrf_token": hidden_token(form.text)},
    )
    assert answer.status_code == 200 and answer.url.endswith("/guide/"), answer.text[:500]
    browser.csrf = re.search(r'<meta name="csrf-token" content="([^"]*)"', answer.text).group(1)
    return browser
