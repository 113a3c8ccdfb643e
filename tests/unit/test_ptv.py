"""PTV import: channel lists shaped like PTV's open API v11 (tests/unit/fixtures/ptv, written from PTV's public
models: flat channel objects with their linked services, several counties in one file, two pages) become
reviewable directory records, each in its own county; curated and hand-edited records are never overwritten
silently; the live path asks a local stand-in of the API, never the network."""

from __future__ import annotations

import asyncio
import csv
import json
import os
import shutil
import subprocess
import sys
import threading
from datetime import date, datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import pytest
import yaml

from bot.directory.hours import HELSINKI, parse_hours
from bot.directory.loader import DATA_DIR, read_data
from bot.directory.phones import from_ptv
from bot.directory.ptv import PtvItems, fetch_channels, fetch_linked_services, read_files
from bot.directory.ptv_import import import_all, import_items, write
from bot.directory.ptv_mapping import categorize, load_mapping
from bot.directory.validation import validate
from bot.domain import load_domain

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = Path(__file__).resolve().parent / "fixtures" / "ptv"
PAGES = [FIXTURES / "channels_page1.json", FIXTURES / "channels_page2.json"]
MAPPING = DATA_DIR / "ptv_mapping.yml"
BASE = "https://api.palvelutietovaranto.suomi.fi"
TODAY = date(2026, 11, 22)
CHANNEL = "7c0de000-42aa-4bb1-8c5e-00000000c{:03d}".format
SERVICE = "1a9f0c51-3b7e-4c1d-9a11-0000000a{:04d}".format


@pytest.fixture
def data_dir(tmp_path):
    """A copy of the directory data to import into."""
    target = tmp_path / "data"
    shutil.copytree(DATA_DIR, target)
    return target


@pytest.fixture(scope="module")
def items():
    """The channel list alone, as a saved `ServiceChannel/list/area` answer: linked services by name only."""
    return read_files(PAGES)


def _import(items, data_dir, county=None, **kwargs):
    return import_all(items, data_dir, MAPPING, BASE, kwargs.pop("today", TODAY), county=county, **kwargs)


def _records(imported):
    return {r["id"]: (result.county, r) for result in imported.results for r in result.records}


def _details(imported):
    return {c.record: (c.action, c.detail) for r in imported.results for c in r.changes}


def test_the_mapping_reads_service_classes_keywords_and_exclusions():
    rules = load_mapping(MAPPING)
    assert categorize(rules, ["Lastenneuvola"]) == "neuvola"
    assert categorize(rules, ["Perheneuvola"]) == "family_counselling"  # not a neuvola
    assert categorize(rules, ["Familjerådgivningen i Vasa"]) == "family_counselling"
    assert categorize(rules, ["paihdepalvelut aikuisille"]) == "adult_substance"  # without ä
    assert categorize(rules, ["Lapsipäihdetyö"]) is None  # keywords match at the start of a word
    assert categorize(rules, ["Palvelu"], classes=["P3.8"]) == "child_welfare"
    assert categorize(rules, ["Päihdepalvelut"], classes=["P5.7"]) == "adult_substance"  # keyword rule first
    assert categorize(rules, ["Rakennuslupa"], classes=["P2.1"]) is None


@pytest.mark.parametrize(
    "prefix, number, service_number, written, e164",
    [
        ("+358", "401234567", False, "040 123 4567", "+358401234567"),
        ("+358", "6 325 2347", False, "06 325 2347", "+35863252347"),  # the county's own grouping, with the trunk 0
        ("+358", "0401234567", False, "040 123 4567", "+358401234567"),
        ("+358", "16 322 1234", False, "016 322 1234", "+358163221234"),
        ("+358", "91234509", False, "09 123 4509", "+35891234509"),
        ("+358", "800 12345", False, "0800 12345", "+35880012345"),
        (None, "0600 123 45", True, "0600 123 45", "+35860012345"),
        (None, "116 117", True, "116 117", None),  # a short national number has no international form
        ("+46", "8 123 456", False, "+46 8 123 456", "+468123456"),
    ],
)
def test_phone_numbers_in_the_finnish_written_form_and_e164(prefix, number, service_number, written, e164):
    phone = from_ptv(prefix, number, service_number)
    assert (phone.national, phone.e164) == (written, e164)


