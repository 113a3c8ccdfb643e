"""The handoff state machine, duty hours, the outbox and feedback on SQLite and PostgreSQL."""

from __future__ import annotations

import threading
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from bot.db import all_metadata
from bot.handoff import duty, feedback, messages, service
from bot.handoff.records import AlreadyTaken, HandoffError
from bot.handoff.schema import FeedbackRow, GuideRow, HandoffRow

T0 = datetime(2026, 11, 23, 9, 0)  # naive UTC, as the service stores it


def _prepare(engine):
    """Every app table, and guides 1–9 (a handoff's guide must exist)."""
    for metadata in all_metadata():
        metadata.create_all(engine)
    with Session(engine) as session, session.begin():
        session.add_all(
            GuideRow(
                id=n, username=f"guide{n}", display_name=f"Ohjaaja {n}", password_hash="-", role="guide", created_at=T0
            )
            for n in range(1, 10)
        )
    return engine


@pytest.fixture
def db(engine):
    return _prepare(engine)


def _waiting(db, conversation="c1", county="lappi", at=T0, kind="live"):
    handoff = service.request(db, conversation, county, "fi", kind=kind, now=at)
    return service.consent(db, handoff.id, {"county": county, "language": "fi"}, now=at)


def test_the_happy_path_requested_waiting_active_ended(db):
    requested = service.request(db, "c1", "lappi", "sv", channel="rest", now=T0)
    assert (requested.state, requested.kind, requested.language, requested.is_open) == ("requested", "live", "sv", True)
    assert service.open_for(db, "c1") == requested
    waiting = service.consent(db, requested.id, {"role": "parent", "county": "lappi"}, now=T0 + timedelta(seconds=5))
    assert waiting.state == "waiting" and waiting.summary == {"role": "parent", "county": "lappi"}
    assert waiting.queued_at == T0 + timedelta(seconds=5)
    active = service.take(db, waiting.id, guide_id=7, now=T0 + timedelta(minutes=3))
    assert (active.state, active.guide_id, active.taken_at) == ("active", 7, T0 + timedelta(minutes=3))
    ended = service.end(db, active.id, now=T0 + timedelta(minutes=20))
    assert (ended.state, ended.closed_at, ended.is_open) == ("ended", T0 + timedelta(minutes=20), False)
    assert service.open_for(db, "c1") is None and service.latest_for(db, "c1").id == ended.id


@pytest.mark.parametrize("state", ["requested", "waiting", "active"])
def test_the_person_can_cancel_in_every_open_state(db, state):
    handoff = service.request(db, "c1", "lappi", "fi", now=T0)
    if state != "requested":
        handoff = service.consent(db, handoff.id, {}, now=T0)
    if state == "active":
        handoff = service.take(db, handoff.id, 1, now=T0)
    assert service.cancel(db, handoff.id, now=T0).state == "cancelled"
    assert service.open_for(db, "c1") is None


@pytest.mark.parametrize(
    "transition, from_state",
    [
        (lambda db, h: service.consent(db, h, {}), "waiting"),
        (lambda db, h: service.consent(db, h, {}), "ended"),
        (lambda db, h: service.take(db, h, 2), "requested"),
        (lambda db, h: service.take(db, h, 2), "active"),
        (lambda db, h: service.take(db, h, 2), "cancelled"),
        (lambda db, h: service.end(db, h), "requested"),
        (lambda db, h: service.end(db, h), "waiting"),
        (lambda db, h: service.end(db, h), "ended"),
        (lambda db, h: service.cancel(db, h), "ended"),
        (lambda db, h: service.cancel(db, h), "expired"),
        (lambda db, h: service.forward(db, h, "kainuu"), "requested"),
        (lambda db, h: service.forward(db, h, "kainuu"), "cancelled"),
    ],
)
def test_illegal_transitions_are_refused_and_change_nothing(db, transition, from_state):
    handoff = service.request(db, "c1", "lappi", "fi", now=T0)
    if from_state != "requested":
        service.consent(db, handoff.id, {}, now=T0)
    if from_state in ("active", "ended"):
        service.take(db, handoff.id, 1, now=T0)
    if from_state == "ended":
        service.end(db, handoff.id, now=T0)
    if from_state == "cancelled":
        service.cancel(db, handoff.id, now=T0)
    if from_state == "expired":
        service.expire(db, timedelta(minutes=1), now=T0 + timedelta(hours=1))
    before = service.get(db, handoff.id)
    assert before.state == from_state
    with pytest.raises(HandoffError):
        transition(db, handoff.id)
    assert service.get(db, handoff.id) == before


