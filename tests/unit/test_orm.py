"""bot.orm picks the right SQLAlchemy branch, and both runtimes (SQLAlchemy 2 in the app, 1.4 in the Rasa
server) declare the same app database schema."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
import sqlalchemy
from sqlalchemy import Integer, String, create_engine, select
from sqlalchemy.orm import Session

from bot import orm
from bot.db import describe_schema

ROOT = Path(__file__).resolve().parents[2]
# The other runtime's interpreter: the app (.venv, Python >= 3.11) and the Rasa server (.venv-rasa, 3.10).
OTHER = ROOT / (".venv" if sys.version_info < (3, 11) else ".venv-rasa") / "bin" / "python"


def test_orm_uses_the_installed_sqlalchemys_own_declarative_api():
    major = int(sqlalchemy.__version__.split(".")[0])
    assert orm.SQLALCHEMY_MAJOR == major
    if major >= 2:
        from sqlalchemy.orm import DeclarativeBase, mapped_column

        assert orm.DeclarativeBase is DeclarativeBase and orm.mapped_column is mapped_column
    else:
        assert orm.mapped_column is sqlalchemy.Column
        assert orm.DeclarativeBase.__module__ == "bot.orm"


def test_each_base_has_its_own_metadata_and_maps_typed_models():
    class First(orm.DeclarativeBase):
        pass

    class Second(orm.DeclarativeBase):
        pass

    class Note(First):
        __tablename__ = "notes"
        id: orm.Mapped[int] = orm.mapped_column(Integer, primary_key=True, nullable=False)
        text: orm.Mapped[str] = orm.mapped_column(String(20), nullable=False)

    assert set(First.metadata.tables) == {"notes"} and not Second.metadata.tables
    engine = create_engine("sqlite://", future=True)
    First.metadata.create_all(engine)
    with Session(engine) as session:
        session.add(Note(id=1, text="hei"))
        session.commit()
        assert session.scalars(select(Note.text)).all() == ["hei"]


def test_both_runtimes_declare_the_same_app_schema():
    if not OTHER.exists():
        pytest.skip(f"the other runtime's interpreter ({OTHER.parent.parent.name}) is not installed")
    code = "import json, bot.db; print(json.dumps(bot.db.describe_schema()))"
    other = subprocess.run([str(OTHER), "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    here = json.loads(json.dumps(describe_schema()))
    assert here and json.loads(other.stdout) == here
