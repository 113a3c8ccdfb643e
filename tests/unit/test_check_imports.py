"""scripts/check_imports.py (run by `make lint`): each import rule fails on a tiny package tree that breaks
it, and holds on one that keeps it."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "scripts" / "check_imports.py"
_spec = importlib.util.spec_from_file_location("check_imports", SCRIPT)
check_imports = sys.modules["check_imports"] = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(check_imports)


def tree(root: Path, files: dict[str, str]) -> Path:
    """Write `files` (path -> source) under root, with an __init__.py in every package folder."""
    for name, source in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(source, encoding="utf-8")
        for folder in path.relative_to(root).parents:
            if folder != Path("."):
                (root / folder / "__init__.py").touch()
    return root


def problems(root: Path) -> list[str]:
    return check_imports.check(root, allowed={})


CLEAN = {
    "bot/db.py": "import sqlalchemy\n",
    "bot/handoff/service.py": "from bot.db import make_engine\nfrom . import records\n",
    "bot/handoff/records.py": "from dataclasses import dataclass\n",
    "bot/actions/texts.py": "from rasa_sdk import Action\n",
    "connectors/rest.py": "from rasa.core.channels.rest import RestInput\nfrom bot.handoff import service\n",
    "console/app.py": "from aiohttp import web\nfrom bot.handoff.service import take\nfrom console import pages\n",
    "console/pages.py": "import jinja2\nfrom bot.handoff import records\n",
}


def test_a_tree_that_keeps_every_rule_passes(tmp_path):
    assert problems(tree(tmp_path, CLEAN)) == []


def test_the_console_importing_rasa_fails(tmp_path):
    found = problems(tree(tmp_path, {**CLEAN, "console/pages.py": "from rasa.shared.core.domain import Domain\n"}))
    assert found == ["console.pages:1 -> rasa.shared.core.domain: the guide console never imports Rasa"]


def test_the_console_reaching_rasa_sdk_through_a_bot_module_fails(tmp_path):
    found = problems(tree(tmp_path, {**CLEAN, "console/pages.py": "def page():\n    from bot.actions import texts\n"}))
    assert found == ["console.pages:2 -> bot.actions.texts:1 -> rasa_sdk: the guide console never imports Rasa"]


@pytest.mark.parametrize(
    "source, imported",
    [
        ("from connectors import rest\n", "connectors.rest"),
        ("import console.app\n", "console.app"),
        ("from console.pages import render\n", "console.pages"),
        ("import importlib\n\ndef tables():\n    return importlib.import_module('console.pages')\n", "console.pages"),
    ],
)
def test_bot_importing_the_channels_or_the_console_fails(tmp_path, source, imported):
    found = problems(tree(tmp_path, {**CLEAN, "bot/actions/handoff.py": source}))
    assert len(found) == 1 and found[0].startswith("bot.actions.handoff:")
    assert found[0].endswith(f" -> {imported}: bot never imports the channels or the console")


def test_a_module_list_imported_by_computed_name_counts(tmp_path):
    source = (
        "import importlib\nMODULES = ('bot.handoff.records', 'console.pages')\n\n"
        "def all_tables():\n    return [importlib.import_module(name) for name in MODULES]\n"
    )
    found = problems(tree(tmp_path, {**CLEAN, "bot/db.py": source}))
    assert found == ["bot.db:2 -> console.pages: bot never imports the channels or the console"]


def test_an_import_cycle_fails_even_when_one_side_defers_its_import(tmp_path):
    files = {
        **CLEAN,
        "console/pages.py": "from console.app import CONFIG\n",
        "console/app.py": "CONFIG = {}\n\ndef make_app():\n    from console import pages\n",
    }
    found = problems(tree(tmp_path, files))
    assert found == ["import cycle among console.app, console.pages: console.app:4 -> console.pages:1 -> console.app"]


def test_a_cycle_through_relative_imports_and_three_modules_fails(tmp_path):
    files = {
        **CLEAN,
        "bot/handoff/records.py": "from .schema import Row\n",
        "bot/handoff/schema.py": "from ..db import make_engine\n",
        "bot/db.py": "from bot.handoff import service\n",
    }
    found = problems(tree(tmp_path, files))
    assert len(found) == 1
    assert found[0].startswith(
        "import cycle among bot.db, bot.handoff.records, bot.handoff.schema, bot.handoff.service:"
    )


def test_imports_only_for_type_checkers_are_no_cycle(tmp_path):
    files = {
        **CLEAN,
        "bot/handoff/records.py": (
            "from typing import TYPE_CHECKING\n\nif TYPE_CHECKING:\n    from bot.handoff.service import Service\n"
        ),
    }
    assert problems(tree(tmp_path, files)) == []


def test_an_allowance_skips_its_import_and_one_no_longer_needed_is_reported(tmp_path):
    root = tree(tmp_path, {**CLEAN, "bot/db.py": "from connectors import rest\n"})
    assert check_imports.check(root, allowed={("bot.db", "connectors.rest"): "why"}) == []
    assert check_imports.check(
        root, allowed={("bot.db", "connectors.rest"): "why", ("bot.db", "console.web"): "why"}
    ) == ["bot.db no longer imports console.web: remove the allowance from scripts/check_imports.py"]


def test_the_command_exits_1_with_the_problems_and_0_on_this_checkout(tmp_path):
    bad = tree(tmp_path, {**CLEAN, "console/app.py": "import rasa\n"})
    failed = subprocess.run([sys.executable, str(SCRIPT), str(bad)], capture_output=True, text=True)
    passed = subprocess.run([sys.executable, str(SCRIPT)], capture_output=True, text=True)
    assert failed.returncode == 1 and "console.app:1 -> rasa: the guide console never imports Rasa" in failed.stdout
    assert passed.returncode == 0, passed.stdout
