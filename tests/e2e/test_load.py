"""Load, bounded and on loopback: 50 conversations at the same time, 20 turns each, through the REST
channel. Every message is answered, each conversation's replies belong to it alone (recipient id, and
the services of its own county), and the latency is reported (p50/p95, not asserted: speed targets live
in bench/)."""

from __future__ import annotations

import asyncio
import statistics
import time
import uuid

import aiohttp

from bot.places.resolver import county_of
from tests.e2e.conftest import ROOT

CONVERSATIONS, TURNS = 50, 20
# One municipality per conversation, across the counties: a reply that strayed into another conversation
# would carry the wrong county.
PLACES = [
    "Rovaniemi",
    "Kemi",
    "Oulu",
    "Raahe",
    "Kajaani",
    "Kuhmo",
    "Kokkola",
    "Kannus",
    "Vaasa",
    "Pietarsaari",
    "Pori",
    "Rauma",
    "Turku",
    "Salo",
    "Seinäjoki",
    "Lapua",
    "Tampere",
    "Nokia",
    "Hämeenlinna",
    "Forssa",
    "Lahti",
    "Heinola",
    "Kotka",
    "Kouvola",
    "Lappeenranta",
    "Imatra",
    "Mikkeli",
    "Savonlinna",
    "Kuopio",
    "Iisalmi",
    "Joensuu",
    "Lieksa",
    "Jyväskylä",
    "Jämsä",
    "Porvoo",
    "Loviisa",
    "Hyvinkää",
    "Järvenpää",
    "Espoo",
    "Lohja",
    "Vantaa",
    "Kerava",
    "Helsinki",
    "Uusikaupunki",
    "Kankaanpää",
    "Ylivieska",
    "Kemijärvi",
    "Sotkamo",
    "Närpiö",
    "Kristiinankaupunki",
]
# Every offer of a service guide is declined: a conversation handed to a guide is silent while it waits
# (the guide answers), and this test measures the bot.
SCRIPT = [
    "hei",
    "mun mies juo joka päivä ja meillä on vauva",
    "{place}",
    "ei kiitos",
    "onko tämä nimetöntä",
    "oletko botti",
    "mitä sä osaat",
    "mun teini polttaa pilveä",
    "ei kiitos",
    "oon tosi väsynyt enkä jaksa",
    "ei kiitos",
    "kiitos",
    "riidellään paljon ja mietitään eroa",
    "ei",
    "onko tämä nimetöntä",
    "mitä sä osaat",
    "oletko botti",
    "kiitos paljon",
    "hei hei",
    "moi",
]


async def _conversation(session: aiohttp.ClientSession, url: str, place: str, latencies: list) -> dict:
    sender = f"load-{uuid.uuid4().hex[:12]}"
    county = county_of(place)
    result = {"sender": sender, "answered": 0, "cards": 0, "strays": []}
    for line in SCRIPT:
        started = time.perf_counter()
        async with session.post(url, json={"sender": sender, "message": line.format(place=place)}) as response:
            replies = await response.json()
            assert response.status == 200, (line, replies)
        latencies.append(time.perf_counter() - started)
        result["answered"] += bool(replies)
        for reply in replies:
            custom = reply.get("custom") if isinstance(reply.get("custom"), dict) else {}
            if reply.get("recipient_id") != sender:
                result["strays"].append(reply)
            if custom.get("type") == "service":
                result["cards"] += 1
                if custom["area"] not in (county, "national"):
                    result["strays"].append(reply)
    return result


async def _run(url: str) -> tuple[list[dict], list[float], float]:
    latencies: list[float] = []
    timeout = aiohttp.ClientTimeout(total=300)
    started = time.perf_counter()
    async with aiohttp.ClientSession(timeout=timeout, connector=aiohttp.TCPConnector(limit=CONVERSATIONS)) as session:
        results = await asyncio.gather(*(_conversation(session, url, place, latencies) for place in PLACES))
    return results, latencies, time.perf_counter() - started


def test_fifty_conversations_at_once_each_answered_and_kept_apart(viitta, capsys):
    assert len(PLACES) == CONVERSATIONS and len(SCRIPT) == TURNS and all(county_of(p) for p in PLACES)
    results, latencies, elapsed = asyncio.run(_run(f"{viitta}/webhooks/rest/webhook"))
    latencies.sort()
    p50, p95 = statistics.median(latencies), latencies[int(len(latencies) * 0.95) - 1]
    report = (
        f"load: {CONVERSATIONS} conversations x {TURNS} turns = {len(latencies)} messages in {elapsed:.0f} s; "
        f"latency p50 {p50 * 1000:.0f} ms, p95 {p95 * 1000:.0f} ms, max {latencies[-1] * 1000:.0f} ms"
    )
    (ROOT / "var" / "results").mkdir(parents=True, exist_ok=True)
    (ROOT / "var" / "results" / "load.txt").write_text(report + "\n", encoding="utf-8")
    with capsys.disabled():
        print("\n" + report)
    assert all(r["answered"] == TURNS for r in results), [r for r in results if r["answered"] != TURNS]
    assert all(r["strays"] == [] for r in results), [r["strays"][:2] for r in results if r["strays"]]
    assert all(r["cards"] for r in results)  # the place turn gave services of the right county
