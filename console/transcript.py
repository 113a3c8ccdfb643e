"""The person's conversation with the bot before the handoff, read from Rasa's SQL tracker store.

The console never calls Rasa; it reads the `events` table (TRACKER_STORE_URL) directly: the user and bot
events of the conversation's current session up to the moment the bot paused for the guide. Texts are
shown as stored, passed through redact() once more in case they were stored before redaction existed.
"""

from __future__ import annotations

import json
import logging
from calendar import timegm
from dataclasses import dataclass, field
from datetime import datetime
from typing import Optional

from sqlalchemy import column, select, table
from sqlalchemy.exc import SQLAlchemyError

from bot.db import shared_engine
from bot.handoff.records import Handoff
from bot.privacy.redaction import redact

logger = logging.getLogger(__name__)

EVENTS = table("events", column("id"), column("sender_id"), column("type_name"), column("timestamp"), column("data"))
# Clock skew between the processes and second-precision handoff times.
SLACK_SECONDS = 2.0


@dataclass(frozen=True)
class Line:
    sender: str  # "person" or "bot"
    text: str
    buttons: tuple[str, ...] = field(default_factory=tuple)
    at: Optional[float] = None  # unix time


def _epoch(value: Optional[datetime]) -> Optional[float]:
    return float(timegm(value.utctimetuple())) if value else None


def _line(type_name: str, data: dict, at: Optional[float]) -> Optional[Line]:
    if type_name == "user":
        text = data.get("text") or ""
        return Line("person", redact(text), at=at) if text else None
    extra = data.get("data") or {}
    buttons = tuple(b.get("title", "") for b in (extra.get("buttons") or []) if isinstance(b, dict))
    text = data.get("text") or ""
    custom = extra.get("custom")
    if not text and isinstance(custom, dict) and custom.get("type") == "service":
        name = custom.get("name")
        text = (name.get("fi") if isinstance(name, dict) else name) or ""
    return Line("bot", text, buttons, at) if text or buttons else None


def before_handoff(handoff: Handoff, tracker_store_url: str) -> list[Line]:
    """What was said between the person and the bot before the bot paused for this handoff."""
    start = (_epoch(handoff.created_at) or 0) - SLACK_SECONDS
    stop_after = _epoch(handoff.closed_at)
    query = (
        select(EVENTS.c.type_name, EVENTS.c.timestamp, EVENTS.c.data)
        .where(
            EVENTS.c.sender_id == handoff.conversation_id,
            EVENTS.c.type_name.in_(("user", "bot", "session_started", "pause")),
        )
        .order_by(EVENTS.c.id)
    )
    try:
        with shared_engine(tracker_store_url).connect() as conn:
            rows = conn.execute(query).all()
    except SQLAlchemyError:  # no tracker store table yet, or the store is down: the console still works
        logger.warning("tracker store unavailable for the transcript")
        return []
    lines: list[Line] = []
    for type_name, at, raw in rows:
        if type_name == "pause" and at is not None and at >= start:
            break
        if stop_after is not None and at is not None and at > stop_after + SLACK_SECONDS:
            break
        if type_name == "session_started":
            lines = []  # an earlier session is not part of what the person shared now
            continue
        if type_name == "pause":
            continue
        try:
            data = json.loads(raw or "{}")
        except ValueError:
            continue
        line = _line(type_name, data, at)
        if line:
            lines.append(line)
    return lines
