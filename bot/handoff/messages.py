"""The message log and outbox: what the person wrote during a handoff, and what a channel must deliver.

Channels deliver with `to_person(conversation_id, after_id)`; push channels (Telegram) keep their
cursor in channel_addresses and claim a batch with `claim_delivery` so that two server instances never
send the same message twice.
"""

from __future__ import annotations

from datetime import datetime
from typing import Optional

from sqlalchemy import delete, select, update
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

from bot.handoff.records import Message
from bot.handoff.schema import SENDERS, ChannelAddressRow, MessageRow
from bot.handoff.service import utcnow
from bot.orm import changed_rows
from bot.privacy.redaction import redact


def _record(row: MessageRow) -> Message:
    return Message(
        id=row.id,
        conversation_id=row.conversation_id,
        handoff_id=row.handoff_id,
        sender=row.sender,
        body=dict(row.body or {}),
        guide_name=row.guide_name,
        created_at=row.created_at,
    )


def post(
    engine: Engine,
    conversation_id: str,
    sender: str,
    body: dict,
    handoff_id: Optional[str] = None,
    guide_name: Optional[str] = None,
    now: Optional[datetime] = None,
) -> Message:
    """Store one message. The person's text is redacted before it is stored."""
    if sender not in SENDERS:
        raise ValueError(f"unknown sender {sender!r}")
    body = dict(body)
    if sender == "person" and body.get("text"):
        body["text"] = redact(body["text"])
    row = MessageRow(
        conversation_id=conversation_id,
        handoff_id=handoff_id,
        sender=sender,
        body=body,
        guide_name=guide_name,
        created_at=now or utcnow(),
    )
    with Session(engine) as session, session.begin():
        session.add(row)
        session.flush()
        return _record(row)


def history(engine: Engine, conversation_id: str, after_id: int = 0, handoff_id: Optional[str] = None) -> list[Message]:
    """All stored messages of a conversation (optionally of one handoff), oldest first."""
    query = select(MessageRow).where(MessageRow.conversation_id == conversation_id, MessageRow.id > after_id)
    if handoff_id:
        query = query.where(MessageRow.handoff_id == handoff_id)
    with Session(engine) as session:
        return [_record(r) for r in session.scalars(query.order_by(MessageRow.id)).all()]


# The crisis net's tiers a person's message can be flagged with (body["risk"], set by bot.server.relay).
RISK_TIERS = ("checkin", "acute")


def risk_flags(engine: Engine, handoff_ids: list[str]) -> dict[str, str]:
    """handoff id -> the strongest crisis flag of the person's messages in it ("acute" or "checkin"),
    only for handoffs that have one. For the console's queue."""
    if not handoff_ids:
        return {}
    flags: dict[str, str] = {}
    with Session(engine) as session:
        rows = session.execute(
            select(MessageRow.handoff_id, MessageRow.body).where(
                MessageRow.handoff_id.in_(list(handoff_ids)), MessageRow.sender == "person"
            )
        ).all()
    for handoff_id, body in rows:
        tier = (body or {}).get("risk")
        if tier in RISK_TIERS and RISK_TIERS.index(tier) >= RISK_TIERS.index(flags.get(handoff_id, tier)):
            flags[handoff_id] = tier
    return flags


def to_person(engine: Engine, conversation_id: str, after_id: int = 0) -> list[Message]:
    """Messages addressed to the person (guide, bot, system) with id > after_id, oldest first."""
    with Session(engine) as session:
        rows = session.scalars(
            select(MessageRow)
            .where(
                MessageRow.conversation_id == conversation_id, MessageRow.id > after_id, MessageRow.sender != "person"
            )
            .order_by(MessageRow.id)
        ).all()
        return [_record(r) for r in rows]


def remember_address(
    engine: Engine, conversation_id: str, channel: str, address: str, now: Optional[datetime] = None
) -> None:
    """Where a push channel reaches this conversation; delivery starts after what already exists."""
    now = now or utcnow()
    with Session(engine) as session, session.begin():
        row = session.get(ChannelAddressRow, conversation_id)
        if row is None:
            latest = (
                session.scalar(
                    select(MessageRow.id)
                    .where(MessageRow.conversation_id == conversation_id)
                    .order_by(MessageRow.id.desc())
                    .limit(1)
                )
                or 0
            )
            session.add(
                ChannelAddressRow(
                    conversation_id=conversation_id,
                    channel=channel,
                    address=address,
                    delivered_id=latest,
                    updated_at=now,
                )
            )
        else:
            row.channel, row.address, row.updated_at = channel, address, now


def undelivered(engine: Engine, channel: str) -> list[tuple[str, str, int, list[Message]]]:
    """(conversation_id, address, delivered_id, messages) for every conversation of a push channel
    that has messages to the person after its cursor."""
    with Session(engine) as session:
        rows = session.execute(
            select(
                ChannelAddressRow.conversation_id, ChannelAddressRow.address, ChannelAddressRow.delivered_id, MessageRow
            )
            .join(MessageRow, MessageRow.conversation_id == ChannelAddressRow.conversation_id)
            .where(
                ChannelAddressRow.channel == channel,
                MessageRow.id > ChannelAddressRow.delivered_id,
                MessageRow.sender != "person",
            )
            .order_by(MessageRow.id)
        ).all()
        batches: dict[str, tuple[str, int, list[Message]]] = {}
        for conversation_id, address, delivered_id, message in rows:
            batches.setdefault(conversation_id, (address, delivered_id, []))[2].append(_record(message))
    return [(cid, address, done, msgs) for cid, (address, done, msgs) in batches.items()]


def claim_delivery(engine: Engine, conversation_id: str, previous_id: int, new_id: int) -> bool:
    """Advance the delivery cursor from previous_id to new_id; False if another process already did."""
    with Session(engine) as session, session.begin():
        result = session.execute(
            update(ChannelAddressRow)
            .where(ChannelAddressRow.conversation_id == conversation_id, ChannelAddressRow.delivered_id == previous_id)
            .values(delivered_id=new_id, updated_at=utcnow())
        )
        return changed_rows(result) == 1


def forget(engine: Engine, conversation_id: str) -> None:
    """ "Delete my conversation": messages, addresses and handoffs of the conversation go at once."""
    from bot.handoff.schema import HandoffRow, ReturnCodeRow

    with Session(engine) as session, session.begin():
        session.execute(delete(ReturnCodeRow).where(ReturnCodeRow.conversation_id == conversation_id))
        session.execute(delete(MessageRow).where(MessageRow.conversation_id == conversation_id))
        session.execute(delete(ChannelAddressRow).where(ChannelAddressRow.conversation_id == conversation_id))
        session.execute(delete(HandoffRow).where(HandoffRow.conversation_id == conversation_id))


def purge(engine: Engine, before: datetime) -> int:
    """Delete messages (any sender) and push addresses older than the given time."""
    with Session(engine) as session, session.begin():
        result = session.execute(delete(MessageRow).where(MessageRow.created_at < before))
        session.execute(delete(ChannelAddressRow).where(ChannelAddressRow.updated_at < before))
        return changed_rows(result)