def test_one_list_of_several_counties_puts_each_channel_in_its_own_county(items, data_dir):
    imported = _import(items, data_dir)  # no --county
    records = _records(imported)
    county = {rid: c for rid, (c, _) in records.items()}
    assert county[f"ptv-neuvola-{CHANNEL(1)}"] == "pohjanmaa"  # Pietarsaari, area code 598
    assert county[f"ptv-social_emergency-{CHANNEL(2)}"] == "kainuu"  # all eight Kainuu municipalities
    assert county[f"ptv-child_welfare-{CHANNEL(4)}"] == "lappi"  # an electronic channel
    assert county[f"ptv-adult_substance-{CHANNEL(5)}"] == "keski-pohjanmaa"
    assert county[f"ptv-violence_support-{CHANNEL(8)}"] == "satakunta"  # no areas: its address in Pori (609)
    # A mother-and-child home serving Oulu and Kajaani: a record in each county, each with its municipality.
    assert records[f"ptv-mother_child_home-{CHANNEL(14)}-pohjois-pohjanmaa"][1]["municipalities"] == ["Oulu"]
    assert records[f"ptv-mother_child_home-{CHANNEL(14)}-kainuu"][1]["municipalities"] == ["Kajaani"]
    # One phone line with two linked services of two categories: one record per category.
    assert {f"ptv-family_guidance-{CHANNEL(13)}", f"ptv-family_social_work-{CHANNEL(13)}"} <= set(records)
    assert records[f"ptv-family_guidance-{CHANNEL(13)}"][1]["municipalities"] == ["Kemi", "Rovaniemi", "Tornio"]
    assert records[f"ptv-social_emergency-{CHANNEL(2)}"][1]["municipalities"] == []  # every municipality: all
    assert {r.county for r in imported.results} == {
        "pohjanmaa",
        "kainuu",
        "lappi",
        "keski-pohjanmaa",
        "satakunta",
        "pohjois-pohjanmaa",
    }
    assert [c.detail for c in imported.unplaced] == [
        "nationwide channel: national lines are kept in helplines.yml, not per county"
    ]