def test_a_missing_handoff_is_an_error_not_a_crash(db):
    with pytest.raises(HandoffError, match="missing"):
        service.take(db, "nope", 1)
    with pytest.raises(HandoffError, match="missing"):
        service.forward(db, "nope", "lappi")


def test_one_open_handoff_per_conversation(db):
    first = service.request(db, "c1", "lappi", "fi", now=T0)
    again = service.request(db, "c1", "kainuu", "sv", kind="message", now=T0)
    assert again == first  # the open one is returned as it is
    with Session(db) as session, session.begin():  # the database itself refuses a second open row
        session.add(
            HandoffRow(
                id="x" * 32,
                conversation_id="c1",
                open_conversation_id="c1",
                kind="live",
                state="waiting",
                county="lappi",
                language="fi",
                channel="rest",
                summary={},
                created_at=T0,
            )
        )
        with pytest.raises(IntegrityError):
            session.flush()
        session.rollback()
    service.cancel(db, first.id)
    second = service.request(db, "c1", "kainuu", "fi", now=T0)  # a closed one does not block a new one
    assert second.id != first.id and second.county == "kainuu"


def test_forward_moves_to_another_queue_and_waits_afresh(db):
    handoff = _waiting(db, county="lappi")
    service.take(db, handoff.id, 3, now=T0 + timedelta(minutes=1))
    moved = service.forward(db, handoff.id, "kainuu", now=T0 + timedelta(minutes=5))
    assert (moved.state, moved.county, moved.forwarded_from, moved.guide_id, moved.taken_at) == (
        "waiting",
        "kainuu",
        "lappi",
        None,
        None,
    )
    assert moved.queued_at == T0 + timedelta(minutes=5)
    assert [h.id for h in service.queue(db, ["kainuu"])] == [handoff.id] and service.queue(db, ["lappi"]) == []
    with pytest.raises(HandoffError, match="already"):
        service.forward(db, handoff.id, "kainuu")


def test_queue_order_and_position_count_only_live_chats_of_the_county(db):
    a = _waiting(db, "a", at=T0)
    _waiting(db, "m", at=T0 + timedelta(seconds=1), kind="message")  # a left message does not hold anyone up
    _waiting(db, "other", county="kainuu", at=T0 + timedelta(seconds=2))
    b = _waiting(db, "b", at=T0 + timedelta(seconds=3))
    assert [h.conversation_id for h in service.queue(db, ["lappi"])] == ["a", "m", "b"]
    assert [service.position(db, h) for h in (a, b)] == [1, 2]
    service.take(db, a.id, 1)
    assert service.position(db, service.get(db, b.id)) == 1
    assert service.position(db, service.get(db, a.id)) == 0  # not waiting
    assert {h.conversation_id for h in service.queue(db)} == {"m", "other", "b"}


def test_people_queued_in_the_same_second_get_distinct_positions_in_queue_order(db):
    same = [_waiting(db, f"s{n}", at=T0) for n in range(4)]
    order = [h.id for h in service.queue(db, ["lappi"])]
    assert sorted(order) == sorted(h.id for h in same)
    assert [service.position(db, service.get(db, i)) for i in order] == [1, 2, 3, 4]


def test_expire_closes_old_requests_and_live_waits_but_never_left_messages(db):
    old_request = service.request(db, "r", "lappi", "fi", now=T0)
    old_wait = _waiting(db, "w", at=T0)
    old_message = _waiting(db, "m", at=T0, kind="message")
    fresh = _waiting(db, "f", at=T0 + timedelta(minutes=50))
    taken = _waiting(db, "t", at=T0)
    service.take(db, taken.id, 1, now=T0 + timedelta(minutes=1))
    expired = service.expire(db, timedelta(minutes=30), now=T0 + timedelta(hours=1))
    assert {h.id for h in expired} == {old_request.id, old_wait.id}
    assert all(h.state == "expired" for h in expired)
    assert {service.get(db, h.id).state for h in (old_message, fresh)} == {"waiting"}
    assert service.get(db, taken.id).state == "active"
    assert service.expire(db, timedelta(minutes=30), now=T0 + timedelta(hours=1)) == []


def test_resume_bookkeeping_happens_once(db):
    handoff = _waiting(db)
    assert service.to_resume(db, "c1") is None and service.closed_unresumed(db) == []
    assert service.mark_resumed(db, handoff.id) is False  # open handoffs are not resumed
    service.take(db, handoff.id, 1)
    service.end(db, handoff.id)
    assert service.to_resume(db, "c1").id == handoff.id
    assert [h.id for h in service.closed_unresumed(db)] == [handoff.id]
    assert service.mark_resumed(db, handoff.id) is True
    assert service.mark_resumed(db, handoff.id) is False
    assert service.to_resume(db, "c1") is None and service.closed_unresumed(db) == []


