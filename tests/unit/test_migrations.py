"""Alembic migrations: they build exactly the models' schema on SQLite and PostgreSQL, and adopt old databases."""
from __future__ import annotations

from datetime import date

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import inspect, text

from bot.db import alembic_config, all_metadata, current_revision, upgrade
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
        connection.execute(text("INSERT INTO counties (code, number, name_fi, name_sv, website, website_sv, "
                                "in_system, aliases, notes) VALUES ('lappi', '21', 'Lappi', 'Lappland', "
                                "'https://lapha.fi', '', true, '[]', '')"))
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
    from bot.db import create_all

    create_all(engine)  # what tests and create_schema() do
    upgrade(engine)
    assert current_revision(engine) == _head() and _differences(engine) == []