def test_a_channel_keeps_its_phone_hours_charge_names_and_modified_date(items, data_dir):
    records = {rid: r for rid, (_, r) in _records(_import(items, data_dir)).items()}
    neuvola = records[f"ptv-neuvola-{CHANNEL(1)}"]
    assert neuvola["name"] == {"fi": "Pietarsaaren neuvola", "sv": "Jakobstads rådgivning"}
    assert neuvola["description"] == {
        "fi": "Äitiys- ja lastenneuvola Pietarsaaressa.",
        "sv": "Mödra- och barnrådgivning i Jakobstad.",
    }
    assert neuvola["phone"]["number"] == "040 123 4567" and neuvola["phone"]["e164"] == "+358401234567"
    assert neuvola["phone"]["source"] == f"{BASE}/api/v11/ServiceChannel/{CHANNEL(1)}"
    assert neuvola["email"]["address"] == "neuvola.pietarsaari@example.fi"
    assert neuvola["address"]["fi"] == "Neuvolakatu 5, 68600 Pietarsaari"  # v11's "Location" address
    assert neuvola["address"]["sv"] == "Rådgivningsgatan 5, 68600 Jakobstad"
    assert neuvola["url_sv"] == "https://example.fi/sv/radgivning/jakobstad"
    assert neuvola["source_date"] == date(2026, 4, 15) and neuvola["ptv"]["modified"] == "2026-04-15"
    # The summer hours of 2020 are over; the standing week is used; Christmas ahead is told to the reviewer.
    assert neuvola["hours"]["open"] == [
        {"days": "mon-thu", "from": "08:00", "to": "16:00"},
        {"days": "fri", "from": "08:00", "to": "14:00"},
    ]
    assert "poikkeusaukiolo 24.12.–26.12.2026: suljettu (Joulu)" in neuvola["notes"]
    assert neuvola["review"] is False and neuvola["languages"] == ["fi", "sv"]

    duty = records[f"ptv-social_emergency-{CHANNEL(2)}"]  # OverMidnight: Friday 15:00 to Monday 08:00
    hours = parse_hours(duty["hours"]["open"])
    assert hours.is_open(datetime(2026, 11, 28, 3, 0, tzinfo=HELSINKI))  # Saturday night
    assert hours.is_open(datetime(2026, 11, 30, 7, 30, tzinfo=HELSINKI))  # Monday morning
    assert not hours.is_open(datetime(2026, 11, 25, 12, 0, tzinfo=HELSINKI))  # Wednesday noon
    assert duty["review"] is False and duty["source_date"] == date(2026, 9, 30)

    line = records[f"ptv-adult_substance-{CHANNEL(5)}"]  # a charged Finnish service number
    assert line["phone"]["number"] == "0600 123 45"
    assert "puhelu maksullinen: 1,20 €/min + pvm/mpm" in line["notes"]
    youth = records[f"ptv-youth_substance-{CHANNEL(6)}"]  # closed this week; new hours from January
    assert youth["hours"]["open"] == [{"days": "mon-fri", "from": "08:00", "to": "15:30"}]
    assert "poikkeusaukiolo 20.11.–27.11.2026: suljettu (Remontti)" in youth["notes"]
    assert "uudet aukioloajat 01.01.2027 alkaen: ma–to 8–16" in youth["notes"]
    assert records[f"ptv-violence_support-{CHANNEL(8)}"]["hours"]["open"] == "24/7"  # isAlwaysOpen
    web = records[f"ptv-family_counselling-{CHANNEL(3)}"]  # a web channel: its page is the way in
    assert web["url"] == "https://example.fi/kainuu/perheneuvola/ajanvaraus" and "phone" not in web
    form = records[f"ptv-child_welfare-{CHANNEL(4)}"]  # an electronic channel with a support phone and e-mail
    assert form["phone"]["number"] == "016 322 1234" and form["email"]["address"] == "lastensuojelu@example.fi"


def test_what_cannot_be_used_is_skipped_with_the_reason_and_the_words_looked_at(items, data_dir):
    details = _details(_import(items, data_dir))
    action, detail = details[CHANNEL(10)]
    assert action == "skipped" and detail.startswith("unmapped")
    assert '"Rakennuslupa"' in detail and '"Rakennusvalvonnan asiakaspalvelu"' in detail  # service and channel
    assert '"Rakennusluvat ja neuvonta."' in detail  # the descriptions were read too
    assert details[CHANNEL(11)][1].startswith("unmapped")  # its service's class is only in Service/{id}
    assert "PrintableForm" in details[CHANNEL(7)][1]
    # Pohjanmaa's social emergency line is hand-curated (same number): reported, not imported.
    action, detail = details["pohjanmaa-social-emergency-sosiaalipaivystys"]
    assert action == "curated" and CHANNEL(12) in detail


def test_county_only_filters(items, data_dir):
    imported = _import(items, data_dir, county="kainuu")
    assert [r.county for r in imported.results] == ["kainuu"]
    assert set(_records(imported)) == {
        f"ptv-social_emergency-{CHANNEL(2)}",
        f"ptv-family_counselling-{CHANNEL(3)}",
        f"ptv-mother_child_home-{CHANNEL(14)}-kainuu",
    }
    single = import_items(items, "lappi", data_dir, MAPPING, BASE, TODAY)
    assert {r["id"] for r in single.records} == {
        f"ptv-child_welfare-{CHANNEL(4)}",
        f"ptv-family_guidance-{CHANNEL(13)}",
        f"ptv-family_social_work-{CHANNEL(13)}",
    }


