"""PTV import: PTV open API v11-shaped fixtures (tests/unit/fixtures/ptv, written from PTV's public models)
become reviewable directory records; curated and hand-edited records are never overwritten silently."""
from __future__ import annotations

import json
import shutil
import subprocess
import sys
import threading
from datetime import date
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import pytest
import yaml

from bot.directory.loader import DATA_DIR, read_data
from bot.directory.ptv import fetch_county, read_files
from bot.directory.ptv_mapping import categorize, load_mapping
from bot.directory.ptv_import import import_items, write
from bot.directory.validation import validate

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = Path(__file__).resolve().parent / "fixtures" / "ptv"
MAPPING = DATA_DIR / "ptv_mapping.yml"
BASE = "https://api.palvelutietovaranto.suomi.fi"
TODAY = date(2026, 11, 22)
CHANNEL = "7c0de000-42aa-4bb1-8c5e-00000000c{:03d}".format


@pytest.fixture
def data_dir(tmp_path):
    """A copy of the directory data to import into."""
    target = tmp_path / "data"
    shutil.copytree(DATA_DIR, target)
    return target


@pytest.fixture(scope="module")
def items():
    return read_files(sorted(FIXTURES.glob("*.json")))


def _import(items, data_dir, **kwargs):
    return import_items(items, "pohjanmaa", data_dir, MAPPING, BASE, kwargs.pop("today", TODAY), **kwargs)


def _actions(result):
    return {c.record: c.action for c in result.changes}


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


def test_channels_become_records_with_their_contacts_hours_and_area(items, data_dir):
    result = _import(items, data_dir)
    records = {r["id"]: r for r in result.records}
    neuvola = records[f"ptv-neuvola-{CHANNEL(1)}"]
    assert neuvola["name"] == {"fi": "Pietarsaaren neuvola", "sv": "Jakobstads rådgivning"}
    assert neuvola["municipalities"] == ["Pietarsaari"]
    assert neuvola["phone"]["number"] == "0401234567"  # +358 401234567, the Finnish-language one
    assert neuvola["phone"]["source"] == f"{BASE}/api/v11/ServiceChannel/{CHANNEL(1)}"
    assert neuvola["email"]["address"] == "neuvola.pietarsaari@example.fi"
    assert neuvola["address"]["fi"] == "Neuvolakatu 5, 68600 Pietarsaari"
    assert neuvola["address"]["sv"] == "Rådgivningsgatan 5, 68600 Jakobstad"
    # The summer hours of 2020 are not valid any more; the standard week is.
    assert neuvola["hours"]["open"] == [{"days": "mon-thu", "from": "08:00", "to": "16:00"},
                                        {"days": "fri", "from": "08:00", "to": "14:00"}]
    assert neuvola["url_sv"] == "https://example.fi/sv/radgivning/jakobstad"
    assert neuvola["review"] is False and neuvola["languages"] == ["fi", "sv"]
    phone_line = records[f"ptv-neuvola-{CHANNEL(2)}"]
    assert phone_line["municipalities"] == []  # the wellbeing services county as its area: the whole county
    assert phone_line["review"] is True and "OverMidnight" in phone_line["notes"]  # hours it could not bring
    chat = records[f"ptv-family_counselling-{CHANNEL(9)}"]
    assert chat["email"]["address"] == "perheneuvola@example.fi" and chat["languages"] == ["fi", "sv"]
    assert records[f"ptv-mental_health-{CHANNEL(6)}"]["municipalities"] == ["Vaasa"]


def test_what_cannot_be_used_is_skipped_with_the_reason_and_curated_records_are_left_alone(items, data_dir):
    result = _import(items, data_dir)
    reasons = {c.record: (c.action, c.detail) for c in result.changes}
    assert reasons[CHANNEL(5)][1].startswith("unmapped")
    assert "PrintableForm" in reasons[CHANNEL(7)][1]
    assert reasons[CHANNEL(8)][1] == "outside pohjanmaa: Turku"
    # The social emergency line is hand-curated (same phone number): reported, not imported.
    action, detail = reasons["pohjanmaa-social-emergency-sosiaalipaivystys"]
    assert action == "curated" and "url:" in detail
    assert not any(CHANNEL(4) in r["id"] for r in result.records)
    assert result.counts()["added"] == len(result.records) == 5


