"""The service directory: data rules, the SQL load on SQLite and PostgreSQL, and lookup ranking."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from bot.directory.hours import HELSINKI, parse_hours
from bot.directory.loader import DataError, _service
from bot.directory.memory import InMemoryDirectory
from bot.directory.records import CATEGORIES, Bilingual, County, Service, Sourced
from bot.directory.sql import SqlDirectory, load
from bot.directory.validation import PILOT_COUNTIES, validate


def test_the_reviewed_data_has_every_category_in_every_pilot_county(directory_data):
    errors = [f for f in validate(directory_data) if f.level == "error"]
    assert errors == []
    for county in PILOT_COUNTIES:
        present = {s.category for s in directory_data.services if s.county == county}
        assert present >= set(CATEGORIES) - {"crisis_line"}, county


def test_every_county_and_helsinki_and_aland_is_known(directory_data):
    codes = {c.code for c in directory_data.counties}
    assert len(codes) == 23 and {"helsinki", "ahvenanmaa", "pohjanmaa"} <= codes
    assert not next(c for c in directory_data.counties if c.code == "ahvenanmaa").in_system
    assert all(c.website.startswith("https://") for c in directory_data.counties)


def test_every_phone_email_and_name_carries_a_public_source(directory_data):
    for s in (*directory_data.services, *directory_data.helplines):
        for fact in (s.phone, s.email):
            assert fact is None or fact.source.startswith("http"), s.id
        if s.contact and s.contact.name:
            assert (s.contact.source or "").startswith("http"), s.id


def test_a_phone_number_without_a_source_is_refused():
    raw = {
        "id": "x",
        "category": "neuvola",
        "name": {"fi": "X"},
        "url": "https://x.fi",
        "source": "https://x.fi",
        "phone": {"number": "040 123 4567"},
    }
    with pytest.raises(DataError, match="no source"):
        _service(raw, "lappi", "test")


def test_a_municipality_outside_the_county_is_refused():
    raw = {
        "id": "x",
        "category": "neuvola",
        "name": {"fi": "X"},
        "url": "https://x.fi",
        "source": "https://x.fi",
        "municipalities": ["Turku"],
    }
    with pytest.raises(DataError, match="not a municipality of lappi"):
        _service(raw, "lappi", "test")


def test_loading_twice_changes_nothing(engine, directory_data, categories):
    first = load(engine, directory_data, categories)
    second = load(engine, directory_data, categories)
    assert first["added"] == len(directory_data.services) + len(directory_data.helplines)
    assert second == {
        "added": 0,
        "updated": 0,
        "removed": 0,
        "unchanged": len(directory_data.services) + len(directory_data.helplines),
    }


def test_sql_and_memory_directories_answer_alike(engine, directory_data, categories):
    load(engine, directory_data, categories)
    sql, memory = SqlDirectory(engine), InMemoryDirectory.from_data(directory_data)
    assert [c.code for c in sql.counties()] == [c.code for c in memory.counties()]
    monday_noon = datetime(2026, 11, 23, 12, 0, tzinfo=HELSINKI)
    for county in PILOT_COUNTIES:
        for category in CATEGORIES:
            assert sql.lookup(category, county, None, "sv", monday_noon) == memory.lookup(
                category, county, None, "sv", monday_noon
            ), (county, category)
    assert sql.helplines(["crisis"]) == memory.helplines(["crisis"])


def test_a_removed_service_disappears_on_the_next_load(engine, directory_data, categories):
    from dataclasses import replace

    load(engine, directory_data, categories)
    fewer = replace(directory_data, services=directory_data.services[1:])
    report = load(engine, fewer, categories)
    assert report["removed"] == 1
    assert SqlDirectory(engine).service(directory_data.services[0].id) is None


def _service_record(sid, municipalities=(), languages=("fi",), phone=True, hours=None):
    return Service(
        id=sid,
        category="neuvola",
        county="pohjanmaa",
        name=Bilingual(f"{sid} fi", f"{sid} sv"),
        description=Bilingual("d", "d"),
        url="https://example.fi",
        source="https://example.fi",
        checked=date.today(),
        municipalities=tuple(municipalities),
        languages=tuple(languages),
        phone=Sourced("06 123 4567", "https://example.fi") if phone else None,
        hours=parse_hours(hours),
    )


def test_lookup_puts_the_persons_municipality_first_then_the_county_then_others():
    county = County("pohjanmaa", "17", Bilingual("P", "Ö"), "https://example.fi")
    directory = InMemoryDirectory(
        [county],
        [
            _service_record("a-vaasa", ["Vaasa"]),
            _service_record("b-county"),
            _service_record("c-jakobstad", ["Pietarsaari"]),
        ],
    )
    assert [m.service.id for m in directory.lookup("neuvola", "pohjanmaa", "Pietarsaari")] == [
        "c-jakobstad",
        "b-county",
    ]
    assert directory.lookup("neuvola", "pohjanmaa", "Pietarsaari")[0].local
    only_other = InMemoryDirectory([county], [_service_record("a-vaasa", ["Vaasa"])])
    assert [m.service.id for m in only_other.lookup("neuvola", "pohjanmaa", "Närpiö")] == ["a-vaasa"]


def test_lookup_prefers_services_in_the_persons_language_and_with_a_phone():
    county = County("pohjanmaa", "17", Bilingual("P", "Ö"), "https://example.fi")
    directory = InMemoryDirectory(
        [county],
        [
            _service_record("a-fi-only"),
            _service_record("b-sv-no-phone", languages=("fi", "sv"), phone=False),
            _service_record("c-sv-phone", languages=("fi", "sv")),
        ],
    )
    assert [m.service.id for m in directory.lookup("neuvola", "pohjanmaa", None, "sv")] == [
        "c-sv-phone",
        "b-sv-no-phone",
        "a-fi-only",
    ]
    assert directory.lookup("neuvola", "pohjanmaa", None, "fi")[0].service.id == "a-fi-only"


def test_open_now_follows_helsinki_time():
    hours = parse_hours([{"days": "mon-fri", "from": "08:00", "to": "16:00"}])
    assert hours.is_open(datetime(2026, 11, 23, 9, 0, tzinfo=HELSINKI)) is True
    assert hours.is_open(datetime(2026, 11, 23, 17, 0, tzinfo=HELSINKI)) is False
    assert hours.is_open(datetime(2026, 11, 22, 9, 0, tzinfo=HELSINKI)) is False  # a Sunday
    assert parse_hours("24/7").is_open() is True
    assert parse_hours(None).is_open() is None
    assert hours.describe("fi") == "ma–pe 8–16" and hours.describe("sv") == "mån–fre 8–16"


# --- named contacts for professionals, the way in, the per-county table (issue 14) ------------------------

_RECORD = {
    "id": "x",
    "category": "family_guidance",
    "name": {"fi": "Palveluohjaus", "sv": "Servicehandledning"},
    "url": "https://x.fi/palveluohjaus",
    "source": "https://x.fi/palveluohjaus",
    "checked": "2026-11-30",
}
_PERSON = {
    "name": "Maija Meikäläinen",
    "title": {"fi": "perheohjaaja", "sv": "familjehandledare"},
    "phone": "040 123 4567",
    "email": "maija.meikalainen@x.fi",
    "source": "https://x.fi/ammattilaisille",
    "source_date": "2025-09-14",
    "audience": "professionals",
}


def test_named_contacts_and_the_way_in_are_read_with_their_sources():
    raw = {
        **_RECORD,
        "source_date": "2026-10-01",
        "contacts": [
            _PERSON,
            {
                **_PERSON,
                "name": "Ville",
                "phone": None,
                "title": "sosiaaliohjaaja",
                "checked": "2026-01-02",
                "source_date": None,
            },
        ],
        "how_to_reach": {
            "fi": "Lomakkeella tai vaihteen kautta.",
            "sv": "Med blankett eller via växeln.",
            "url": "https://x.fi/lomake",
            "source": "https://x.fi/palveluohjaus",
        },
    }
    s = _service(raw, "lappi", "test")
    first, second = s.contacts
    assert (first.name, first.title.get("sv"), first.phone, first.source_date) == (
        "Maija Meikäläinen",
        "familjehandledare",
        "040 123 4567",
        date(2025, 9, 14),
    )
    assert first.checked == date(2026, 11, 30) and first.dated == date(2025, 9, 14)  # the page's own date counts
    assert second.title.get("sv") == "sosiaaliohjaaja" and second.dated == date(2026, 1, 2) and not second.phone
    assert s.how_to_reach.text.get("sv") == "Med blankett eller via växeln." and s.how_to_reach.url.endswith("/lomake")
    assert s.source_date == date(2026, 10, 1)
    plain = _service(_RECORD, "lappi", "test")  # every new field is optional
    assert plain.contacts == () and plain.how_to_reach is None and plain.source_date is None


@pytest.mark.parametrize(
    "change, message",
    [
        ({"source": None}, "has no source"),
        ({"phone": None, "email": None}, "needs a phone or an e-mail"),
        ({"name": ""}, "needs a name"),
        ({"audience": "families"}, "for professionals only"),
        ({"source_date": "14.9.2025"}, "is not a date"),
    ],
)
def test_a_named_contact_without_a_source_or_a_way_to_reach_them_is_refused(change, message):
    with pytest.raises(DataError, match=message):
        _service({**_RECORD, "contacts": [{**_PERSON, **change}]}, "lappi", "test")


def test_a_way_in_needs_a_finnish_text_and_a_source():
    with pytest.raises(DataError, match="how_to_reach has no source"):
        _service({**_RECORD, "how_to_reach": {"fi": "Soita vaihteeseen."}}, "lappi", "test")
    with pytest.raises(DataError, match="Finnish text"):
        _service({**_RECORD, "how_to_reach": {"sv": "Ring växeln.", "source": "https://x.fi"}}, "lappi", "test")


def test_contacts_and_the_way_in_survive_the_database(engine, directory_data, categories):
    from dataclasses import replace

    raw = {
        **_RECORD,
        "id": "lappi-test-contacts",
        "source_date": "2026-10-01",
        "contacts": [_PERSON],
        "how_to_reach": {"fi": "Lomakkeella.", "sv": "Med blankett.", "source": "https://x.fi/palveluohjaus"},
    }
    record = _service(raw, "lappi", "test")
    load(engine, replace(directory_data, services=(*directory_data.services, record)), categories)
    back = SqlDirectory(engine).service("lappi-test-contacts")
    assert back == record


def test_the_committed_county_table_matches_the_data(directory_data):
    """bot/directory/data/README.md: after changing records run `python -m bot.directory table`."""
    from bot.directory.loader import DATA_DIR
    from bot.directory.readme_table import render

    readme = (DATA_DIR / "README.md").read_text(encoding="utf-8")
    assert render(readme, directory_data) == readme, "run `.venv/bin/python -m bot.directory table`"


def test_the_county_table_counts_categories_records_phones_and_reviews(directory_data):
    from dataclasses import replace

    from bot.directory.readme_table import markdown

    lappi = [s for s in directory_data.services if s.county == "lappi"]
    row = next(line for line in markdown(directory_data).splitlines() if "(`lappi`)" in line)
    cells = [c.strip() for c in row.strip("|").split("|")]
    with_phone = sum(1 for s in lappi if s.phone)
    assert cells[1:4] == [
        str(len({s.category for s in lappi} - {"crisis_line"})),
        str(len(lappi)),
        f"{with_phone} ({round(100 * with_phone / len(lappi))} %)",
    ]
    assert cells[5] == str(sum(1 for s in lappi if s.review))
    fewer = replace(directory_data, services=tuple(s for s in directory_data.services if s.county != "lappi"))
    assert "| 0 | 0 | 0 (–) | 0 | 0 |" in next(line for line in markdown(fewer).splitlines() if "(`lappi`)" in line)