def test_typical_wait_is_the_median_of_recent_live_chats(db):
    assert service.typical_wait(db, "lappi", now=T0) is None
    for n, minutes in enumerate([2, 10, 4]):
        handoff = _waiting(db, f"c{n}", at=T0)
        service.take(db, handoff.id, 1, now=T0 + timedelta(minutes=minutes))
    left = _waiting(db, "m", at=T0, kind="message")
    service.take(db, left.id, 1, now=T0 + timedelta(hours=9))  # answering a message is not a wait
    assert service.typical_wait(db, "lappi", now=T0 + timedelta(hours=1)) == timedelta(minutes=4)
    assert service.typical_wait(db, "kainuu", now=T0 + timedelta(hours=1)) is None
    assert service.typical_wait(db, "lappi", now=T0 + timedelta(days=40)) is None  # too old to tell


def test_purge_deletes_old_closed_handoffs_with_their_messages_only(db):
    old = _waiting(db, "old", at=T0)
    service.cancel(db, old.id, now=T0)
    messages.post(db, "old", "person", {"text": "hei"}, old.id, now=T0)
    still_open = _waiting(db, "open", at=T0)
    messages.post(db, "open", "person", {"text": "odotan"}, still_open.id, now=T0)
    assert service.purge(db, T0 + timedelta(days=1)) == 1
    assert service.get(db, old.id) is None and messages.history(db, "old") == []
    assert service.get(db, still_open.id).state == "waiting" and len(messages.history(db, "open")) == 1


@pytest.fixture
def shared_db(threaded_engine):
    return _prepare(threaded_engine)


