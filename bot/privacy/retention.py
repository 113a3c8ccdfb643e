"""Bounded retention: delete what is older than N days (daily timer), or one conversation at once.

Conversations live in Rasa's tracker store (table `events`, TRACKER_STORE_URL); handoffs, their messages
and feedback in the app database (DATABASE_URL). Analytics are anonymous counts and stay.
A conversation is deleted whole, when its *last* event is older than the limit, so that an ongoing
conversation never loses its beginning.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Optional

from sqlalchemy import inspect, text
from sqlalchemy.engine import Engine

from bot.db import make_engine, shared_engine
from bot.settings import get_settings

EVENTS = "events"  # Rasa's SQLTrackerStore table


@dataclass(frozen=True)
class Purged:
    conversations: int
    handoffs: int
    messages: int
    feedback: int


def _tracker_engine(url: Optional[str] = None) -> Engine:
    return make_engine(url or get_settings().tracker_store_url)


def _has_events(engine: Engine) -> bool:
    return inspect(engine).has_table(EVENTS)


def purge_conversations(engine: Engine, before: datetime) -> int:
    """Delete every conversation whose last event is older than `before` (naive UTC); returns how many."""
    if not _has_events(engine):
        return 0
    cutoff = (before - datetime(1970, 1, 1)).total_seconds()
    old = text(f"SELECT sender_id FROM {EVENTS} GROUP BY sender_id HAVING MAX(timestamp) < :cutoff")
    with engine.begin() as conn:
        senders = [row[0] for row in conn.execute(old, {"cutoff": cutoff})]
        for sender in senders:
            conn.execute(text(f"DELETE FROM {EVENTS} WHERE sender_id = :sender"), {"sender": sender})
    return len(senders)


def purge(
    days: Optional[int] = None,
    now: Optional[datetime] = None,
    app: Optional[Engine] = None,
    tracker: Optional[Engine] = None,
) -> Purged:
    """Delete conversations, handoffs, handoff messages and feedback older than `days` (RETENTION_DAYS)."""
    from bot.handoff import feedback, messages, return_codes, service

    days = get_settings().retention_days if days is None else days
    if days < 0:
        raise ValueError("days must be 0 or more")
    before = (now or datetime.utcnow()) - timedelta(days=days)
    app = app or shared_engine(get_settings().database_url)
    tracker_engine = tracker or _tracker_engine()
    try:
        conversations = purge_conversations(tracker_engine, before)
    finally:
        if tracker is None:
            tracker_engine.dispose()
    return_codes.purge(app, now, before)
    handoffs = service.purge(app, before)
    old_messages = messages.purge(app, before)
    old_feedback = feedback.purge(app, before)
    return Purged(conversations, handoffs, old_messages, old_feedback)


def forget(conversation_id: str, app: Optional[Engine] = None, tracker: Optional[Engine] = None) -> None:
    """ "Delete my conversation": its tracker events, handoffs, messages and channel address, now.

    Inside the Rasa server channels call connectors.forget.forget_conversation instead: it holds the
    conversation's lock so that a turn in progress cannot write the conversation back."""
    from bot.handoff import messages

    tracker_engine = tracker or _tracker_engine()
    try:
        if _has_events(tracker_engine):
            with tracker_engine.begin() as conn:
                conn.execute(text(f"DELETE FROM {EVENTS} WHERE sender_id = :sender"), {"sender": conversation_id})
    finally:
        if tracker is None:
            tracker_engine.dispose()
    messages.forget(app or shared_engine(get_settings().database_url), conversation_id)
