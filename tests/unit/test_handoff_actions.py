"""The handoff actions against an in-memory directory and a real (SQLite/PostgreSQL) handoff database,
asserting on response names, arguments, payloads and events."""

from __future__ import annotations

import asyncio
import threading
from datetime import date, timedelta

import pytest
from rasa_sdk import Tracker
from rasa_sdk.events import ConversationPaused, FollowupAction, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from sqlalchemy import event, select
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session

from bot.actions.handoff import (
    ActionAskHandoffConsent,
    ActionHandoffWithoutCounty,
    ActionNotUnderstood,
    ActionRecordFeedback,
    ActionStartHandoff,
    consent_summary,
)
from bot.db import all_metadata
from bot.directory.hours import parse_hours
from bot.directory.memory import InMemoryDirectory
from bot.directory.records import Bilingual, County, Service, Sourced
from bot.domain import load_domain
from bot.handoff import duty, service
from bot.handoff.schema import FeedbackRow, GuideRow
from bot.handoff.service import utcnow

DOMAIN = load_domain()


def _service(sid, category, county="lappi", kind=None, hours="24/7"):
    return Service(
        id=sid,
        category=category,
        county=county,
        kind=kind,
        name=Bilingual(f"{sid} fi", f"{sid} sv"),
        description=Bilingual("kuvaus", "beskrivning"),
        url=f"https://example.fi/{sid}",
        url_sv="",
        source="https://example.fi",
        checked=date(2026, 11, 22),
        municipalities=(),
        phone=Sourced("016 123 456", "https://example.fi"),
        languages=("fi", "sv"),
        hours=parse_hours(hours),
    )


@pytest.fixture
def directory():
    counties = [
        County("lappi", "19", Bilingual("Lapin hyvinvointialue", "Lapplands välfärdsområde"), "https://lapha.fi"),
        County(
            "kainuu",
            "18",
            Bilingual("Kainuun hyvinvointialue", "Kajanalands välfärdsområde"),
            "https://hyvinvointialue.kainuu.fi",
        ),
    ]
    weekdays = [{"days": "mon-fri", "from": "08:00", "to": "16:00"}]
    return InMemoryDirectory(
        counties,
        [_service("lappi-guidance", "family_guidance", hours=weekdays)],
        [
            _service("crisis", "crisis_line", None, kind="crisis"),
            _service("crisis-sv", "crisis_line", None, kind="crisis", hours=weekdays),
            _service("substance-line", "crisis_line", None, kind="substance"),
            _service("parents-line", "crisis_line", None, kind="parents", hours=weekdays),
        ],
    )


@pytest.fixture
def db(threaded_engine):
    """The actions use the database from a worker thread (asyncio.to_thread): a SQLite file, not :memory:."""
    for metadata in all_metadata():
        metadata.create_all(threaded_engine)
    return threaded_engine


def _tracker(slots=None, intent="affirm", events=(), sender="person-1"):
    slots = {"language": "fi", "area": "lappi", **(slots or {})}
    return Tracker(
        sender,
        slots,
        {"text": "", "intent": {"name": intent}, "entities": []},
        list(events),
        False,
        None,
        None,
        "action_listen",
    )


def _run(action, tracker):
    dispatcher = CollectingDispatcher()
    events = asyncio.run(action.run(dispatcher, tracker, DOMAIN))
    return dispatcher.messages, events


def _responses(messages):
    return [m.get("response") for m in messages]


def _custom(messages, kind):
    return [m["custom"] for m in messages if (m.get("custom") or {}).get("type") == kind]


def test_the_summary_holds_only_coded_facts_the_person_gave():
    tracker = _tracker(
        {
            "role": "partner",
            "concern": "substance_use_family",
            "substance": "alcohol",
            "municipality": "Kemi",
            "last_services": ["x"],
        }
    )
    assert consent_summary(tracker) == {
        "role": "partner",
        "concern": "substance_use_family",
        "substance": "alcohol",
        "county": "lappi",
        "language": "fi",
    }
    # unknown values (a slot filled some other way) and the generic "wants a human" are left out
    odd = _tracker({"language": "sv", "role": "neighbour", "concern": "request_human", "substance": "meth lab"})
    assert consent_summary(odd) == {"county": "lappi", "language": "sv"}