def _race(workers):
    """Run the callables at the same moment; returns their results or exceptions."""
    barrier = threading.Barrier(len(workers))
    results: list = [None] * len(workers)

    def run(i, work):
        barrier.wait()
        try:
            results[i] = work()
        except Exception as exc:  # collected, asserted by the caller
            results[i] = exc

    threads = [threading.Thread(target=run, args=(i, w)) for i, w in enumerate(workers)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    return results


def test_two_guides_racing_for_one_conversation_cannot_both_take_it(shared_db):
    for round_ in range(5):
        handoff = _waiting(shared_db, f"race-{round_}")
        results = _race([lambda g=g: service.take(shared_db, handoff.id, g) for g in range(1, 5)])
        winners = [r for r in results if not isinstance(r, Exception)]
        assert len(winners) == 1 and all(isinstance(r, AlreadyTaken) for r in results if r not in winners)
        assert service.get(shared_db, handoff.id).guide_id == winners[0].guide_id


def test_concurrent_requests_for_one_conversation_open_one_handoff(shared_db):
    results = _race([lambda: service.request(shared_db, "same", "lappi", "fi") for _ in range(4)])
    assert not [r for r in results if isinstance(r, Exception)]
    assert len({r.id for r in results}) == 1
    with Session(shared_db) as session:
        assert len(session.scalars(select(HandoffRow).where(HandoffRow.conversation_id == "same")).all()) == 1


# ── duty hours ──

HELSINKI = ZoneInfo("Europe/Helsinki")


def test_duty_hours_are_helsinki_local_time_across_daylight_saving(db):
    duty.set_hours(db, "lappi", [(0, "08:00", "16:00"), (0, "18:00", "20:00"), (4, "09:00", "12:00")])
    assert duty.hours(db, "lappi") == [(0, "08:00", "16:00"), (0, "18:00", "20:00"), (4, "09:00", "12:00")]
    winter_monday = datetime(2026, 11, 23, 8, 0, tzinfo=HELSINKI)
    summer_monday = datetime(2026, 6, 1, 8, 0, tzinfo=HELSINKI)
    assert duty.on_duty(db, "lappi", winter_monday) and duty.on_duty(db, "lappi", summer_monday)
    # 06:30 UTC is 08:30 in winter (EET) and 09:30 in summer (EEST); naive datetimes are UTC
    assert duty.on_duty(db, "lappi", datetime(2026, 11, 23, 6, 30)) and duty.on_duty(
        db, "lappi", datetime(2026, 6, 1, 6, 30)
    )
    assert not duty.on_duty(db, "lappi", datetime(2026, 11, 23, 5, 59))  # 07:59 in Helsinki
    assert not duty.on_duty(db, "lappi", winter_monday.replace(hour=16))  # the closing minute is off duty
    assert not duty.on_duty(db, "lappi", winter_monday.replace(hour=17))  # the break between ranges
    assert duty.on_duty(db, "lappi", winter_monday.replace(hour=19, minute=59))
    assert not duty.on_duty(db, "lappi", datetime(2026, 11, 24, 10, 0, tzinfo=HELSINKI))  # Tuesday
    assert not duty.on_duty(db, "kainuu", winter_monday)  # no hours: never on duty by itself


def test_the_switch_overrides_the_hours_until_set_back_to_auto(db):
    duty.set_hours(db, "lappi", [(0, "08:00", "16:00")])
    monday_noon = datetime(2026, 11, 23, 12, 0, tzinfo=HELSINKI)
    sunday = datetime(2026, 11, 22, 12, 0, tzinfo=HELSINKI)
    duty.set_switch(db, "lappi", "off")
    assert duty.switch(db, "lappi") == "off" and not duty.on_duty(db, "lappi", monday_noon)
    duty.set_switch(db, "lappi", "on")
    assert duty.switch(db, "lappi") == "on" and duty.on_duty(db, "lappi", sunday)
    duty.set_switch(db, "lappi", "auto")
    assert duty.switch(db, "lappi") == "auto"
    assert duty.on_duty(db, "lappi", monday_noon) and not duty.on_duty(db, "lappi", sunday)
    with pytest.raises(ValueError):
        duty.set_switch(db, "lappi", "maybe")


@pytest.mark.parametrize(
    "ranges", [[(7, "08:00", "16:00")], [(0, "16:00", "08:00")], [(0, "8", "16:00")], [(0, "08:00", "25:00")]]
)
def test_bad_duty_hours_are_refused(db, ranges):
    duty.set_hours(db, "lappi", [(1, "08:00", "16:00")])
    with pytest.raises(ValueError):
        duty.set_hours(db, "lappi", ranges)
    assert duty.hours(db, "lappi") == [(1, "08:00", "16:00")]  # nothing half-written


# ── the outbox ──


def test_the_outbox_gives_what_is_addressed_to_the_person_in_order(db):
    handoff = _waiting(db)
    ids = [
        messages.post(db, "c1", sender, {"text": t}, handoff.id).id
        for sender, t in [
            ("person", "soita 040 123 4567 tai maija@example.fi"),
            ("guide", "hei"),
            ("system", "x"),
            ("bot", "y"),
        ]
    ]
    assert ids == sorted(ids)
    assert messages.history(db, "c1")[0].body["text"] == "soita [phone] tai [email]"  # redacted before storing
    assert [m.id for m in messages.to_person(db, "c1")] == ids[1:]
    assert [m.id for m in messages.to_person(db, "c1", after_id=ids[2])] == ids[3:]
    assert messages.to_person(db, "other") == []
    with pytest.raises(ValueError):
        messages.post(db, "c1", "hacker", {"text": "x"})


def test_push_delivery_starts_after_what_exists_and_is_claimed_once(db):
    first = messages.post(db, "c1", "guide", {"text": "ennen osoitetta"})
    messages.remember_address(db, "c1", "telegram", "chat-42")
    assert messages.undelivered(db, "telegram") == []
    guide = messages.post(db, "c1", "guide", {"text": "hei"})
    bot = messages.post(db, "c1", "bot", {"text": "olet taas Viitan kanssa"})
    messages.post(db, "c1", "person", {"text": "kiitos"})
    [(conversation, address, cursor, batch)] = messages.undelivered(db, "telegram")
    assert (conversation, address, cursor) == ("c1", "chat-42", first.id)
    assert [m.id for m in batch] == [guide.id, bot.id]
    assert messages.claim_delivery(db, "c1", cursor, bot.id) is True
    assert messages.claim_delivery(db, "c1", cursor, bot.id) is False  # the other server instance loses
    assert messages.undelivered(db, "telegram") == [] and messages.undelivered(db, "webchat") == []


def test_forget_removes_a_conversation_entirely(db):
    handoff = _waiting(db)
    messages.post(db, "c1", "person", {"text": "hei"}, handoff.id)
    messages.remember_address(db, "c1", "telegram", "chat-1")
    messages.forget(db, "c1")
    assert service.get(db, handoff.id) is None and messages.history(db, "c1") == []
    assert messages.undelivered(db, "telegram") == []


# ── feedback ──


def test_feedback_is_stored_without_identity_and_by_day(db):
    feedback.record(db, True, "sv", "lappi", after_handoff=True, now=datetime(2026, 11, 23, 14, 37, 12))
    with Session(db) as session:
        [row] = session.scalars(select(FeedbackRow)).all()
    assert (row.helpful, row.language, row.county, row.after_handoff) == (True, "sv", "lappi", True)
    assert row.created_at == datetime(2026, 11, 23)
    assert not {"conversation_id", "sender", "handoff_id"} & set(FeedbackRow.__table__.columns.keys())
    assert feedback.purge(db, datetime(2026, 11, 24)) == 1
