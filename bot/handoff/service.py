"""The handoff state machine over the app database.

    requested ──consent──▶ waiting ──take──▶ active ──end──▶ ended
        │                   │  ▲               │
        └──cancel/expire────┴──┴──forward──────┘──cancel──▶ cancelled / expired

Every transition is one conditional UPDATE (… WHERE state IN allowed), so two guides taking the same
conversation, or two processes racing, cannot both win: the loser gets AlreadyTaken/HandoffError.
"""

from __future__ import annotations

import uuid
from datetime import datetime, timedelta
from typing import Iterable, Optional

from sqlalchemy import and_, func, or_, select, update
from sqlalchemy.engine import Engine
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from bot.handoff.records import AlreadyTaken, Handoff, HandoffError
from bot.handoff.schema import OPEN_STATES, HandoffRow
from bot.orm import changed_rows


def utcnow() -> datetime:
    """Naive UTC: the same on SQLite and PostgreSQL DateTime columns."""
    return datetime.utcnow().replace(microsecond=0)


def _queue_time() -> datetime:
    """When a conversation joins a queue, to the microsecond: people who ask within the same second
    are still served (and told their position) in the order they asked."""
    return datetime.utcnow()


# The order of a queue, the same for the guides' list and the position the person is told.
QUEUE_ORDER = (HandoffRow.queued_at, HandoffRow.created_at, HandoffRow.id)


def _record(row: HandoffRow) -> Handoff:
    return Handoff(
        id=row.id,
        conversation_id=row.conversation_id,
        kind=row.kind,
        state=row.state,
        county=row.county,
        language=row.language,
        channel=row.channel,
        summary=dict(row.summary or {}),
        guide_id=row.guide_id,
        forwarded_from=row.forwarded_from,
        created_at=row.created_at,
        queued_at=row.queued_at,
        taken_at=row.taken_at,
        closed_at=row.closed_at,
        resumed=bool(row.resumed),
    )


def get(engine: Engine, handoff_id: str) -> Optional[Handoff]:
    with Session(engine) as session:
        row = session.get(HandoffRow, handoff_id)
        return _record(row) if row else None


def open_for(engine: Engine, conversation_id: str) -> Optional[Handoff]:
    """The conversation's open handoff (requested, waiting or active), if any."""
    with Session(engine) as session:
        row = session.scalars(select(HandoffRow).where(HandoffRow.open_conversation_id == conversation_id)).first()
        return _record(row) if row else None


def latest_for(engine: Engine, conversation_id: str) -> Optional[Handoff]:
    with Session(engine) as session:
        row = session.scalars(
            select(HandoffRow)
            .where(HandoffRow.conversation_id == conversation_id)
            .order_by(HandoffRow.created_at.desc(), HandoffRow.id.desc())
        ).first()
        return _record(row) if row else None


def request(
    engine: Engine,
    conversation_id: str,
    county: str,
    language: str,
    channel: str = "rest",
    kind: str = "live",
    now: Optional[datetime] = None,
) -> Handoff:
    """Start a handoff (state requested); an already open one is returned as it is."""
    existing = open_for(engine, conversation_id)
    if existing:
        return existing
    now = now or utcnow()
    handoff_id = uuid.uuid4().hex
    row = HandoffRow(
        id=handoff_id,
        conversation_id=conversation_id,
        open_conversation_id=conversation_id,
        kind=kind,
        state="requested",
        county=county,
        language=language,
        channel=channel,
        summary={},
        created_at=now,
    )
    try:
        with Session(engine) as session, session.begin():
            session.add(row)
    except IntegrityError:  # a concurrent request for the same conversation won
        existing = open_for(engine, conversation_id)
        if existing:
            return existing
        raise
    return get(engine, handoff_id)  # type: ignore[return-value]  # just added


def _transition(
    engine: Engine, handoff_id: str, allowed: Iterable[str], values: dict, error: type = HandoffError
) -> Handoff:
    allowed = tuple(allowed)
    with Session(engine) as session, session.begin():
        result = session.execute(
            update(HandoffRow).where(HandoffRow.id == handoff_id, HandoffRow.state.in_(allowed)).values(**values)
        )
        if changed_rows(result) != 1:
            row = session.get(HandoffRow, handoff_id)
            state = row.state if row else "missing"
            raise error(f"handoff {handoff_id} is {state}; expected one of {', '.join(allowed)}")
    return get(engine, handoff_id)  # type: ignore[return-value]  # just updated


