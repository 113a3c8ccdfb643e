"""Alembic environment for the app database: the models of every module in bot.db.SCHEMA_MODULES.

Run programmatically by bot.db.upgrade() (which hands over its connection), or from the command line:
    .venv/bin/alembic upgrade head          # DATABASE_URL, or var/viitta.db
"""

from __future__ import annotations

from logging.config import fileConfig

from alembic import context

from bot.db import all_metadata, include_app_tables, make_engine
from bot.settings import get_settings

config = context.config
target_metadata = all_metadata()


def _configure(connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        # SQLite cannot ALTER most things: later revisions use batch operations, which this turns on.
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
        include_name=include_app_tables,  # never Rasa's tracker-store tables in a shared database
    )


def run_offline() -> None:
    context.configure(
        url=config.get_main_option("sqlalchemy.url") or get_settings().database_url,
        target_metadata=target_metadata,
        literal_binds=True,
        include_name=include_app_tables,
    )
    with context.begin_transaction():
        context.run_migrations()


def run_online() -> None:
    given = config.attributes.get("connection")
    if given is not None:  # bot.db.upgrade(): its transaction commits when it returns
        _configure(given)
        with context.begin_transaction():
            context.run_migrations()
        return
    if config.config_file_name is not None:
        fileConfig(config.config_file_name, disable_existing_loggers=False)
    engine = make_engine(config.get_main_option("sqlalchemy.url") or None)
    try:
        with engine.begin() as connection:
            _configure(connection)
            with context.begin_transaction():
                context.run_migrations()
    finally:
        engine.dispose()


if context.is_offline_mode():
    run_offline()
else:
    run_online()
