"""The app database engine, created lazily from DATABASE_URL (SQLite file under var/ by default)."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Optional

from sqlalchemy import create_engine, event
from sqlalchemy.engine import Engine

from bot.settings import get_settings


def make_engine(url: Optional[str] = None) -> Engine:
    """A new engine; SQLite files get their folder created and foreign keys switched on."""
    url = url or get_settings().database_url
    if url.startswith("sqlite:///") and not url.startswith("sqlite:///:memory:"):
        Path(url[len("sqlite:///"):]).parent.mkdir(parents=True, exist_ok=True)
    engine = create_engine(url, future=True, pool_pre_ping=True)
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", lambda conn, _: conn.execute("PRAGMA foreign_keys=ON"))
    return engine


@lru_cache(maxsize=None)
def shared_engine(url: Optional[str] = None) -> Engine:
    """One engine (and connection pool) per URL for the whole process."""
    return make_engine(url)


# Every module that owns tables in the app database; Alembic's env.py and create_all() read this list.
SCHEMA_MODULES = ("bot.directory.sql", "bot.handoff.schema", "connectors.guide.schema")


def all_metadata() -> list:
    """The MetaData of every app-database module (imported here so callers need not know them)."""
    import importlib

    found = []
    for name in SCHEMA_MODULES:
        module = importlib.import_module(name)
        found.append(module.Base.metadata)
    return found