def _count(engine: Engine, metric: str, handoff: Handoff) -> Handoff:
    """The owners' anonymous daily counters (county, language, live chat or message); never fails a transition."""
    from bot.analytics.counters import count_quietly

    count_quietly(engine, metric, handoff.county, handoff.language, handoff.kind)
    return handoff


def consent(engine: Engine, handoff_id: str, summary: dict, now: Optional[datetime] = None) -> Handoff:
    """The person agreed to share the summary: the handoff joins its county's queue."""
    return _count(
        engine,
        "handoff_requested",
        _transition(
            engine,
            handoff_id,
            ["requested"],
            {"state": "waiting", "summary": dict(summary), "queued_at": now or _queue_time()},
        ),
    )


def take(engine: Engine, handoff_id: str, guide_id: int, now: Optional[datetime] = None) -> Handoff:
    """A guide takes a waiting conversation; a second guide gets AlreadyTaken."""
    return _count(
        engine,
        "handoff_served",
        _transition(
            engine,
            handoff_id,
            ["waiting"],
            {"state": "active", "guide_id": guide_id, "taken_at": now or utcnow()},
            AlreadyTaken,
        ),
    )


def forward(engine: Engine, handoff_id: str, county: str, now: Optional[datetime] = None) -> Handoff:
    """Move a waiting or active conversation to another county's queue (it waits there afresh)."""
    current = get(engine, handoff_id)
    if current is None:
        raise HandoffError(f"handoff {handoff_id} is missing")
    if county == current.county:
        raise HandoffError(f"handoff {handoff_id} is already in {county}'s queue")
    return _transition(
        engine,
        handoff_id,
        ["waiting", "active"],
        {
            "state": "waiting",
            "county": county,
            "forwarded_from": current.county,
            "guide_id": None,
            "taken_at": None,
            "queued_at": now or _queue_time(),
        },
    )


def _close(engine: Engine, handoff_id: str, state: str, allowed: Iterable[str], now: Optional[datetime]) -> Handoff:
    return _transition(
        engine, handoff_id, allowed, {"state": state, "open_conversation_id": None, "closed_at": now or utcnow()}
    )


def end(engine: Engine, handoff_id: str, now: Optional[datetime] = None) -> Handoff:
    """The guide ends the conversation; the bot takes it back."""
    return _close(engine, handoff_id, "ended", ["active"], now)


def cancel(engine: Engine, handoff_id: str, now: Optional[datetime] = None) -> Handoff:
    """The person cancels the wait or ends the chat."""
    closed = _close(engine, handoff_id, "cancelled", OPEN_STATES, now)
    # Given up while waiting in the queue: a request no guide served.
    return _count(engine, "handoff_missed", closed) if closed.queued_at and not closed.taken_at else closed


def expire(engine: Engine, max_wait: timedelta, now: Optional[datetime] = None) -> list[Handoff]:
    """Close what nobody took in time: unconsented requests and waiting live chats older than max_wait.
    Left messages (kind 'message') wait for a guide however long it takes."""
    now = now or utcnow()
    limit = now - max_wait
    with Session(engine) as session:
        ids = session.scalars(
            select(HandoffRow.id).where(
                ((HandoffRow.state == "requested") & (HandoffRow.created_at < limit))
                | ((HandoffRow.state == "waiting") & (HandoffRow.kind == "live") & (HandoffRow.queued_at < limit))
            )
        ).all()
    expired = []
    for handoff_id in ids:
        try:
            closed = _close(engine, handoff_id, "expired", ["requested", "waiting"], now)
            expired.append(_count(engine, "handoff_missed", closed) if closed.queued_at else closed)
        except HandoffError:  # taken or cancelled meanwhile
            pass
    return expired


def mark_resumed(engine: Engine, handoff_id: str) -> bool:
    """Record that the bot has the conversation back; True only for the first caller."""
    with Session(engine) as session, session.begin():
        result = session.execute(
            update(HandoffRow)
            .where(HandoffRow.id == handoff_id, HandoffRow.state.notin_(OPEN_STATES), HandoffRow.resumed.is_(False))
            .values(resumed=True)
        )
        return changed_rows(result) == 1


