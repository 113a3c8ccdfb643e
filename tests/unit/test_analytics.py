"""Anonymous counters: atomic upserts on SQLite and PostgreSQL, the event stream Rasa publishes turned into
counts (with nothing that leads back to a person), the broker as Rasa loads it, and recommendation counts.
Shared by both runtimes; the Rasa event stream is in test_analytics_events.py (rasa-only)."""

from __future__ import annotations

import asyncio
from datetime import date, timedelta

import pytest

from bot.analytics import counters
from bot.analytics.counters import count, counts, purge_unanswered, remember_unanswered, unanswered
from tests.conftest import create_all

DAY = date(2026, 11, 23)


@pytest.fixture
def db(engine):
    create_all(engine)
    return engine


def _totals(engine, metric, **where):
    rows = [
        c
        for c in counts(engine, date(2000, 1, 1), date(2100, 1, 1), metrics=[metric])
        if all(getattr(c, k) == v for k, v in where.items())
    ]
    return sum(c.count for c in rows)


def test_counting_adds_up_per_day_county_language_and_key(db):
    for _ in range(3):
        count(db, "recommendation", "pohjanmaa", "sv", key="neuvola", day=DAY)
    count(db, "recommendation", "pohjanmaa", "fi", key="neuvola", day=DAY)
    count(db, "recommendation", None, None, key=None, day=DAY, n=2)
    rows = {(c.county, c.language, c.key): c.count for c in counts(db, DAY, DAY)}
    assert rows == {("pohjanmaa", "sv", "neuvola"): 3, ("pohjanmaa", "fi", "neuvola"): 1, ("", "", ""): 2}
    assert counts(db, DAY + timedelta(days=1), DAY + timedelta(days=9)) == []
    assert [c.county for c in counts(db, DAY, DAY, counties=[""])] == [""]


def test_an_unknown_metric_is_refused(db):
    with pytest.raises(ValueError, match="unknown metric"):
        count(db, "clicks", "lappi", "fi")


def test_unanswered_messages_are_redacted_cut_and_purged(db):
    remember_unanswered(
        db,
        "nlu_fallback",
        "soita  040 123 4567 tai matti@example.fi " + "x" * 500,
        "fi",
        intent="greet",
        confidence=0.21234,
        day=DAY,
    )
    remember_unanswered(db, "out_of_scope", "vanha viesti", "sv", day=DAY - timedelta(days=60))
    kept = unanswered(db, DAY - timedelta(days=90), DAY)
    assert len(kept) == 2
    newest = kept[0]
    assert newest.text.startswith("soita [phone] tai [email] x") and len(newest.text) == counters.MAX_TEXT
    assert newest.intent == "greet" and newest.confidence == pytest.approx(0.212)
    assert purge_unanswered(db, keep_days=56, now=DAY) == 1
    assert [u.text[:5] for u in unanswered(db, DAY - timedelta(days=90), DAY)] == ["soita"]


def test_recommendations_are_counted_per_category_in_the_directory_database(
    threaded_engine, directory_data, categories
):
    from rasa_sdk import Tracker
    from rasa_sdk.executor import CollectingDispatcher

    from bot.actions.service_search import ActionRecommendServices
    from bot.directory.sql import SqlDirectory, load
    from tests.unit.test_actions import DOMAIN

    engine = threaded_engine  # the action reads and counts from a worker thread: a SQLite file, not :memory:
    load(engine, directory_data, categories)
    tracker = Tracker(
        "t",
        {"language": "sv", "concern": "substance_use_pregnancy", "area": "pohjanmaa"},
        {"text": "", "intent": {"name": "inform_location"}, "entities": []},
        [],
        False,
        None,
        None,
        "action_listen",
    )
    dispatcher = CollectingDispatcher()
    asyncio.run(ActionRecommendServices(SqlDirectory(engine)).run(dispatcher, tracker, DOMAIN))
    shown = [m["custom"]["category"] for m in dispatcher.messages if (m.get("custom") or {}).get("type") == "service"]
    assert shown and shown[0] == "hal_clinic"
    for category in set(shown):
        assert _totals(engine, "recommendation", key=category, county="pohjanmaa", language="sv") == shown.count(
            category
        )
    assert _totals(engine, "recommendation") == len(shown)
