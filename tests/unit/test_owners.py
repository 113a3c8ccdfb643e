"""The owners' page, its CSV export and JSON, served by a real aiohttp server with a stand-in login."""

from __future__ import annotations

import asyncio
import csv
import io
from dataclasses import dataclass, field
from datetime import timedelta

import pytest
from aiohttp import web
from aiohttp.test_utils import TestClient, TestServer

from bot.analytics.counters import count, remember_unanswered, today
from console import owners
from tests.conftest import create_all


@dataclass
class Guide:
    role: str = "admin"
    counties: list = field(default_factory=list)


@pytest.fixture
def db(engine):
    create_all(engine)
    day = today()
    for _ in range(4):
        count(engine, "conversation", "pohjanmaa", "sv", day=day)
    count(engine, "conversation", "lappi", "fi", day=day, n=6)
    count(engine, "conversation", "pohjanmaa", "fi", day=day - timedelta(days=30), n=2)  # the period before
    count(engine, "recommendation", "pohjanmaa", "sv", key="hal_clinic", day=day, n=3)
    count(engine, "recommendation", "lappi", "fi", key="neuvola", day=day)
    count(engine, "intent", "", "fi", key="greet", day=day, n=5)
    count(engine, "fallback", "", "fi", key="family_support", day=day)
    count(engine, "emergency", "lappi", "fi", day=day)
    remember_unanswered(
        engine,
        "nlu_fallback",
        "<b>apua</b> soita 040 123 4567",
        "fi",
        intent="family_support",
        confidence=0.21,
        day=day,
    )
    remember_unanswered(engine, "out_of_scope", '=HYPERLINK("x")', "sv", county="lappi", day=day)
    return engine


def _get(engine, guide, path):
    async def go():
        @web.middleware
        async def login(request, handler):  # the console's auth middleware does this
            if guide is not None:
                request["guide"] = guide
            return await handler(request)

        app = web.Application(middlewares=[login])
        app.add_routes(owners.routes(engine))
        async with TestClient(TestServer(app)) as client:
            response = await client.get(path)
            return response.status, response.headers, await response.read()

    return asyncio.run(go())


def test_an_admin_sees_numbers_charts_and_the_redacted_unanswered_messages(db):
    status, headers, body = _get(db, Guide(), "/guide/owners")
    html = body.decode("utf-8")
    assert status == 200 and headers["Content-Type"].startswith("text/html")
    assert "default-src 'none'" in headers["Content-Security-Policy"]
    assert "<script" not in html.lower() and html.count("<svg") >= 2  # server-drawn charts, no scripts
    assert "Mitä ihmiset tarvitsevat" in html
    assert "<td>Keskustelut</td><td class=n>10</td><td class=n>2</td><td class=n>+400 %</td>" in html
    assert "HAL-poliklinikka (raskaus ja päihteet)" in html  # category names from categories.yml
    assert "&lt;b&gt;apua&lt;/b&gt; soita [phone]" in html and "040 123" not in html


def test_the_page_speaks_swedish_on_request(db):
    html = _get(db, Guide(), "/guide/owners?lang=sv&days=7")[2].decode("utf-8")
    assert "Vad människor behöver" in html and "<html lang=sv>" in html and "Samtal" in html
    assert "<td>Österbottens välfärdsområde</td>" in html  # counties by their names, in the page's language


def test_only_admins_see_it_and_only_their_counties(db):
    assert _get(db, Guide(role="guide"), "/guide/owners")[0] == 403
    assert _get(db, None, "/guide/owners")[0] == 401
    assert _get(db, Guide(counties=["pohjanmaa"]), "/guide/owners?county=lappi")[0] == 403
    status, _, body = _get(db, Guide(counties=["pohjanmaa"]), "/guide/api/stats")
    import json

    stats = json.loads(body)
    assert status == 200 and stats["totals"]["conversation"] == 4 and stats["totals"]["emergency"] == 0
    assert stats["recommendations_by_category"] == {"hal_clinic": 3}
    everything = json.loads(_get(db, Guide(), "/guide/api/stats?days=7")[2])
    assert everything["totals"]["conversation"] == 10 and everything["previous"]["conversation"] == 0
    assert everything["by_day"]["conversation"][today().isoformat()] == 10


def test_csv_exports_of_counters_and_messages(db):
    status, headers, body = _get(db, Guide(), "/guide/owners/export.csv")
    assert status == 200 and "attachment" in headers["Content-Disposition"]
    rows = list(csv.DictReader(io.StringIO(body.decode("utf-8-sig"))))
    assert {(r["county"], r["metric"], r["key"], r["count"]) for r in rows} >= {
        ("pohjanmaa", "recommendation", "hal_clinic", "3"),
        ("lappi", "conversation", "", "6"),
    }
    messages = list(
        csv.DictReader(
            io.StringIO(_get(db, Guide(), "/guide/owners/export.csv?table=unanswered")[2].decode("utf-8-sig"))
        )
    )
    assert {m["text"] for m in messages} == {"<b>apua</b> soita [phone]", '\'=HYPERLINK("x")'}  # formula defused
    scoped = _get(db, Guide(counties=["pohjanmaa"]), "/guide/owners/export.csv?table=unanswered")[2].decode("utf-8-sig")
    assert "HYPERLINK" not in scoped and "[phone]" in scoped  # unknown-county messages are shared, Lappi's are not


def test_the_page_shows_the_directorys_freshness_per_county(db, directory_data, categories):
    from dataclasses import replace
    from datetime import date

    from bot.directory.sql import load

    lappi = [s for s in directory_data.services if s.county == "lappi"]
    aged = replace(lappi[0], id="lappi-aged", checked=date(2020, 1, 1))
    load(db, replace(directory_data, services=(*directory_data.services, aged)), categories)
    html = _get(db, Guide(), "/guide/owners")[2].decode("utf-8")
    assert "Palveluhakemisto alueittain" in html
    phones = sum(1 for s in lappi if s.phone) + (1 if aged.phone else 0)
    reviews = sum(1 for s in lappi if s.review) + aged.review
    assert (
        f"<td>Lapin hyvinvointialue</td><td class=n>12/12</td><td class=n>{len(lappi) + 1}</td>"
        f"<td class=n>{phones} ({round(100 * phones / (len(lappi) + 1))} %)</td><td class=n>{reviews}</td>"
        f"<td class=n>1</td><td class=n>0</td>"
    ) in html
    scoped = _get(db, Guide(counties=["pohjanmaa"]), "/guide/owners?lang=sv")[2].decode("utf-8")
    assert "Servicekatalogen per område" in scoped and "Österbottens välfärdsområde</td><td class=n>12/12" in scoped
    assert "Lapplands välfärdsområde</td><td class=n>" not in scoped  # only the admin's counties
