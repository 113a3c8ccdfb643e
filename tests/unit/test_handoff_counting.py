"""The owners' numbers of handoffs and feedback come from the handoff itself: requested when the person
consents, served when a guide takes it, missed when it ends without a guide; feedback by its answer."""

from __future__ import annotations

from collections import Counter
from datetime import timedelta

from bot.analytics.counters import counts, today
from bot.handoff import feedback, service
from tests.unit.guide_fixtures import app_engine, console, fast_kdf, login, make_guide, tracker_url  # noqa: F401
from tests.unit.test_handoff_service import db  # noqa: F401  (every app table, guides 1-9)


def numbers(engine) -> Counter:
    return Counter(
        {
            (c.metric, c.county, c.language, c.key): c.count
            for c in counts(engine, today() - timedelta(days=1), today() + timedelta(days=1))
        }
    )


def queued(engine, conversation: str, county: str = "lappi", language: str = "fi"):
    handoff = service.request(engine, conversation, county, language)
    return service.consent(engine, handoff.id, {"county": county})


def test_requested_served_and_missed_are_counted_once_each(db):
    served = queued(db, "a")
    service.take(db, served.id, 1)
    service.end(db, served.id)
    service.cancel(db, queued(db, "b", language="sv").id)
    late = queued(db, "c")
    service.expire(db, timedelta(minutes=30), now=late.queued_at + timedelta(hours=1))
    unconsented = service.request(db, "d", "lappi", "fi")
    service.cancel(db, unconsented.id)

    got = numbers(db)
    assert got[("handoff_requested", "lappi", "fi", "live")] == 2
    assert got[("handoff_requested", "lappi", "sv", "live")] == 1
    assert got[("handoff_served", "lappi", "fi", "live")] == 1
    assert got[("handoff_missed", "lappi", "sv", "live")] == 1  # cancelled while waiting
    assert got[("handoff_missed", "lappi", "fi", "live")] == 1  # expired; the unconsented one is not a request


def test_a_cancel_after_a_guide_took_it_is_not_missed(db):
    handoff = queued(db, "a")
    service.take(db, handoff.id, 1)
    service.cancel(db, handoff.id)
    assert numbers(db)[("handoff_missed", "lappi", "fi", "live")] == 0


def test_feedback_is_counted_by_its_answer(db):
    feedback.record(db, True, "fi", "lappi", after_handoff=True)
    feedback.record(db, False, "sv", None)
    got = numbers(db)
    assert got[("feedback_helpful", "lappi", "fi", "after_handoff")] == 1
    assert got[("feedback_not_helpful", "", "sv", "bot")] == 1


def test_the_console_shows_the_owners_page_to_admins_only(console, app_engine):
    make_guide(app_engine, "admin", counties=(), role="admin")
    make_guide(app_engine, "aino")
    queued(app_engine, "x")
    page = login(console.url, "admin").get(f"{console.url}/guide/owners?lang=sv")
    assert page.status_code == 200 and "Vad människor behöver" in page.text
    assert login(console.url, "aino").get(f"{console.url}/guide/owners").status_code == 403
    stats = login(console.url, "admin").get(f"{console.url}/guide/api/stats").json()
    assert "handoff_requested" in str(stats)