def test_the_written_files_load_next_to_the_curated_data_and_validate(items, data_dir):
    before = read_data(data_dir)
    imported = _import(items, data_dir)
    for result in imported.results:
        write(result, data_dir, TODAY)
    after = read_data(data_dir)
    by_origin = [s for s in after.services if s.origin == "ptv"]
    assert len(by_origin) == len(_records(imported)) == 11 and len(after.services) == len(before.services) + 11
    assert [f for f in validate(after, today=TODAY) if f.level == "error"] == []
    text = (data_dir / "ptv" / "kainuu.yml").read_text(encoding="utf-8")
    assert text.startswith("# kainuu: imported from Suomi.fi Palvelutietovaranto") and "&id" not in text
    duty = next(s for s in after.services if s.id == f"ptv-social_emergency-{CHANNEL(2)}")
    assert duty.county == "kainuu" and duty.phone.value == "044 123 4502" and duty.source_date == date(2026, 9, 30)


def test_a_second_import_confirms_changes_keeps_hand_edits_and_honours_ignore(items, data_dir):
    for result in _import(items, data_dir, county="lappi").results:
        write(result, data_dir, TODAY)
    again = _import(items, data_dir, county="lappi", today=date(2026, 12, 1)).result("lappi")
    assert {c.action for c in again.changes if c.record.startswith("ptv-")} == {"unchanged"}
    assert {str(r["checked"]) for r in again.records} == {"2026-12-01"}  # re-confirmed

    path = data_dir / "ptv" / "lappi.yml"
    doc = yaml.safe_load(path.read_text(encoding="utf-8"))
    edited = f"ptv-child_welfare-{CHANNEL(4)}"
    next(r for r in doc["services"] if r["id"] == edited)["phone"]["number"] = "016 000 0000"
    doc["ignore"] = [f"ptv-family_social_work-{CHANNEL(13)}"]
    path.write_text(yaml.safe_dump(doc, allow_unicode=True, sort_keys=False), encoding="utf-8")

    changed = json.loads(json.dumps(items.as_json()))
    line = next(i for i in changed if i["id"] == CHANNEL(13))
    line["phoneNumbers"][0]["number"] = "403000013"
    fresh = PtvItems()
    fresh.add(changed)
    result = _import(fresh, data_dir, county="lappi").result("lappi")
    actions = {c.record: c.action for c in result.changes}
    assert actions[edited] == "kept"
    assert actions[f"ptv-family_guidance-{CHANNEL(13)}"] == "changed"
    assert actions[f"ptv-family_social_work-{CHANNEL(13)}"] == "skipped"
    kept = next(r for r in result.records if r["id"] == edited)
    assert kept["phone"]["number"] == "016 000 0000"
    detail = next(c.detail for c in result.changes if c.record == edited)
    assert "edited by hand" in detail and "phone" in detail

    gone = PtvItems()
    gone.add([i for i in changed if i["id"] != CHANNEL(13)])
    assert {c.record: c.action for c in _import(gone, data_dir, county="lappi").result("lappi").changes}[
        f"ptv-family_guidance-{CHANNEL(13)}"
    ] == "removed"
    overwritten = _import(fresh, data_dir, county="lappi", overwrite=True).result("lappi")
    assert next(r for r in overwritten.records if r["id"] == edited)["phone"]["number"] == "016 322 1234"
    write(result, data_dir, TODAY)
    assert yaml.safe_load(path.read_text(encoding="utf-8"))["ignore"] == [f"ptv-family_social_work-{CHANNEL(13)}"]


# --- the live API, from a local stand-in -----------------------------------------------------------------


def _all_channels() -> list[dict]:
    return [c for p in PAGES for c in json.loads(p.read_text(encoding="utf-8"))["itemList"]]


def _codes(channel: dict) -> set[str]:
    codes = {a["code"] for a in channel.get("areas") or [] if a.get("type") == "Municipality"}
    codes |= {m["code"] for a in channel.get("areas") or [] for m in a.get("municipalities") or []}
    codes |= {
        (a.get("streetAddress") or {}).get("municipality", {}).get("code") for a in channel.get("addresses") or []
    }
    return codes


