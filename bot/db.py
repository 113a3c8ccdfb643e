"""The app database engine, created lazily from DATABASE_URL (SQLite file under var/ by default)."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any, Optional

from sqlalchemy import create_engine, event
from sqlalchemy.engine import Engine
from sqlalchemy.pool import QueuePool

from bot.settings import get_settings


def _write_ahead(dbapi_connection, _connection_record) -> None:
    """SQLAlchemy `connect` listener for one SQLite engine: WAL and synchronous=NORMAL."""
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


def use_write_ahead_log(engine: Engine) -> None:
    """Every new connection of this SQLite engine (and only of it) writes ahead with synchronous=NORMAL:
    a commit does not wait for an fsync, the file stays consistent after a crash of the process or the
    machine, and only the last commits can be lost on a power cut (bench/README.md)."""
    if not event.contains(engine, "connect", _write_ahead):
        event.listen(engine, "connect", _write_ahead)


def make_engine(url: Optional[str] = None) -> Engine:
    """A new engine; SQLite files get their folder created, foreign keys switched on and write-ahead logging."""
    url = url or get_settings().database_url
    pooling = {}
    sqlite_file = url.startswith("sqlite:///") and not url.startswith("sqlite:///:memory:")
    if sqlite_file:
        Path(url[len("sqlite:///") :]).parent.mkdir(parents=True, exist_ok=True)
        # SQLAlchemy 1.4 opens and closes a SQLite file for every session; a pool (2.0's default) keeps
        # them open: 1–2 ms less per query in the channel relay and the counting broker (bench/README.md).
        pooling = {"poolclass": QueuePool, "connect_args": {"check_same_thread": False}}
    # hide_parameters: an SQL error in a log line must not quote what was stored (a person's redacted words).
    engine = create_engine(url, future=True, pool_pre_ping=True, hide_parameters=True, **pooling)
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", lambda conn, _: conn.execute("PRAGMA foreign_keys=ON"))
    if sqlite_file:
        use_write_ahead_log(engine)
    return engine


@cache
def shared_engine(url: Optional[str] = None) -> Engine:
    """One engine (and connection pool) per URL for the whole process."""
    return make_engine(url)


# Every module that owns tables in the app database; Alembic's env.py and the tests' create_all() read this list.
# All of them are in bot/: the guide console's tables are bot.handoff.schema's (bot never imports the console).
SCHEMA_MODULES = ("bot.directory.sql", "bot.handoff.schema", "bot.analytics.schema")


def all_metadata() -> list[Any]:
    """The MetaData of every app-database module (imported here so callers need not know them)."""
    import importlib

    found = []
    for name in SCHEMA_MODULES:
        module = importlib.import_module(name)
        found.append(module.Base.metadata)
    return found


def app_table_names() -> set[str]:
    """Every table the app's models declare."""
    return {name for metadata in all_metadata() for name in metadata.tables}


def include_app_tables(name: Optional[str], type_: str, _parent_names: Any) -> bool:
    """Alembic `include_name` hook: only the app's own tables are compared or migrated. The Rasa server's
    tracker store may share the database (TRACKER_STORE and DATABASE_URL on one PostgreSQL): its `events`
    and other tables are Rasa's (SQLAlchemy 1.4, its own schema) and must never be dropped or altered."""
    return type_ != "table" or name in app_table_names()


def describe_schema() -> dict[str, Any]:
    """A JSON-able description of every app table (columns, types, nullability, keys, indexes, foreign keys),
    so tests can check that SQLAlchemy 1.4 (Rasa server) and 2.0 (app) declare the same schema."""
    tables: dict[str, Any] = {}
    for metadata in all_metadata():
        for table in metadata.sorted_tables:
            tables[table.name] = {
                "columns": [
                    {
                        "name": c.name,
                        "type": str(c.type),
                        "nullable": c.nullable,
                        "primary_key": c.primary_key,
                        "unique": bool(c.unique),
                        "server_default": str(c.server_default.arg) if c.server_default is not None else None,
                    }
                    # by name: a mixin's columns come first on 2.0 and last on 1.4; the revisions fix the real order
                    for c in sorted(table.columns, key=lambda c: c.name)
                ],
                "indexes": sorted([i.name, [c.name for c in i.columns], bool(i.unique)] for i in table.indexes),
                "foreign_keys": sorted(
                    [fk.parent.name, fk.target_fullname, fk.ondelete or ""] for fk in table.foreign_keys
                ),
                "unique_constraints": sorted(
                    [u.name or "", sorted(c.name for c in u.columns)]
                    for u in table.constraints
                    if type(u).__name__ == "UniqueConstraint"
                ),
            }
    return tables


# --- Schema migrations (Alembic, bot/migrations/) -------------------------------------------------------

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"

# Databases made before migrations existed (the foundation's `load` ran create_all): when all tables
# of a revision are there and no alembic_version, that revision is recorded instead of re-created.
_ADOPTABLE = (
    ("0001", {"counties", "municipalities", "service_categories", "services", "helplines", "service_municipalities"}),
    (
        "0002",
        {
            "guides",
            "guide_counties",
            "duty_hours",
            "duty_switches",
            "handoffs",
            "handoff_messages",
            "channel_addresses",
            "feedback",
        },
    ),
)


def alembic_config():
    """Alembic's configuration for the app database, independent of the current directory."""
    from alembic.config import Config

    config = Config()  # no ini file: the caller's logging set-up stays as it is
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    return config


def upgrade(engine_or_url=None, revision: str = "head") -> None:
    """Bring the app database to `revision` (the newest by default); safe to run on every start."""
    from alembic import command

    engine = engine_or_url if isinstance(engine_or_url, Engine) else make_engine(engine_or_url)
    config = alembic_config()
    try:
        with engine.begin() as connection:
            config.attributes["connection"] = connection
            _adopt_unversioned(connection, config)
            command.upgrade(config, revision)
    finally:
        if engine is not engine_or_url:
            engine.dispose()


def current_revision(engine: Engine) -> Optional[str]:
    from alembic.migration import MigrationContext

    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def _adopt_unversioned(connection, config) -> None:
    from alembic import command
    from sqlalchemy import inspect

    tables = set(inspect(connection).get_table_names())
    if not tables or "alembic_version" in tables:
        return
    if _matches_models(connection, tables):  # made with create_all() from today's models
        command.stamp(config, "head")
        return
    adopted = None
    for revision, needed in _ADOPTABLE:
        if not needed <= tables:
            break
        adopted = revision
    if adopted:
        command.stamp(config, adopted)


def _matches_models(connection, tables: set) -> bool:
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    wanted = app_table_names()
    if not wanted <= tables:
        return False
    context = MigrationContext.configure(connection, opts={"compare_type": True, "include_name": include_app_tables})
    metadata: Any = all_metadata()  # compare_metadata takes a list too (typed as one MetaData)
    return not compare_metadata(context, metadata)