def to_resume(engine: Engine, conversation_id: str) -> Optional[Handoff]:
    """A closed handoff of the conversation whose end the bot has not yet taken over, if any."""
    latest = latest_for(engine, conversation_id)
    return latest if latest and not latest.is_open and not latest.resumed else None


def queue(
    engine: Engine, counties: Optional[Iterable[str]] = None, states: Iterable[str] = ("waiting",)
) -> list[Handoff]:
    """Handoffs in the given states, oldest in the queue first (optionally only some counties)."""
    query = select(HandoffRow).where(HandoffRow.state.in_(tuple(states)))
    if counties is not None:
        query = query.where(HandoffRow.county.in_(tuple(counties)))
    with Session(engine) as session:
        rows = session.scalars(query.order_by(*QUEUE_ORDER)).all()
        return [_record(r) for r in rows]


def position(engine: Engine, handoff: Handoff) -> int:
    """1 for the first in its county's queue; 0 when it is not waiting."""
    if handoff.state != "waiting" or handoff.queued_at is None:
        return 0
    # Equal queue times (only when given explicitly) fall back to created_at, then id, like QUEUE_ORDER.
    earlier = or_(
        HandoffRow.queued_at < handoff.queued_at,
        and_(HandoffRow.queued_at == handoff.queued_at, HandoffRow.created_at < handoff.created_at),
        and_(
            HandoffRow.queued_at == handoff.queued_at,
            HandoffRow.created_at == handoff.created_at,
            HandoffRow.id < handoff.id,
        ),
    )
    with Session(engine) as session:
        ahead = session.scalar(
            select(func.count())
            .select_from(HandoffRow)
            .where(
                HandoffRow.state == "waiting", HandoffRow.county == handoff.county, HandoffRow.kind == "live", earlier
            )
        )
    return int(ahead or 0) + 1


def purge(engine: Engine, before: datetime) -> int:
    """Delete handoffs closed before the given time, with their messages; returns how many handoffs."""
    from sqlalchemy import delete

    from bot.handoff.schema import MessageRow, ReturnCodeRow

    old = select(HandoffRow.id).where(HandoffRow.state.notin_(OPEN_STATES), HandoffRow.closed_at < before)
    with Session(engine) as session, session.begin():
        session.execute(
            delete(ReturnCodeRow).where(ReturnCodeRow.handoff_id.in_(old)),
            execution_options={"synchronize_session": False},
        )
        session.execute(
            delete(MessageRow).where(MessageRow.handoff_id.in_(old)), execution_options={"synchronize_session": False}
        )
        result = session.execute(
            delete(HandoffRow).where(HandoffRow.state.notin_(OPEN_STATES), HandoffRow.closed_at < before)
        )
        return changed_rows(result)


def closed_unresumed(engine: Engine) -> list[Handoff]:
    """Closed handoffs whose conversation the bot has not yet taken back (oldest first)."""
    with Session(engine) as session:
        rows = session.scalars(
            select(HandoffRow)
            .where(HandoffRow.state.notin_(OPEN_STATES), HandoffRow.resumed.is_(False))
            .order_by(HandoffRow.closed_at)
        ).all()
        return [_record(r) for r in rows]


def typical_wait(
    engine: Engine,
    county: str,
    now: Optional[datetime] = None,
    sample: int = 20,
    within: timedelta = timedelta(days=30),
) -> Optional[timedelta]:
    """The median time from queue to guide of the county's last `sample` live chats taken within
    `within`; None without such history (then the person is told only their place in the queue)."""
    since = (now or utcnow()) - within
    with Session(engine) as session:
        rows = session.execute(
            select(HandoffRow.queued_at, HandoffRow.taken_at)
            .where(
                HandoffRow.county == county,
                HandoffRow.kind == "live",
                HandoffRow.taken_at.is_not(None),
                HandoffRow.queued_at.is_not(None),
                HandoffRow.taken_at >= since,
            )
            .order_by(HandoffRow.taken_at.desc())
            .limit(sample)
        ).all()
    waits = sorted(taken - queued for queued, taken in rows if taken >= queued)
    return waits[len(waits) // 2] if waits else None