def test_on_duty_the_person_is_asked_to_consent_to_exactly_the_summary(db, directory):
    duty.set_switch(db, "lappi", "on")
    tracker = _tracker({"language": "sv", "role": "parent", "concern": "family_support"})
    messages, events = _run(ActionAskHandoffConsent(directory, db), tracker)
    assert _responses(messages) == ["utter_ask_handoff_consent"]
    assert messages[0]["summary"].splitlines() == [
        "– vem som frågar: förälder",
        "– ärende: att orka i vardagen",
        "– område: Lapplands välfärdsområde",
        "– språk: svenska",
    ]
    assert events == [SlotSet("handoff_kind", "live")]
    assert service.open_for(db, "person-1") is None  # nothing is stored before the yes


def test_off_duty_it_says_so_gives_contacts_and_24_7_lines_and_offers_a_message(db, directory):
    messages, events = _run(ActionAskHandoffConsent(directory, db), _tracker({"concern": "substance_use_family"}))
    assert (
        _responses(messages)[0] == "utter_handoff_unavailable"
        and _responses(messages)[-1] == "utter_offer_leave_message"
    )
    assert _custom(messages, "handoff_unavailable") == [{"type": "handoff_unavailable", "area": "lappi"}]
    cards = [c["service_id"] for c in _custom(messages, "service")]
    assert cards == ["lappi-guidance", "substance-line", "crisis"]  # lines open only on weekdays are left out
    assert "– alue: Lapin hyvinvointialue" in messages[-1]["summary"]
    assert events == [SlotSet("handoff_kind", "message"), SlotSet("last_services", cards)]
    assert service.open_for(db, "person-1") is None


def test_a_county_without_a_guidance_service_gets_its_web_page(db, directory):
    messages, _ = _run(ActionAskHandoffConsent(directory, db), _tracker({"area": "kainuu"}))
    assert "utter_county_fallback" in _responses(messages)
    assert [c["service_id"] for c in _custom(messages, "service")] == ["crisis"]


def test_yes_puts_the_conversation_in_the_queue_and_pauses_the_bot(db, directory):
    duty.set_switch(db, "lappi", "on")
    service.consent(db, service.request(db, "someone-else", "lappi", "fi").id, {})
    tracker = _tracker({"role": "pregnant", "concern": "substance_use_pregnancy", "handoff_kind": "live"})
    messages, events = _run(ActionStartHandoff(directory, db), tracker)
    handoff = service.open_for(db, "person-1")
    assert (handoff.state, handoff.kind, handoff.county, handoff.language) == ("waiting", "live", "lappi", "fi")
    assert handoff.summary == {
        "role": "pregnant",
        "concern": "substance_use_pregnancy",
        "county": "lappi",
        "language": "fi",
    }
    assert _responses(messages) == ["utter_handoff_started"]  # no wait history yet: no estimate
    assert messages[0]["position"] == 2 and messages[0]["county"] == "Lapin hyvinvointialue"
    assert messages[0]["custom"] == {
        "type": "handoff_started",
        "handoff_id": handoff.id,
        "area": "lappi",
        "position": 2,
    }
    assert events == [SlotSet("handoff_kind", None), ConversationPaused()]


def test_the_wait_estimate_comes_from_recent_waits(db, directory):
    duty.set_switch(db, "lappi", "on")
    with Session(db) as session, session.begin():
        session.add(GuideRow(id=1, username="g", display_name="G", password_hash="-", created_at=utcnow()))
    earlier = service.consent(
        db,
        service.request(db, "earlier", "lappi", "fi", now=utcnow() - timedelta(hours=1)).id,
        {},
        now=utcnow() - timedelta(hours=1),
    )
    service.take(db, earlier.id, 1, now=earlier.queued_at + timedelta(minutes=7))
    messages, _ = _run(ActionStartHandoff(directory, db), _tracker({"handoff_kind": "live"}))
    assert _responses(messages) == ["utter_handoff_started", "utter_handoff_wait_estimate"]
    assert messages[0]["position"] == 1 and messages[1]["minutes"] == 7


