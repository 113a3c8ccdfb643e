"""`python -m console` as a county's administrator uses it (real subprocesses), and the duty
hours text it reads."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from bot.db import make_engine
from bot.handoff import duty
from console import accounts, hours_text, sessions

ROOT = Path(__file__).resolve().parents[2]
PASSWORD = "pitka-ja-hyva-salasana"


@pytest.fixture
def cli(tmp_path):
    url = f"sqlite:///{tmp_path / 'app.db'}"
    env = {**os.environ, "DATABASE_URL": url}

    def run(*args: str, stdin: str = "") -> subprocess.CompletedProcess:
        return subprocess.run(
            [sys.executable, "-m", "console", *args],
            cwd=ROOT,
            env=env,
            input=stdin,
            capture_output=True,
            text=True,
            timeout=60,
        )

    run.engine = lambda: make_engine(url)
    return run


def test_accounts_from_the_command_line(cli):
    made = cli(
        "create-user",
        "--username",
        "aino",
        "--name",
        "Aino Ohjaaja",
        "--county",
        "lappi",
        "--county",
        "kainuu",
        "--password-stdin",
        stdin=PASSWORD + "\n",
    )
    assert made.returncode == 0, made.stderr
    admin = cli(
        "create-user",
        "--username",
        "paa",
        "--name",
        "Pääkäyttäjä",
        "--role",
        "admin",
        "--password-stdin",
        stdin=PASSWORD + "\n",
    )
    assert admin.returncode == 0, admin.stderr
    engine = cli.engine()
    guide = accounts.authenticate(engine, "aino", PASSWORD)
    assert guide and guide.counties == ("kainuu", "lappi") and guide.role == "guide"
    listing = cli("list-users").stdout.splitlines()
    assert listing == ["aino\tAino Ohjaaja\tguide\tkainuu,lappi\tactive", "paa\tPääkäyttäjä\tadmin\t*\tactive"]
    token = cli("create-token", "--username", "aino", "--days", "7").stdout.strip()
    assert sessions.token_guide(engine, token) == guide
    assert cli("deactivate", "--username", "aino").returncode == 0
    assert accounts.authenticate(engine, "aino", PASSWORD) is None
    assert sessions.token_guide(engine, token) is None
    assert "deactivated" in cli("list-users").stdout


def test_the_command_line_refuses_bad_accounts(cli):
    short = cli(
        "create-user", "--username", "a", "--name", "A", "--county", "lappi", "--password-stdin", stdin="lyhyt\n"
    )
    assert short.returncode == 2 and "at least" in short.stderr
    unknown = cli(
        "create-user", "--username", "a", "--name", "A", "--county", "narnia", "--password-stdin", stdin=PASSWORD + "\n"
    )
    assert unknown.returncode == 2 and "unknown county" in unknown.stderr
    # A password is never an argument (it would land in the shell history and the process list).
    argv = cli("create-user", "--username", "a", "--name", "A", "--county", "lappi", "--password", PASSWORD)
    assert argv.returncode == 2 and "unrecognized arguments" in argv.stderr
    assert accounts.all_guides(cli.engine()) == []


def test_duty_hours_and_switch_from_the_command_line(cli):
    hours = cli("set-hours", "--county", "lappi", "ma-pe 08:00-16:00")
    assert hours.returncode == 0 and "ma–pe 08:00–16:00" in hours.stdout
    engine = cli.engine()
    assert duty.hours(engine, "lappi") == [(d, "08:00", "16:00") for d in range(5)]
    assert cli("set-hours", "--county", "lappi", "ma-pe kahdeksasta").returncode == 2
    assert cli("duty", "--county", "lappi", "off").returncode == 0
    assert duty.switch(engine, "lappi") == "off" and not duty.on_duty(engine, "lappi")
    on = cli("duty", "--county", "lappi", "on")
    assert "on duty now" in on.stdout and duty.on_duty(engine, "lappi")
    cli("duty", "--county", "lappi", "auto")
    assert duty.switch(engine, "lappi") == "auto"


@pytest.mark.parametrize(
    "text, expected",
    [
        ("ma-pe 08:00-16:00", [(d, "08:00", "16:00") for d in range(5)]),
        ("mån-fre 8-16", [(d, "08:00", "16:00") for d in range(5)]),
        ("Mon–Fri 8.00–16.00", [(d, "08:00", "16:00") for d in range(5)]),
        ("ma-to 8-16; pe 8-14", [(d, "08:00", "16:00") for d in range(4)] + [(4, "08:00", "14:00")]),
        ("ti 8-11 12-16, lö 10-14", [(1, "08:00", "11:00"), (1, "12:00", "16:00"), (5, "10:00", "14:00")]),
        ("su 18-24", [(6, "18:00", "24:00")]),
        ("-", []),
    ],
)
def test_duty_hours_text(text, expected):
    assert hours_text.parse(text) == expected
    for lang in ("fi", "sv"):
        assert hours_text.parse(hours_text.describe(expected, lang)) == expected


@pytest.mark.parametrize(
    "text", ["ma", "pe-ma 8-16", "ma-pe 16-8", "ma-pe 8-25", "xx 8-16", "ma-pe 8:61-9", "ma-pe kahdeksan"]
)
def test_unclear_duty_hours_are_refused(text):
    with pytest.raises(hours_text.HoursError):
        hours_text.parse(text)
