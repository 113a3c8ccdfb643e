"""What the Makefile's commands would do (`make -n`, nothing runs): `make run` and `make shell` install only
what running needs, `make test` also what only the tests need, and `make shell` is the patched server of
`make run` on a port of its own."""

from __future__ import annotations

import os
import shutil
import subprocess

import pytest

from bot.settings import ROOT

pytestmark = pytest.mark.skipif(shutil.which("make") is None, reason="make is not installed")
TEST_ONLY = ("system-packages.sh test", "npm ")


def _dry_run(*arguments: str) -> str:
    environment = {k: v for k, v in os.environ.items() if k not in ("PORT", "MAKEFLAGS", "MFLAGS")}
    return subprocess.run(
        ["make", "-n", "-B", *arguments], cwd=ROOT, env=environment, capture_output=True, text=True, check=True
    ).stdout


@pytest.mark.parametrize("target", ["run", "shell", "install"])
def test_running_installs_nothing_only_the_tests_need(target):
    planned = _dry_run(target)
    assert "scripts/system-packages.sh" in planned  # the product's own packages
    assert not [line for line in planned.splitlines() if any(part in line for part in TEST_ONLY)]


def test_the_tests_install_what_they_need():
    planned = _dry_run("test")
    assert "scripts/system-packages.sh test" in planned and "npm ci --prefix tests/browser" in planned


def test_make_shell_is_the_patched_server_on_its_own_port():
    assert "RASA_PORT=5006 .venv/bin/python -m bot.serve --shell" in _dry_run("shell").splitlines()
    assert "RASA_PORT=5007 .venv/bin/python -m bot.serve --shell" in _dry_run("shell", "PORT=5007").splitlines()