def test_the_written_file_loads_next_to_the_curated_data_and_validates(items, data_dir):
    before = read_data(data_dir)
    write(_import(items, data_dir), data_dir, TODAY)
    after = read_data(data_dir)
    imported = [s for s in after.services if s.origin == "ptv"]
    assert len(imported) == 5 and len(after.services) == len(before.services) + 5
    assert {s.county for s in imported} == {"pohjanmaa"}
    assert [f for f in validate(after, today=TODAY) if f.level == "error"] == []
    text = (data_dir / "ptv" / "pohjanmaa.yml").read_text(encoding="utf-8")
    assert text.startswith("# pohjanmaa: imported from Suomi.fi Palvelutietovaranto") and "&id" not in text


def test_a_second_import_confirms_changes_keeps_hand_edits_and_honours_ignore(items, data_dir):
    write(_import(items, data_dir), data_dir, TODAY)
    again = _import(items, data_dir, today=date(2026, 12, 1))
    assert {a for r, a in _actions(again).items() if r.startswith("ptv-")} == {"unchanged"}
    assert {str(r["checked"]) for r in again.records} == {"2026-12-01"}  # re-confirmed

    path = data_dir / "ptv" / "pohjanmaa.yml"
    doc = yaml.safe_load(path.read_text(encoding="utf-8"))
    edited = f"ptv-neuvola-{CHANNEL(1)}"
    next(r for r in doc["services"] if r["id"] == edited)["phone"]["number"] = "06 000 0000"
    doc["ignore"] = [f"ptv-mental_health-{CHANNEL(6)}"]
    path.write_text(yaml.safe_dump(doc, allow_unicode=True, sort_keys=False), encoding="utf-8")

    changed = json.loads(json.dumps(items.as_json()))
    chat = next(i for i in changed if i["id"] == CHANNEL(9))
    chat["supportPhones"][0]["number"] = "403000009"
    changed = [i for i in changed if i["id"] != CHANNEL(3)]  # gone from PTV
    from bot.directory.ptv import PtvItems

    fresh = PtvItems()
    fresh.add(changed)
    result = _import(fresh, data_dir)
    actions = _actions(result)
    assert actions[edited] == "kept"
    assert actions[f"ptv-family_counselling-{CHANNEL(9)}"] == "changed"
    assert actions[f"ptv-family_counselling-{CHANNEL(3)}"] == "removed"
    assert actions[f"ptv-mental_health-{CHANNEL(6)}"] == "skipped"
    kept = next(r for r in result.records if r["id"] == edited)
    assert kept["phone"]["number"] == "06 000 0000"
    detail = next(c.detail for c in result.changes if c.record == edited)
    assert "edited by hand" in detail and "phone" in detail

    overwritten = _import(fresh, data_dir, overwrite=True)
    assert _actions(overwritten)[edited] == "changed"
    assert next(r for r in overwritten.records if r["id"] == edited)["phone"]["number"] == "0401234567"
    write(result, data_dir, TODAY)
    assert yaml.safe_load(path.read_text(encoding="utf-8"))["ignore"] == [f"ptv-mental_health-{CHANNEL(6)}"]


class _StandIn(BaseHTTPRequestHandler):
    """PTV's open API for two municipalities of Pohjanmaa, paged like the real one; empty elsewhere."""

    requests: list = []

    def do_GET(self):  # noqa: N802 (http.server's naming)
        url = urlparse(self.path)
        page = int(parse_qs(url.query).get("page", ["1"])[0])
        self.requests.append((url.path, page))
        parts = url.path.split("/")  # /api/v11/<kind>/list/area/Municipality/code/<code>
        kind, code = parts[3], parts[-1]
        body = {"pageNumber": page, "pageSize": 1000, "pageCount": 0, "itemList": []}
        if code in ("598", "905"):
            if kind == "Service":
                body = json.loads((FIXTURES / "services.json").read_text(encoding="utf-8"))
            elif kind == "ServiceChannel":
                body = json.loads((FIXTURES / f"channels_page{page}.json").read_text(encoding="utf-8"))
        payload = json.dumps(body).encode()
        self.send_response(200)
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


