"""Alembic migrations: they build exactly the models' schema on SQLite and PostgreSQL, and adopt old databases."""

from __future__ import annotations

from datetime import date

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import inspect, text

from bot.db import _matches_models, alembic_config, all_metadata, current_revision, include_app_tables, upgrade
from bot.directory.sql import SqlDirectory, load


def _differences(engine) -> list:
    with engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        return compare_metadata(context, all_metadata())


def _head() -> str:
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(alembic_config()).get_current_head()


def _run(engine, action, revision) -> None:
    config = alembic_config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        action(config, revision)


def test_the_migrated_schema_equals_the_models(engine):
    upgrade(engine)
    assert current_revision(engine) == _head()
    assert _differences(engine) == []


def test_upgrading_twice_changes_nothing(engine):
    upgrade(engine)
    upgrade(engine)
    assert current_revision(engine) == _head() and _differences(engine) == []


def test_every_migration_can_be_undone_and_redone(engine):
    upgrade(engine)
    _run(engine, command.downgrade, "base")
    assert set(inspect(engine).get_table_names()) <= {"alembic_version"}
    upgrade(engine)
    assert _differences(engine) == []


@pytest.mark.parametrize("made_with", ["0001", "0002"])
def test_a_database_made_before_migrations_is_adopted_and_keeps_its_data(engine, directory_data, categories, made_with):
    # The foundation's `load` made the directory tables (later also the handoff's) with create_all():
    # no alembic_version table.
    _run(engine, command.upgrade, made_with)
    with engine.begin() as connection:
        connection.execute(text("DROP TABLE alembic_version"))
        connection.execute(
            text(
                "INSERT INTO counties (code, number, name_fi, name_sv, website, website_sv, "
                "in_system, aliases, notes) VALUES ('lappi', '21', 'Lappi', 'Lappland', "
                "'https://lapha.fi', '', true, '[]', '')"
            )
        )
    upgrade(engine)
    assert current_revision(engine) == _head() and _differences(engine) == []
    assert SqlDirectory(engine).county("lappi").name.sv == "Lappland"
    load(engine, directory_data, categories)
    assert {s.origin for s in SqlDirectory(engine).services()} == {"curated"}


def test_load_on_an_empty_database_migrates_it_first(engine, directory_data, categories):
    load(engine, directory_data, categories)
    assert current_revision(engine) == _head()
    assert SqlDirectory(engine).service(directory_data.services[0].id).checked <= date.today()


def test_a_database_made_from_todays_models_is_recorded_as_up_to_date(engine):
    from tests.conftest import create_all

    create_all(engine)  # what tests and create_schema() do
    upgrade(engine)
    assert current_revision(engine) == _head() and _differences(engine) == []


def test_every_guide_command_on_a_0003_database_leaves_it_upgradable(tmp_path, monkeypatch):
    """The console's CLI ran create_all() first: on a database at 0003 it made the 0004 tables outside
    Alembic, and the next upgrade failed ("table guide_api_tokens already exists"). Now only Alembic
    creates tables: every command migrates, and a later upgrade is a no-op."""
    import io

    from bot import settings
    from bot.db import make_engine
    from console.__main__ import main as guide_cli

    url = f"sqlite:///{tmp_path / 'old.db'}"
    engine = make_engine(url)
    _run(engine, command.upgrade, "0003")
    monkeypatch.setenv("DATABASE_URL", url)
    settings.get_settings.cache_clear()
    password = "pitka-ja-hyva-salasana\n"
    commands = [
        ["list-users"],
        ["list-tokens"],
        ["create-user", "--username", "aino", "--name", "Aino", "--county", "lappi", "--password-stdin"],
        ["create-user", "--username", "paa", "--name", "Paa", "--role", "admin", "--password-stdin"],
        ["set-password", "--username", "aino", "--password-stdin"],
        ["create-token", "--username", "aino", "--days", "3", "--label", "crm"],
        ["list-tokens", "--username", "aino"],
        ["revoke-token", "crm"],
        ["set-hours", "--county", "lappi", "ma-pe 8-16"],
        ["duty", "--county", "lappi", "on"],
        ["duty", "--county", "lappi"],
        ["deactivate", "--username", "aino"],
        ["list-users"],
    ]
    try:
        for argv in commands:
            monkeypatch.setattr("sys.stdin", io.StringIO(password))
            assert guide_cli(argv) == 0, argv
            assert current_revision(engine) == _head(), argv
    finally:
        settings.get_settings.cache_clear()
    upgrade(engine)
    assert current_revision(engine) == _head() and _differences(engine) == []
    engine.dispose()


def test_no_code_outside_the_tests_creates_tables_without_alembic():
    import re
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    found = [
        str(path.relative_to(root))
        for folder in ("bot", "connectors", "bench", "scripts")
        for path in (root / folder).rglob("*.py")
        if "migrations" not in path.parts
        and any(
            re.search(r"\bcreate_all\(|\bcreate_schema\(", line.split("#")[0]) for line in path.read_text().splitlines()
        )
    ]
    assert found == []


def _rasa_events_table(engine) -> None:
    """What Rasa's SQL tracker store creates when TRACKER_STORE shares the app database (trimmed)."""
    with engine.begin() as connection:
        connection.execute(
            text("CREATE TABLE events (id INTEGER PRIMARY KEY, sender_id VARCHAR(255) NOT NULL, data TEXT)")
        )
        connection.execute(text("INSERT INTO events (id, sender_id, data) VALUES (1, 'c1', '{}')"))


def _events_rows(engine) -> list:
    with engine.connect() as connection:
        return [tuple(r) for r in connection.execute(text("SELECT id, sender_id, data FROM events"))]


def test_upgrading_a_database_shared_with_rasa_leaves_its_events_table_alone(engine):
    _rasa_events_table(engine)
    upgrade(engine)  # the adopt check runs first: the events table must not make it fail or guess
    assert current_revision(engine) == _head()
    assert _events_rows(engine) == [(1, "c1", "{}")]
    with engine.connect() as connection:
        context = MigrationContext.configure(
            connection, opts={"compare_type": True, "include_name": include_app_tables}
        )
        assert compare_metadata(context, all_metadata()) == []  # and autogenerate would not drop it
    # Without the filter Alembic would plan to drop Rasa's table: the filter is what protects it.
    assert any(d[0] == "remove_table" and d[1].name == "events" for d in _differences(engine))


def test_a_database_from_todays_models_next_to_rasas_events_is_adopted_as_up_to_date(engine):
    from tests.conftest import create_all

    create_all(engine)
    _rasa_events_table(engine)
    with engine.connect() as connection:
        assert _matches_models(connection, set(inspect(connection).get_table_names()))
    upgrade(engine)
    assert current_revision(engine) == _head()
    assert _events_rows(engine) == [(1, "c1", "{}")]
