"""One turn of a conversation, the same for every channel (REST, web chat, Telegram):

limits → the guide relay → the bot → never an empty answer; acute danger → the emergency guidance first,
an uncertain risk → the crisis net's check-in first (bot/safety/risk.py), then the answer as usual.
Channels stay thin: they parse their transport and call `converse`, then render the replies.
"""

from __future__ import annotations

import asyncio
import logging
from typing import Any, Optional

from bot.analytics.counters import count_quietly
from bot.db import shared_engine
from bot.handoff import service
from bot.privacy import logs
from bot.safety import risk
from bot.server import fallback, relay
from connectors import limits

logger = logging.getLogger(__name__)


async def _language(agent: Any, sender_id: str, metadata: Optional[dict]) -> str:
    try:
        tracker = await agent.tracker_store.retrieve(sender_id)
        if tracker and tracker.get_slot("language"):
            return tracker.get_slot("language")
    except Exception:  # the tracker store itself may be what failed
        logger.warning("tracker unavailable while choosing the fallback language")
    return (metadata or {}).get("language") or "fi"


async def converse(
    agent: Any,
    on_new_message: relay.OnNewMessage,
    sender_id: str,
    raw_text: Any,
    channel: str,
    metadata: Optional[dict] = None,
) -> list[dict]:
    logs.install()  # our log filter on every handler of this process (idempotent)
    cleaned = limits.clean(raw_text)
    # The crisis check reads the whole message, before truncation and before the rate limit: someone
    # in danger is never slowed down, and a danger written at the end of a long story still counts.
    crisis = await _assess(agent, sender_id, cleaned)
    text, cut = limits.truncate(cleaned)
    with logs.turn(sender_id, text):
        if not crisis.flagged and not limits.rate_limiter().allow(sender_id):
            return fallback.reply(await _language(agent, sender_id, metadata), "utter_slow_down")
        replies, with_guide = await _answer(agent, on_new_message, sender_id, text, channel, metadata, crisis)
        # With a guide in the chat the check-in is the guide's to make (the console flags the message);
        # acute danger gets the full guidance first whoever is there.
        if crisis.tier == "acute" or (crisis.tier == "checkin" and not with_guide):
            # After the bot's turn the language slot is this message's language.
            language = crisis.language or await _language(agent, sender_id, metadata)
            first = fallback.emergency_first if crisis.tier == "acute" else fallback.checkin_first
            replies = first(replies, language)
            await _count(crisis.tier, language)
        if cut:
            replies = replies + fallback.reply(await _language(agent, sender_id, metadata), "utter_message_truncated")
        # Replies made here (check-in, emergency first, notices) are addressed like Rasa's own.
        return [r if "recipient_id" in r else {"recipient_id": sender_id, **r} for r in replies]


async def _assess(agent: Any, sender_id: str, text: str) -> risk.Assessment:
    """The crisis net's tier; the person's earlier messages are read only when this one carries some risk."""
    found = risk.assess(text)
    if found.tier == "acute" or found.risk_score < risk.GATE:
        return found
    return risk.assess(text, await _history(agent, sender_id))


async def _history(agent: Any, sender_id: str) -> tuple[str, ...]:
    """The person's last messages of this session, oldest first (button payloads left out)."""
    try:
        tracker = await agent.tracker_store.retrieve(sender_id)
    except Exception:  # the tracker store is down: the message alone decides
        logger.warning("tracker unavailable for the crisis net's context")
        return ()
    if tracker is None:
        return ()
    texts = [
        e.text
        for e in tracker.applied_events()
        if getattr(e, "type_name", "") == "user" and e.text and not e.text.startswith("/")
    ]
    return tuple(texts[-risk.CONTEXT_TURNS :])


async def _count(tier: str, language: str) -> None:
    try:
        await asyncio.to_thread(count_quietly, shared_engine(), "crisis_tier", None, language, tier)
    except Exception:  # counting never breaks a conversation
        logger.warning("could not count the crisis tier", exc_info=True)


async def _answer(
    agent: Any,
    on_new_message: relay.OnNewMessage,
    sender_id: str,
    text: str,
    channel: str,
    metadata: Optional[dict],
    crisis: Optional[risk.Assessment] = None,
) -> tuple[list[dict], bool]:
    """(replies, whether a guide has the conversation: the relay handled it and said nothing itself)."""
    try:
        handled, replies = await relay.before_bot(agent, on_new_message, sender_id, text, channel, crisis)
    except Exception:  # app database down: the bot can still answer
        logger.exception("handoff relay unavailable (%s)", logs.pseudonym(sender_id))
        handled, replies = False, []
    if handled:
        return replies, not replies
    try:
        answer = await relay.tell_bot(on_new_message, sender_id, text, channel, metadata)
    except Exception:
        logger.exception("the bot failed to answer (%s)", logs.pseudonym(sender_id))
        answer = []
    if not answer:
        answer = await _recover(agent, on_new_message, sender_id, text, channel, metadata)
    return replies + answer, False


async def _recover(
    agent: Any, on_new_message: relay.OnNewMessage, sender_id: str, text: str, channel: str, metadata: Optional[dict]
) -> list[dict]:
    """The bot said nothing. A conversation left paused without an open handoff (a crash between the
    guide's end and the resume) is resumed and the message retried; otherwise the national lines."""
    try:
        open_handoff = await asyncio.to_thread(service.open_for, shared_engine(), sender_id)
        tracker = await agent.tracker_store.retrieve(sender_id)
        if open_handoff is None and tracker is not None and tracker.is_paused():
            await relay.resume_tracker(agent, sender_id)
            answer = await relay.tell_bot(on_new_message, sender_id, text, channel, metadata)
            if answer:
                return answer
    except Exception:
        logger.exception("could not recover an empty answer (%s)", logs.pseudonym(sender_id))
    return fallback.reply(await _language(agent, sender_id, metadata))
