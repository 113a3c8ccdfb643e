"""The live relay between a person and a service guide, inside the Rasa server process.

While a handoff is waiting or active, Rasa's conversation is paused (ConversationPaused, set by the
action that starts the handoff): the person's messages go to the handoff log for the guide instead of
to the bot, and "lopeta"/"avsluta"/the cancel button end the wait. When a handoff has closed (the guide
ended it, it expired), `resume_closed` gives the conversation back to the bot, which says so; its
replies go to the outbox (bot.handoff.messages) from which every channel delivers.
"""
from __future__ import annotations

import asyncio
import logging
from typing import Any, Awaitable, Callable, Optional

from rasa.core.channels.channel import CollectingOutputChannel, UserMessage
from rasa.shared.core.events import ConversationResumed

from bot.db import shared_engine
from bot.handoff import messages, service
from bot.handoff.records import Handoff

logger = logging.getLogger(__name__)

CANCEL_WORDS = {"lopeta", "lopetan", "peru", "peruuta", "avsluta", "avbryt", "stop", "/stop", "/cancel_handoff"}
# Intents (in domain.yml) that tell the bot how the handoff ended; sent as "/intent" messages.
RESUME_INTENT = {"ended": "handoff_ended", "cancelled": "handoff_cancelled", "expired": "handoff_expired"}

OnNewMessage = Callable[[UserMessage], Awaitable[Any]]


def is_cancel(text: str) -> bool:
    return text.strip().lower().rstrip("!.") in CANCEL_WORDS


async def resume_tracker(agent: Any, sender_id: str) -> None:
    """Un-pause the Rasa conversation (under Rasa's own lock, as the HTTP API does)."""
    async with agent.lock_store.lock(sender_id):
        tracker = await agent.tracker_store.get_or_create_tracker(sender_id)
        if tracker.is_paused():
            tracker.update(ConversationResumed())
            await agent.tracker_store.save(tracker)


async def tell_bot(on_new_message: OnNewMessage, sender_id: str, text: str, channel: str,
                    metadata: Optional[dict] = None) -> list[dict]:
    collector = CollectingOutputChannel()
    await on_new_message(UserMessage(text, collector, sender_id, input_channel=channel, metadata=metadata))
    return collector.messages


async def give_back(agent: Any, on_new_message: OnNewMessage, handoff: Handoff, channel: str,
                    to_outbox: bool) -> list[dict]:
    """Resume the bot after a closed handoff; returns what the bot said. `to_outbox` when nobody is
    waiting for a reply (the guide ended the chat): then the channels deliver it from the outbox."""
    engine = shared_engine()
    if not await asyncio.to_thread(service.mark_resumed, engine, handoff.id):
        return []  # another process (or an earlier turn) did it
    await resume_tracker(agent, handoff.conversation_id)
    replies = await tell_bot(on_new_message, handoff.conversation_id, f"/{RESUME_INTENT[handoff.state]}", channel)
    for reply in replies if to_outbox else []:
        await asyncio.to_thread(messages.post, engine, handoff.conversation_id, "bot",
                                {k: v for k, v in reply.items() if k != "recipient_id"}, handoff.id)
    return replies


async def before_bot(agent: Any, on_new_message: OnNewMessage, sender_id: str, text: str,
                     channel: str) -> tuple[bool, list[dict]]:
    """(handled, replies): handled means a guide has the conversation and the bot must not see the
    message; replies are to be sent before anything the bot says."""
    engine = shared_engine()
    handoff = await asyncio.to_thread(service.open_for, engine, sender_id)
    if handoff is None:
        closed = await asyncio.to_thread(service.to_resume, engine, sender_id)
        if closed is None:
            return False, []
        return False, await give_back(agent, on_new_message, closed, channel, to_outbox=False)
    if handoff.state == "requested":
        return False, []  # the bot is still asking for consent
    if is_cancel(text):
        closed = await asyncio.to_thread(service.cancel, engine, handoff.id)
        return True, await give_back(agent, on_new_message, closed, channel, to_outbox=False)
    await asyncio.to_thread(messages.post, engine, sender_id, "person", {"text": text}, handoff.id)
    return True, []


async def resume_closed(agent: Any, on_new_message: OnNewMessage, channel: str) -> int:
    """Give back every closed, not yet resumed handoff (the guide ended it in the console); returns how many."""
    engine = shared_engine()
    pending = await asyncio.to_thread(service.closed_unresumed, engine)
    for handoff in pending:
        try:
            await give_back(agent, on_new_message, handoff, channel, to_outbox=True)
        except Exception:  # one broken conversation must not stop the others
            logger.exception("could not resume handoff %s", handoff.id)
    return len(pending)