def test_a_double_yes_does_not_queue_twice(db, directory):
    duty.set_switch(db, "lappi", "on")
    first, _ = _run(ActionStartHandoff(directory, db), _tracker({"handoff_kind": "live"}))
    again, _ = _run(ActionStartHandoff(directory, db), _tracker({"handoff_kind": "live"}))
    assert first[0]["custom"]["handoff_id"] == again[0]["custom"]["handoff_id"]
    assert len(service.queue(db, ["lappi"])) == 1


def test_guides_going_off_duty_before_the_yes_turns_into_the_offer_of_a_message(db, directory):
    duty.set_switch(db, "lappi", "off")
    messages, events = _run(ActionStartHandoff(directory, db), _tracker({"handoff_kind": "live"}))
    assert messages == [] and events == [FollowupAction("action_ask_handoff_consent")]
    assert service.open_for(db, "person-1") is None


def test_yes_to_leaving_a_message_opens_a_message_handoff_and_waits_for_the_text(db, directory):
    messages, events = _run(ActionStartHandoff(directory, db), _tracker({"handoff_kind": "message"}))
    handoff = service.open_for(db, "person-1")
    assert (handoff.state, handoff.kind) == ("waiting", "message")
    assert _responses(messages) == ["utter_handoff_write_message"]
    assert messages[0]["custom"] == {"type": "handoff_message", "handoff_id": handoff.id, "area": "lappi"}
    assert events == [SlotSet("handoff_kind", None), ConversationPaused()]
    # asking again while the message waits does not start anything new
    duty.set_switch(db, "lappi", "on")
    again, events = _run(ActionAskHandoffConsent(directory, db), _tracker())
    assert _responses(again) == ["utter_handoff_message_pending"] and events == []


def test_without_a_place_the_person_gets_the_national_lines(db, directory):
    messages, events = _run(
        ActionHandoffWithoutCounty(directory, db), _tracker({"area": None, "concern": "family_support"})
    )
    assert _responses(messages)[0] == "utter_handoff_needs_county"
    assert [c["service_id"] for c in _custom(messages, "service")] == ["parents-line", "crisis", "crisis-sv"]
    for action in (ActionAskHandoffConsent(directory, db), ActionStartHandoff(directory, db)):
        messages, _ = _run(action, _tracker({"area": None, "handoff_kind": "live"}))
        assert _responses(messages)[0] == "utter_handoff_needs_county"
    assert service.open_for(db, "person-1") is None


class _DownEngine:
    """Stands in for an engine whose database is unreachable."""

    def connect(self, *args, **kwargs):
        raise OperationalError("connect", {}, Exception("database is down"))

    begin = execute = raw_connection = connect

    def __getattr__(self, name):
        raise OperationalError("connect", {}, Exception("database is down"))


def test_a_broken_database_says_the_chat_does_not_work_and_does_not_pause(directory):
    for action in (ActionAskHandoffConsent(directory, _DownEngine()), ActionStartHandoff(directory, _DownEngine())):
        messages, events = _run(action, _tracker({"handoff_kind": "live"}))
        assert _responses(messages) == ["utter_handoff_failed"] and events == []
    assert all("112" in v["text"] for v in DOMAIN["responses"]["utter_handoff_failed"])


def _user(intent):
    return {"event": "user", "text": f"/{intent}", "parse_data": {"intent": {"name": intent}}}


def test_feedback_is_stored_without_the_conversation(db):
    events = [_user("request_human"), _user("handoff_ended")]
    messages, _ = _run(ActionRecordFeedback(db), _tracker({"language": "sv"}, "feedback_helpful", events))
    assert _responses(messages) == ["utter_feedback_thanks"]
    messages, _ = _run(ActionRecordFeedback(db), _tracker({"area": None}, "feedback_not_helpful"))
    assert _responses(messages) == ["utter_feedback_thanks_not_helpful"]
    with Session(db) as session:
        rows = session.scalars(select(FeedbackRow).order_by(FeedbackRow.id)).all()
    assert [(r.helpful, r.language, r.county, r.after_handoff) for r in rows] == [
        (True, "sv", "lappi", True),
        (False, "fi", None, False),
    ]