class _StandIn(BaseHTTPRequestHandler):
    """PTV's open API: channels of a municipality, two a page, and single services by id; 404 otherwise."""

    requests: list = []
    page_size = 2

    def do_GET(self):  # noqa: N802 (http.server's naming)
        url = urlparse(self.path)
        parts = url.path.split("/")
        self.requests.append(url.path)
        body, status = None, 200
        if url.path.startswith("/api/v11/ServiceChannel/list/area/Municipality/code/"):
            page = int(parse_qs(url.query).get("page", ["1"])[0])
            mine = [c for c in _all_channels() if parts[-1] in _codes(c)]
            pages = -(-len(mine) // self.page_size)
            body = {
                "pageNumber": page,
                "pageSize": self.page_size,
                "pageCount": pages,
                "itemList": mine[(page - 1) * self.page_size : page * self.page_size],
            }
        elif url.path.startswith("/api/v11/Service/"):
            services = json.loads((FIXTURES / "services.json").read_text(encoding="utf-8"))
            body = next((s for s in services if s["id"] == parts[-1]), None)
            status = 200 if body else 404
        payload = json.dumps(body if body is not None else {"error": "not found"}).encode()
        self.send_response(status if body is not None else 404)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)

    def log_message(self, *args):
        pass


@pytest.fixture
def stand_in():
    server = ThreadingHTTPServer(("127.0.0.1", 0), _StandIn)
    _StandIn.requests = []
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def test_the_live_api_is_read_page_by_page_and_each_linked_service_once_then_from_the_cache(
    stand_in, tmp_path, data_dir
):
    fetched = fetch_channels(stand_in, "kainuu", progress=False)
    assert set(fetched.channels) == {CHANNEL(2), CHANNEL(3), CHANNEL(11), CHANNEL(14)}
    assert "/api/v11/ServiceChannel/list/area/Municipality/code/205" in _StandIn.requests  # Kajaani: 2 pages
    assert sum(r.endswith("/code/205") for r in _StandIn.requests) == 2
    asked = fetch_linked_services(fetched, stand_in, tmp_path / "cache", progress=False)
    assert asked == 4 and {SERVICE(11), SERVICE(15)} <= set(fetched.services)
    # With the service's class (P3.6) the family centre maps; from the channel list alone it did not.
    records = _records(_import(fetched, data_dir, county="kainuu"))
    assert f"ptv-family_social_work-{CHANNEL(11)}" in records

    _StandIn.requests = []
    again = fetch_channels(stand_in, "kainuu", progress=False)
    assert fetch_linked_services(again, stand_in, tmp_path / "cache", progress=False) == 0  # all from the cache
    assert not any(r.startswith("/api/v11/Service/") for r in _StandIn.requests)


