"""Return codes (issue 15): generation, the stored digest, expiry, deletion and the guess limit,
on SQLite and PostgreSQL."""

from __future__ import annotations

import re
from datetime import datetime, timedelta

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.db import all_metadata
from bot.handoff import messages, return_codes, service
from bot.handoff.schema import ReturnCodeRow
from bot.privacy import retention
from connectors.return_code import GuessLimiter, code_frame, left_a_message

T0 = datetime(2026, 12, 1, 9, 0)
KEY = b"test-key"
LOOK_ALIKES = set("0O1IL2Z5S8B6G")


@pytest.fixture
def db(engine):
    for metadata in all_metadata():
        metadata.create_all(engine)
    return engine


def _left_message(db, conversation="web-1", text="Voisiko joku soittaa huomenna?"):
    handoff = service.request(db, conversation, "lappi", "fi", channel="webchat", kind="message", now=T0)
    handoff = service.consent(db, handoff.id, {"county": "lappi", "language": "fi"}, now=T0)
    left = messages.post(db, conversation, "person", {"text": text}, handoff.id, now=T0)
    return handoff, left


def test_a_code_is_eight_characters_without_look_alikes():
    codes = {return_codes.generate() for _ in range(2000)}
    assert len(codes) == 2000  # no repeats in a small sample
    for code in codes:
        assert len(code) == 8 and not set(code) & LOOK_ALIKES and set(code) <= set(return_codes.ALPHABET)
    assert re.fullmatch(r"[A-Z0-9]{4}-[A-Z0-9]{4}", return_codes.shown(next(iter(codes))))
    # Every character turns up: the choice is over the whole alphabet.
    assert set("".join(codes)) == set(return_codes.ALPHABET)


def test_typing_is_forgiving_but_not_anything_goes():
    code = return_codes.generate()
    assert return_codes.normalise(f"  {code[:4].lower()} - {code[4:]} ") == code
    assert return_codes.normalise(code[:7]) is None
    assert return_codes.normalise("OOOO-0000") is None  # look-alikes are never part of a code
    assert return_codes.normalise(None) is None and return_codes.normalise("x" * 100) is None


def test_only_a_keyed_digest_is_stored(db):
    _, left = _left_message(db)
    code = return_codes.issue(db, "web-1", KEY, now=T0)
    with Session(db) as session:
        rows = session.scalars(select(ReturnCodeRow)).all()
    assert len(rows) == 1
    row = rows[0]
    assert row.code_digest == return_codes.digest(code, KEY) != return_codes.digest(code, b"other-key")
    assert code not in repr([getattr(row, c.name) for c in ReturnCodeRow.__table__.columns])
    assert (row.conversation_id, row.message_id) == ("web-1", left.id)


def test_the_code_opens_the_conversation_at_the_left_message(db):
    handoff, left = _left_message(db)
    code = return_codes.issue(db, "web-1", KEY, now=T0)
    found = return_codes.redeem(db, return_codes.shown(code).lower(), KEY, now=T0 + timedelta(days=2))
    assert found == return_codes.Redeemed("web-1", handoff.id, left.id)
    assert return_codes.redeem(db, return_codes.generate(), KEY, now=T0) is None
    assert return_codes.redeem(db, code, b"other-key", now=T0) is None


def test_one_code_per_left_message_and_none_without_one(db):
    assert return_codes.issue(db, "web-1", KEY, now=T0) is None  # nothing left yet
    service.request(db, "web-2", "lappi", "fi", kind="live", now=T0)
    assert return_codes.issue(db, "web-2", KEY, now=T0) is None  # a live chat needs no code
    _left_message(db)
    assert return_codes.issue(db, "web-1", KEY, now=T0)
    assert return_codes.issue(db, "web-1", KEY, now=T0) is None  # the same message gets no second code


def test_the_code_expires_with_the_retention(db):
    _left_message(db)
    code = return_codes.issue(db, "web-1", KEY, now=T0, valid_for=timedelta(days=30))
    assert return_codes.redeem(db, code, KEY, now=T0 + timedelta(days=29, hours=23))
    assert return_codes.redeem(db, code, KEY, now=T0 + timedelta(days=30)) is None
    assert return_codes.purge(db, now=T0 + timedelta(days=30)) == 1


def test_the_default_validity_is_retention_days(db, monkeypatch):
    from bot.settings import get_settings

    monkeypatch.setenv("RETENTION_DAYS", "7")
    get_settings.cache_clear()
    try:
        _left_message(db)
        code = return_codes.issue(db, "web-1", KEY, now=T0)
        assert return_codes.redeem(db, code, KEY, now=T0 + timedelta(days=6))
        assert return_codes.redeem(db, code, KEY, now=T0 + timedelta(days=7)) is None
    finally:
        get_settings.cache_clear()


def test_deleting_the_conversation_or_the_retention_purge_takes_the_code(db, tmp_path):
    _left_message(db, "web-1")
    _left_message(db, "web-2")
    first = return_codes.issue(db, "web-1", KEY, now=T0)
    second = return_codes.issue(db, "web-2", KEY, now=T0)
    messages.forget(db, "web-1")
    assert return_codes.redeem(db, first, KEY, now=T0) is None
    assert return_codes.redeem(db, second, KEY, now=T0)
    from bot.db import make_engine

    tracker = make_engine(f"sqlite:///{tmp_path / 'tracker.db'}")
    retention.purge(days=30, now=T0 + timedelta(days=31), app=db, tracker=tracker)
    tracker.dispose()
    assert return_codes.redeem(db, second, KEY, now=T0) is None


def test_guesses_are_limited_per_client_and_for_everyone():
    now = [0.0]
    limiter = GuessLimiter(per_client=5, per_minute=8, clock=lambda: now[0])
    assert [limiter.allow("10.0.0.1") for _ in range(6)] == [True] * 5 + [False]
    assert [limiter.allow("10.0.0.2") for _ in range(4)] == [True] * 3 + [False]  # the global 8 are spent
    now[0] += 61
    assert limiter.allow("10.0.0.2")  # a new minute for everyone
    assert not limiter.allow("10.0.0.1")  # but the first client waits its 15 minutes
    now[0] += 15 * 60
    assert limiter.allow("10.0.0.1")


def test_the_channel_gives_the_code_only_after_a_left_message():
    assert left_a_message([{"text": "…", "custom": {"type": "handoff_message_left"}}])
    assert not left_a_message([{"text": "…", "custom": {"type": "handoff_started"}}, {"text": "hei"}])
    frame = code_frame("ACDEFHJK")
    assert frame["type"] == "return_code" and frame["code"] == "ACDE-FHJK" and frame["days"] > 0
    assert code_frame(None) is None