def test_the_handoff_and_feedback_sql_runs_off_the_event_loop_thread(db, directory):
    """Duty checks, handoff records, counters and feedback block on the database: they run in a worker
    thread (asyncio.to_thread), never on the thread of the action server's event loop (issue 16 item 5)."""
    executed: list[int] = []
    event.listen(db, "before_cursor_execute", lambda *args: executed.append(threading.get_ident()))

    async def on_the_loop(action, tracker) -> int:
        await action.run(CollectingDispatcher(), tracker, DOMAIN)
        return threading.get_ident()

    for action, tracker in [
        (ActionAskHandoffConsent(directory, db), _tracker()),
        (ActionStartHandoff(directory, db), _tracker({"handoff_kind": "message"})),
        (ActionRecordFeedback(db), _tracker(intent="feedback_helpful")),
    ]:
        executed.clear()
        loop_thread = asyncio.run(on_the_loop(action, tracker))
        assert executed, f"{action.name()} ran no SQL"
        assert loop_thread not in executed, action.name()
    assert service.open_for(db, "person-1") is not None  # the work was done, in the worker thread


def test_feedback_with_the_database_down_still_thanks():
    messages, events = _run(ActionRecordFeedback(_DownEngine()), _tracker(intent="feedback_helpful"))
    assert _responses(messages) == ["utter_feedback_thanks"] and events == []


def _action(name):
    return {"event": "action", "name": name}


def test_the_second_miss_in_a_row_offers_a_guide_and_the_third_asks_again():
    once = [
        _action("action_listen"),
        _user("greet"),
        _action("utter_greet"),
        _action("action_listen"),
        _user("nlu_fallback"),
    ]
    messages, events = _run(ActionNotUnderstood(), _tracker(events=once))
    assert _responses(messages) == ["utter_fallback"] and events == []
    twice = once + [_action("action_not_understood"), _action("action_listen"), _user("nlu_fallback")]
    messages, events = _run(ActionNotUnderstood(), _tracker(events=twice))
    assert messages == [] and events == [FollowupAction("utter_offer_handoff_after_fallback")]
    thrice = twice + [
        _action("action_not_understood"),
        _action("utter_offer_handoff_after_fallback"),
        _action("action_listen"),
        _user("nlu_fallback"),
    ]
    messages, events = _run(ActionNotUnderstood(), _tracker(events=thrice))
    assert _responses(messages) == ["utter_fallback"] and events == []
    understood_between = once + [
        _action("action_not_understood"),
        _user("greet"),
        _action("utter_greet"),
        _user("nlu_fallback"),
    ]
    assert _responses(_run(ActionNotUnderstood(), _tracker(events=understood_between))[0]) == ["utter_fallback"]


def test_every_value_the_summary_can_hold_has_words_in_both_languages():
    from bot.actions.handoff import ROLES, SUBSTANCES, summary_text
    from bot.actions.needs import CONCERNS
    from bot.nlu.lexicon import ROLE_PATTERNS, SUBSTANCE_PATTERNS

    assert set(ROLES) == set(DOMAIN["slots"]["role"]["values"]) == {r for r, _ in ROLE_PATTERNS}
    assert set(SUBSTANCES) == {s for s, _ in SUBSTANCE_PATTERNS}
    county = County("lappi", "19", Bilingual("Lapin hyvinvointialue", "Lapplands välfärdsområde"), "https://lapha.fi")
    for lang in ("fi", "sv"):
        for role in ROLES:
            for concern in set(CONCERNS) - {"request_human"}:
                for substance in SUBSTANCES:
                    text = summary_text(
                        {"role": role, "concern": concern, "substance": substance, "county": "lappi", "language": lang},
                        county,
                        lang,
                    )
                    assert len(text.splitlines()) == 5 and "{" not in text
