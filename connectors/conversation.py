"""One turn of a conversation, the same for every channel (REST, web chat, Telegram):

limits → the guide relay → the bot → never an empty answer; acute danger → the emergency guidance first.
Channels stay thin: they parse their transport and call `converse`, then render the replies.
"""
from __future__ import annotations

import asyncio
import logging
from typing import Any, Optional

from bot.db import shared_engine
from bot.handoff import service
from bot.privacy import logs
from bot.safety.crisis import detect
from connectors import fallback, limits, relay

logger = logging.getLogger(__name__)


async def _language(agent: Any, sender_id: str, metadata: Optional[dict]) -> str:
    try:
        tracker = await agent.tracker_store.retrieve(sender_id)
        if tracker and tracker.get_slot("language"):
            return tracker.get_slot("language")
    except Exception:  # the tracker store itself may be what failed
        logger.warning("tracker unavailable while choosing the fallback language")
    return (metadata or {}).get("language") or "fi"


async def converse(agent: Any, on_new_message: relay.OnNewMessage, sender_id: str, raw_text: Any,
                   channel: str, metadata: Optional[dict] = None) -> list[dict]:
    logs.install()  # our log filter on every handler of this process (idempotent)
    cleaned = limits.clean(raw_text)
    # The crisis check reads the whole message, before truncation and before the rate limit: someone
    # in danger is never slowed down, and a danger written at the end of a long story still counts.
    crisis = detect(cleaned)
    text, cut = limits.truncate(cleaned)
    with logs.turn(sender_id, text):
        if not crisis.acute and not limits.rate_limiter().allow(sender_id):
            return fallback.reply(await _language(agent, sender_id, metadata), "utter_slow_down")
        replies = await _answer(agent, on_new_message, sender_id, text, channel, metadata)
        if crisis.acute:
            replies = fallback.emergency_first(replies, crisis.language or await _language(agent, sender_id, metadata))
        if cut:
            replies = replies + fallback.reply(await _language(agent, sender_id, metadata), "utter_message_truncated")
        return replies


async def _answer(agent: Any, on_new_message: relay.OnNewMessage, sender_id: str, text: str, channel: str,
                  metadata: Optional[dict]) -> list[dict]:
    try:
        handled, replies = await relay.before_bot(agent, on_new_message, sender_id, text, channel)
    except Exception:  # app database down: the bot can still answer
        logger.exception("handoff relay unavailable (%s)", logs.pseudonym(sender_id))
        handled, replies = False, []
    if handled:
        return replies
    try:
        answer = await relay.tell_bot(on_new_message, sender_id, text, channel, metadata)
    except Exception:
        logger.exception("the bot failed to answer (%s)", logs.pseudonym(sender_id))
        answer = []
    if not answer:
        answer = await _recover(agent, on_new_message, sender_id, text, channel, metadata)
    return replies + answer


async def _recover(agent: Any, on_new_message: relay.OnNewMessage, sender_id: str, text: str, channel: str,
                   metadata: Optional[dict]) -> list[dict]:
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