def _cli(*args, env=None):
    return subprocess.run(
        [sys.executable, "-m", "bot.directory", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={**os.environ, **(env or {})},
        timeout=300,
    )


def test_the_saved_file_of_two_counties_imports_without_county(data_dir):
    """The issue's case: a service location and a phone line of two different counties in one file."""
    run = _cli("--data", str(data_dir), "import-ptv", "--file", str(FIXTURES / "two_counties.json"))
    assert run.returncode == 0, run.stderr
    assert "unmapped" not in run.stdout and "2 added" in run.stdout
    data = read_data(data_dir)
    location = next(s for s in data.services if s.id == f"ptv-family_counselling-{CHANNEL(101)}")
    line = next(s for s in data.services if s.id == f"ptv-child_welfare-{CHANNEL(102)}")
    assert (location.county, location.phone.value, location.municipalities) == ("pohjanmaa", "040 325 1101", ("Vaasa",))
    assert location.hours.describe("sv") == "mån–fre 8–15" and location.address.sv.startswith("Familjerådgivningsgatan")
    assert (line.county, line.phone.value, line.municipalities) == ("kainuu", "08 6150 1102", ())
    assert line.hours.describe("fi") == "ma–pe 9–12"


def test_the_command_line_imports_live_then_validates_loads_and_exports(stand_in, data_dir, tmp_path):
    run = _cli(
        "--data",
        str(data_dir),
        "import-ptv",
        "--county",
        "kainuu",
        "--live",
        "--no-progress",
        "--cache",
        str(tmp_path / "cache"),
        env={"PTV_API_URL": stand_in},
    )
    assert run.returncode == 0, run.stderr
    assert "4 added" in run.stdout and "unmapped" not in run.stdout
    # Sources name the API the data came from, so anyone can read them back.
    assert f"source: {stand_in}/api/v11/ServiceChannel/" in (data_dir / "ptv" / "kainuu.yml").read_text()
    check = _cli("--data", str(data_dir), "validate", "--county", "kainuu")
    assert check.returncode == 0 and "with phone" in check.stdout
    db = f"sqlite:///{tmp_path / 'app.db'}"
    assert _cli("--data", str(data_dir), "--database-url", db, "load").returncode == 0
    from bot.db import make_engine
    from bot.directory.sql import SqlDirectory

    directory = SqlDirectory(make_engine(db))
    imported = directory.service(f"ptv-social_emergency-{CHANNEL(2)}")
    assert imported.origin == "ptv" and imported.source_date == date(2026, 9, 30)
    assert imported.id in [m.service.id for m in directory.lookup("social_emergency", "kainuu", "Kuhmo", "fi")]
    out = tmp_path / "kainuu.csv"
    assert (
        _cli("--data", str(data_dir), "export", "--format", "csv", "--county", "kainuu", "--out", str(out)).returncode
        == 0
    )
    rows = {r["id"]: r for r in csv.DictReader(out.open(encoding="utf-8-sig"))}
    row = rows[f"ptv-social_emergency-{CHANNEL(2)}"]
    assert row["source"].endswith(CHANNEL(2)) and row["source_date"] == "2026-09-30" and row["checked"]
    assert row["hours_fi"] == "pe 15–24, la–su 0–24, ma 0–8"


def test_a_dry_run_writes_nothing_and_a_broken_file_is_refused(data_dir, tmp_path):
    run = _cli("--data", str(data_dir), "import-ptv", "--dry-run", *(f"--file={p}" for p in PAGES))
    assert run.returncode == 0 and "dry run" in run.stdout and not list((data_dir / "ptv").glob("*.yml"))
    broken = tmp_path / "broken.json"
    broken.write_text("{not json", encoding="utf-8")
    run = _cli("--data", str(data_dir), "import-ptv", "--file", str(broken))
    assert run.returncode == 3 and "broken.json" in run.stderr


def test_an_imported_phone_number_reaches_the_answer(items, data_dir):
    """The directory lookup the service-search action uses gives the imported Kainuu line, number and all."""
    from rasa_sdk import Tracker
    from rasa_sdk.executor import CollectingDispatcher

    from bot.actions.service_search import ActionRecommendServices
    from bot.directory.memory import InMemoryDirectory

    for result in _import(items, data_dir).results:
        write(result, data_dir, TODAY)
    directory = InMemoryDirectory.from_data(read_data(data_dir))
    domain = load_domain()
    # The imported mother-and-child home names Oulu: for a person in Oulu it comes before county-wide records.
    # A mother-and-child home is for a family with a baby (bot/situation/routing.py): the situation says so.
    from bot.situation import model
    from bot.situation.reading import Message, read

    said = Message(
        text="mieheni juo ja meillä on 3kk vauva",
        intent="substance_use_family",
        confidence=0.9,
        entities=[],
        asked=None,
        language="fi",
    )
    situation = model.merge(model.empty(), read(said))
    tracker = Tracker(
        "t",
        {
            "language": "fi",
            "concern": "substance_use_family",
            "area": "pohjois-pohjanmaa",
            "municipality": "Oulu",
            "situation": situation,
        },
        {"text": "", "intent": {"name": "inform_location"}, "entities": []},
        [],
        False,
        None,
        None,
        "action_listen",
    )
    dispatcher = CollectingDispatcher()
    asyncio.run(ActionRecommendServices(directory).run(dispatcher, tracker, domain))
    cards = [m for m in dispatcher.messages if (m.get("custom") or {}).get("type") == "service"]
    home = next(
        m for m in cards if m["custom"]["service_id"] == f"ptv-mother_child_home-{CHANNEL(14)}-pohjois-pohjanmaa"
    )
    assert home["custom"]["phone"] == "040 123 4514" and "Puhelin: 040 123 4514" in home["details"]
