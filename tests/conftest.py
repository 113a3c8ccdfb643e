"""Shared fixtures: the directory data, and databases (in-memory SQLite always; PostgreSQL when reachable)."""

from __future__ import annotations

import os
import sys
import uuid

import pytest
from sqlalchemy import text

from bot.db import make_engine

# Which runtime this interpreter is (docs: the two environments): the Rasa server's Python 3.10 env or the
# app's 3.12+ one. `pytest tests/unit` works in either and collects only what that runtime can import.
RUNTIME = "rasa" if sys.version_info < (3, 11) else "app"

# Unit test files that need what only runs inside the Rasa server: rasa itself, python-telegram-bot,
# spaCy components, the crisis risk model (built with that env's sklearn), bot.server, connectors' channels.
RASA_ONLY = [
    "unit/test_analytics_events.py",
    "unit/test_channels.py",
    "unit/test_crisis.py",  # the risk model is built and loaded with the Rasa env's sklearn
    "unit/test_lemmas.py",  # spaCy
    "unit/test_language.py",
    "unit/test_lock_store.py",
    "unit/test_relay.py",
    "unit/test_resume.py",
    "unit/test_safety.py",
    "unit/test_server_patches.py",
    "unit/test_telegram_format.py",
    "unit/test_tracker_store.py",
]

# Unit test files that need the app env's libraries (rasa-sdk 3.21 behaviour, console aiohttp,
# Alembic >= 1.20 / SQLAlchemy 2 only).
APP_ONLY = [
    "unit/test_action_server.py",  # starts the real action server: rasa-sdk 3.21 on Sanic 25
    "unit/test_guide_api_schema.py",  # schemathesis against the console, a tool of the app env
]

# pytest reads this: paths relative to this directory that it does not collect in this runtime.
collect_ignore = RASA_ONLY if RUNTIME == "app" else APP_ONLY


def pytest_configure(config):
    config.addinivalue_line("markers", "rasa_only: a test in a shared file that needs the Rasa runtime")


def pytest_collection_modifyitems(config, items):
    """Single tests of shared files that need Rasa (marked rasa_only) are skipped, with the reason, in the app
    runtime; whole files are split by the lists above."""
    if RUNTIME == "rasa":
        return
    skip = pytest.mark.skip(reason="needs the Rasa runtime (Python 3.10, .venv-rasa)")
    for item in items:
        if item.get_closest_marker("rasa_only"):
            item.add_marker(skip)


POSTGRES_URL = os.environ.get("TEST_POSTGRES_URL", "postgresql+psycopg2://postgres@127.0.0.1:5432/test")


def create_all(engine) -> None:
    """Every app table straight from the models, without Alembic: fast, and only for tests (outside them
    only bot.db.upgrade creates tables; tests/unit/test_migrations.py proves both give the same schema)."""
    from bot.db import all_metadata

    for metadata in all_metadata():
        metadata.create_all(engine)


create_schema = create_all  # the name the guide tests use


def _on_ci() -> bool:
    return os.environ.get("CI", "").lower() in ("1", "true", "yes")


@pytest.fixture(scope="session")
def directory_data():
    from bot.directory.loader import read_data

    return read_data()


@pytest.fixture(scope="session")
def categories():
    import yaml

    from bot.directory.loader import DATA_DIR

    return yaml.safe_load((DATA_DIR / "categories.yml").read_text(encoding="utf-8"))["categories"]


def _postgres_engine():
    """An engine on a throw-away schema of the test database; skipped (or failed on CI) when absent."""
    probe = make_engine(POSTGRES_URL)
    try:
        with probe.connect() as conn:
            conn.execute(text("select 1"))
    except Exception as exc:  # the server is optional on developer machines
        probe.dispose()
        if _on_ci():
            pytest.fail(f"PostgreSQL must be reachable on CI at {POSTGRES_URL}: {exc}")
        pytest.skip(f"PostgreSQL not reachable at {POSTGRES_URL}")
    schema = f"viitta_test_{uuid.uuid4().hex[:8]}"
    with probe.begin() as conn:
        conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    probe.dispose()
    from sqlalchemy import create_engine

    engine = create_engine(POSTGRES_URL, future=True, connect_args={"options": f"-csearch_path={schema}"})
    return engine, schema


def _database(kind: str, sqlite_url: str):
    """Yield an empty app database of `kind`; a PostgreSQL one lives in its own schema, dropped afterwards."""
    if kind == "sqlite":
        eng = make_engine(sqlite_url)
        yield eng
        eng.dispose()
        return
    eng, schema = _postgres_engine()
    try:
        yield eng
    finally:
        eng.dispose()
        cleanup = make_engine(POSTGRES_URL)
        with cleanup.begin() as conn:
            conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        cleanup.dispose()


@pytest.fixture(params=["sqlite", "postgresql"])
def engine(request):
    """A fresh, empty app database, once on SQLite (in memory) and once on PostgreSQL."""
    yield from _database(request.param, "sqlite:///:memory:")


@pytest.fixture(params=["sqlite", "postgresql"])
def threaded_engine(request, tmp_path):
    """Like `engine`, for code that uses the database from several threads (asyncio.to_thread, races):
    in-memory SQLite is one database per connection, so this one is a SQLite file."""
    yield from _database(request.param, f"sqlite:///{tmp_path / 'app.db'}")


@pytest.fixture(autouse=True)
def fresh_rate_limit():
    """Every test starts with an empty per-sender rate limit: the limiter lives as long as the process
    (connectors.limits.rate_limiter), and unit tests reuse sender ids far more than 20 times a minute."""
    yield
    from connectors import limits

    limits.rate_limiter.cache_clear()