def test_the_live_api_is_read_page_by_page_for_every_municipality(stand_in, items):
    fetched = fetch_county(stand_in, "pohjanmaa", progress=False)
    assert set(fetched.channels) == set(items.channels) and set(fetched.services) == set(items.services)
    asked = {(path.split("/")[-1], path.split("/")[3], page) for path, page in _StandIn.requests}
    assert ("598", "ServiceChannel", 2) in asked and ("905", "ServiceChannel", 2) in asked
    assert ("545", "Service", 1) in asked and ("545", "Service", 2) not in asked  # Närpiö: nothing, one page


def _cli(*args, env=None):
    import os

    return subprocess.run([sys.executable, "-m", "bot.directory", *args], cwd=ROOT, capture_output=True, text=True,
                          env={**os.environ, **(env or {})}, timeout=300)


def test_the_command_line_imports_live_then_validates_loads_and_exports(stand_in, data_dir, tmp_path):
    run = _cli("--data", str(data_dir), "import-ptv", "--county", "pohjanmaa", "--live", "--no-progress",
               env={"PTV_API_URL": stand_in})
    assert run.returncode == 0, run.stderr
    assert "5 added" in run.stdout and "1 curated" in run.stdout and "unmapped" in run.stdout
    # Sources name the API the data came from, so anyone can read them back.
    assert f"source: {stand_in}/api/v11/ServiceChannel/" in (data_dir / "ptv" / "pohjanmaa.yml").read_text()
    check = _cli("--data", str(data_dir), "validate", "--county", "pohjanmaa")
    assert check.returncode == 0 and "ptv-neuvola-" in check.stdout  # the phone line's hours need review
    db = f"sqlite:///{tmp_path / 'app.db'}"
    assert _cli("--data", str(data_dir), "--database-url", db, "load").returncode == 0
    from bot.db import make_engine
    from bot.directory.sql import SqlDirectory

    directory = SqlDirectory(make_engine(db))
    imported = directory.service(f"ptv-neuvola-{CHANNEL(1)}")
    assert imported.origin == "ptv" and imported.page("sv").endswith("/jakobstad")
    assert imported.id in [m.service.id for m in directory.lookup("neuvola", "pohjanmaa", "Pietarsaari", "sv")]
    out = tmp_path / "pohjanmaa.csv"
    assert _cli("--data", str(data_dir), "export", "--format", "csv", "--county", "pohjanmaa",
                "--out", str(out)).returncode == 0
    import csv

    rows = list(csv.DictReader(out.open(encoding="utf-8-sig")))
    assert {r["county"] for r in rows} == {"pohjanmaa"} and {r["origin"] for r in rows} == {"curated", "ptv"}
    assert next(r for r in rows if r["id"] == f"ptv-neuvola-{CHANNEL(1)}")["hours_sv"] == "mån–tor 8–16, fre 8–14"


def test_a_dry_run_writes_nothing_and_a_broken_file_is_refused(data_dir, tmp_path):
    run = _cli("--data", str(data_dir), "import-ptv", "--county", "pohjanmaa", "--dry-run",
               "--file", str(FIXTURES / "services.json"), "--file", str(FIXTURES / "channels_page1.json"))
    assert run.returncode == 0 and "dry run" in run.stdout and not (data_dir / "ptv" / "pohjanmaa.yml").exists()
    broken = tmp_path / "broken.json"
    broken.write_text("{not json", encoding="utf-8")
    run = _cli("--data", str(data_dir), "import-ptv", "--county", "pohjanmaa", "--file", str(broken))
    assert run.returncode == 3 and "broken.json" in run.stderr
