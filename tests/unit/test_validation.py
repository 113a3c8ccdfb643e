"""`validate`: the findings a county acts on, as a table, per county."""

from __future__ import annotations

import shutil
import subprocess
import sys
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from bot.directory.records import Sourced
from bot.directory.validation import as_table, validate

ROOT = Path(__file__).resolve().parents[2]


def _findings(data, **kwargs):
    return {(f.where, f.check): f for f in validate(data, **kwargs)}


def test_broken_looking_contacts_stale_records_and_missing_categories_are_found(directory_data):
    first = next(s for s in directory_data.services if s.county == "lappi")
    broken = replace(
        first,
        phone=Sourced("040-12x", "https://x.fi"),
        email=Sourced("nobody@", "https://x.fi"),
        url="htps://lapha fi",
        checked=date(2025, 1, 31),
    )
    others = [
        s
        for s in directory_data.services
        if s.id != first.id and s.county != "kainuu" and not (s.county == "kanta-hame" and s.category == "neuvola")
    ]
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
    run = subprocess.run(
        [sys.executable, "-m", "bot.directory", "validate"], cwd=ROOT, capture_output=True, text=True, timeout=300
    )
    assert run.returncode == 0, run.stdout[-2000:]
    assert "0 error(s)" in run.stdout


def test_named_contacts_are_checked_and_an_old_source_is_a_warning(directory_data):
    from bot.directory.records import Bilingual, NamedContact, WayIn

    first = next(s for s in directory_data.services if s.county == "lappi")
    old = NamedContact(
        "Maija Meikäläinen",
        "https://x.fi/yhteystiedot",
        checked=date(2026, 11, 1),
        title=Bilingual("perheohjaaja"),
        phone="040 123 4567",
        source_date=date(2025, 6, 1),
    )
    fresh = NamedContact("Ville Virtanen", "https://x.fi/yhteystiedot", checked=date(2026, 11, 1), phone="040-12x")
    data = replace(
        directory_data,
        services=(replace(first, contacts=(old, fresh)), *[s for s in directory_data.services if s.id != first.id]),
    )
    found = [f for f in validate(data, today=date(2026, 12, 1)) if f.where == first.id and f.check == "people"]
    assert {(f.level, f.problem.split(":")[0]) for f in found} == {
        ("warning", "named contact Maija Meikäläinen"),
        ("error", "Ville Virtanen"),
    }
    assert "2025-06-01" in next(f.problem for f in found if f.level == "warning")
    # A contact whose page was read a month ago but is dated 13 months back is old; the same page dated
    # last month is not.
    recent = replace(old, source_date=date(2026, 11, 1))
    data = replace(data, services=(replace(first, contacts=(recent,)), *data.services[1:]))
    assert not [f for f in validate(data, today=date(2026, 12, 1)) if f.check == "people"]

    no_way = replace(first, phone=None, email=None, how_to_reach=None)
    with_way = replace(no_way, how_to_reach=WayIn(Bilingual("Lomakkeella."), "https://x.fi/lomake"))
    assert (first.id, "contact") in _findings(replace(data, services=(no_way, *data.services[1:])))
    assert (first.id, "contact") not in _findings(replace(data, services=(with_way, *data.services[1:])))


def test_validate_prints_the_freshness_of_every_county():
    run = subprocess.run(
        [sys.executable, "-m", "bot.directory", "validate", "--county", "lappi"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    table = run.stdout.split("Per county", 1)[1].splitlines()
    assert table[1].split()[:4] == ["county", "categories/12", "records", "with"]
    assert table[3].split()[0] == "lappi" and len(table) == 4  # only the county asked for


def test_the_freshness_counts_stale_records_and_old_contacts(directory_data):
    from bot.directory.freshness import per_county
    from bot.directory.records import NamedContact

    lappi = [s for s in directory_data.services if s.county == "lappi"]
    aged = [replace(s, checked=date(2024, 1, 1)) for s in lappi[:2]]
    person = NamedContact(
        "M", "https://x.fi", checked=date(2026, 11, 1), phone="040 123 4567", source_date=date(2024, 1, 1)
    )
    services = [*aged, replace(lappi[2], contacts=(person,)), *lappi[3:]]
    counties = [c for c in directory_data.counties if c.code == "lappi"]
    (row,) = per_county(counties, services, today=date(2026, 12, 1))
    assert (row.records, row.stale, row.stale_contacts) == (len(lappi), 2, 1)
    assert row.with_phone == sum(1 for s in lappi if s.phone) and row.review == sum(1 for s in lappi if s.review)


def test_validate_exits_as_its_help_says(tmp_path, capsys):
    """1 when a finding is an error, 2 when a file cannot be read at all (issue 16 item 8)."""
    from bot.directory.__main__ import main
    from bot.directory.loader import DATA_DIR

    with pytest.raises(SystemExit):
        main(["validate", "--help"])
    help_text = " ".join(capsys.readouterr().out.split())
    assert "Exit status 1 when a finding is an error, 2 when a data file cannot be read at all" in help_text

    data = tmp_path / "data"
    shutil.copytree(DATA_DIR, data)
    lappi = data / "services" / "lappi.yml"
    original = lappi.read_text(encoding="utf-8")
    lappi.write_text(original.replace("number: 040 726 6965", "number: 040-72x", 1), encoding="utf-8")
    assert main(["--data", str(data), "validate", "--county", "lappi"]) == 1
    assert "phone looks broken" in capsys.readouterr().out
    lappi.write_text(original.replace("category: social_emergency", "category: no_such_category", 1), encoding="utf-8")
    assert main(["--data", str(data), "validate", "--county", "lappi"]) == 2
    assert "unknown category 'no_such_category'" in capsys.readouterr().err
    lappi.write_text(original, encoding="utf-8")
    assert main(["--data", str(data), "validate", "--county", "lappi"]) == 0
