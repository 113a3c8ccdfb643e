"""`validate`: the findings a county acts on, as a table, per county."""
from __future__ import annotations

import subprocess
import sys
from dataclasses import replace
from datetime import date
from pathlib import Path

from bot.directory.records import Sourced
from bot.directory.validation import as_table, validate

ROOT = Path(__file__).resolve().parents[2]


def _findings(data, **kwargs):
    return {(f.where, f.check): f for f in validate(data, **kwargs)}


def test_broken_looking_contacts_stale_records_and_missing_categories_are_found(directory_data):
    first = next(s for s in directory_data.services if s.county == "lappi")
    broken = replace(first, phone=Sourced("040-12x", "https://x.fi"), email=Sourced("nobody@", "https://x.fi"),
                     url="htps://lapha fi", checked=date(2025, 1, 31))
    others = [s for s in directory_data.services if s.id != first.id and s.county != "kainuu"]
    data = replace(directory_data, services=(broken, *others))
    found = _findings(data, today=date(2026, 2, 1), stale_months=12)
    assert found[(first.id, "phone")].level == "error"
    assert found[(first.id, "email")].level == "error"
    assert found[(first.id, "url")].level == "error"
    assert found[(first.id, "stale")].level == "warning" and "2025-01-31" in found[(first.id, "stale")].problem
    assert (first.id, "stale") not in _findings(data, today=date(2026, 1, 30), stale_months=12)
    assert found[("kainuu", "categories")].level == "error"  # a pilot county with nothing
    assert "categories missing" in found[("kanta-hame", "categories")].problem  # elsewhere: one warning


def test_one_county_only(directory_data):
    findings = validate(directory_data, county="pohjanmaa")
    assert findings and {f.county for f in findings} == {"pohjanmaa"}
    table = as_table(findings)
    assert table.splitlines()[0].split() == ["level", "county", "record", "check", "problem"]
    assert table.rstrip().endswith("warning(s)")


def test_the_curated_data_passes_the_command_line_check():
    run = subprocess.run([sys.executable, "-m", "bot.directory", "validate"], cwd=ROOT, capture_output=True,
                         text=True, timeout=300)
    assert run.returncode == 0, run.stdout[-2000:]
    assert "0 error(s)" in run.stdout
