"""The live relay between a person and a service guide, inside the Rasa server process.

While a handoff is waiting or active, Rasa's conversation is paused (ConversationPaused, returned by
the action that starts the handoff): the person's messages go to the handoff log for the guide instead
of to the bot, and "lopeta"/"avsluta"/the cancel button end the wait or the chat. A message left out of
hours is one message: the relay logs it and gives the conversation straight back to the bot.

When a handoff has closed (the guide ended it, nobody took it in time), `tick` – run every second by
bot.server.resume – gives the conversation back to the bot, which says so; its replies go to the outbox
(bot.handoff.messages) from which every channel delivers. The console never calls Rasa.
"""

from __future__ import annotations

import asyncio
import logging
import re
from datetime import timedelta
from typing import Any, Awaitable, Callable, Optional

from rasa.core.channels.channel import CollectingOutputChannel, UserMessage
from rasa.shared.core.constants import ACTION_LISTEN_NAME
from rasa.shared.core.events import ActionExecuted, ConversationResumed

from bot.db import shared_engine
from bot.handoff import messages, service
from bot.handoff.records import Handoff, HandoffError
from bot.server import fallback

logger = logging.getLogger(__name__)

# Whole messages that end a wait or a chat with a guide. Only whole messages: "haluan lopettaa juomisen"
# ("I want to stop drinking") is something to tell the guide, not a wish to leave.
CANCEL_PHRASES = {
    "lopeta",
    "lopetan",
    "lopetetaan",
    "lopeta keskustelu",
    "lopeta chat",
    "lopeta chatti",
    "lopeta odotus",
    "lopeta odottaminen",
    "haluan lopettaa",
    "haluun lopettaa",
    "peru",
    "peruuta",
    "peru odotus",
    "keskeytä",
    "avsluta",
    "avsluta chatten",
    "avsluta samtalet",
    "avbryt",
    "avbryt väntan",
    "sluta",
    "sluta vänta",
    "jag vill sluta",
    "jag vill avsluta",
    "stop",
    "/stop",
    "/cancel_handoff",
}

OnNewMessage = Callable[[UserMessage], Awaitable[Any]]


def is_cancel(text: str) -> bool:
    return " ".join(re.sub(r"[^\w/]+", " ", text.lower()).split()) in CANCEL_PHRASES


def resume_intent(handoff: Handoff) -> Optional[str]:
    """The "/intent" that tells the bot how a closed handoff ended; None when it never reached a queue
    (nothing was promised to the person, so there is nothing to say)."""
    if handoff.queued_at is None:
        return None
    if handoff.state == "ended":
        return "handoff_answered" if handoff.kind == "message" else "handoff_ended"
    return {"cancelled": "handoff_cancelled", "expired": "handoff_expired"}.get(handoff.state)


async def is_paused(agent: Any, sender_id: str) -> bool:
    tracker = await agent.tracker_store.retrieve(sender_id)
    return bool(tracker and tracker.is_paused())


async def resume_tracker(agent: Any, sender_id: str) -> None:
    """Un-pause the Rasa conversation (under Rasa's own lock, as the HTTP API does). The paused turn
    ended without Rasa listening, so listening is recorded too: rules see the next message as usual."""
    async with agent.lock_store.lock(sender_id):
        tracker = await agent.tracker_store.get_or_create_tracker(sender_id)
        if tracker.is_paused():
            tracker.update(ConversationResumed())
            if tracker.latest_action_name != ACTION_LISTEN_NAME:
                tracker.update(ActionExecuted(ACTION_LISTEN_NAME))
            await agent.tracker_store.save(tracker)


class ChannelCollector(CollectingOutputChannel):
    """Collects the replies under the channel's own name, so that a response's `channel:` variation
    (worded for the web chat, say) is the one Rasa picks."""

    def __init__(self, channel: str) -> None:
        super().__init__()
        self.channel = channel

    def name(self) -> str:  # type: ignore[override]
        return self.channel


async def tell_bot(
    on_new_message: OnNewMessage, sender_id: str, text: str, channel: str, metadata: Optional[dict] = None
) -> list[dict]:
    collector = ChannelCollector(channel)
    await on_new_message(UserMessage(text, collector, sender_id, input_channel=channel, metadata=metadata))
    return collector.messages


async def give_back(
    agent: Any, on_new_message: OnNewMessage, handoff: Handoff, channel: str, to_outbox: bool
) -> list[dict]:
    """Resume the bot after a closed handoff; returns what the bot said. `to_outbox` when nobody is
    waiting for a reply (the guide ended the chat): then the channels deliver it from the outbox."""
    engine = shared_engine()
    if not await asyncio.to_thread(service.mark_resumed, engine, handoff.id):
        return []  # another process (or an earlier turn) did it
    await resume_tracker(agent, handoff.conversation_id)
    intent = resume_intent(handoff)
    if intent is None:
        return []
    # The handoff's language: a long chat may have outlived Rasa's session, and a new session starts
    # without the language slot.
    replies = await tell_bot(
        on_new_message, handoff.conversation_id, f"/{intent}", channel, {"language": handoff.language}
    )
    for reply in replies if to_outbox else []:
        await asyncio.to_thread(
            messages.post,
            engine,
            handoff.conversation_id,
            "bot",
            {k: v for k, v in reply.items() if k != "recipient_id"},
            handoff.id,
        )
    return replies


async def before_bot(
    agent: Any, on_new_message: OnNewMessage, sender_id: str, text: str, channel: str, crisis: Any = None
) -> tuple[bool, list[dict]]:
    """(handled, replies): handled means a guide has the conversation and the bot must not see the
    message; replies are to be sent before anything the bot says. `crisis`: the crisis net's
    Assessment of the message (bot.safety.risk); a flagged message is stored flagged for the console."""
    engine = shared_engine()
    handoff = await asyncio.to_thread(service.open_for, engine, sender_id)
    if handoff is None:
        closed = await asyncio.to_thread(service.to_resume, engine, sender_id)
        if closed is None:
            return False, []
        return False, await give_back(agent, on_new_message, closed, channel, to_outbox=False)
    if handoff.state == "requested":
        return False, []  # consent not given: nobody but the bot is listening
    if handoff.kind == "message" and not await is_paused(agent, sender_id):
        return False, []  # the message was left; the person talks with the bot while it waits for a guide
    if is_cancel(text):
        try:
            closed = await asyncio.to_thread(service.cancel, engine, handoff.id)
        except HandoffError:  # the guide ended it at this very moment
            closed = await asyncio.to_thread(service.get, engine, handoff.id)
        return True, await give_back(agent, on_new_message, closed, channel, to_outbox=False)  # type: ignore[arg-type]
    if not text:
        return True, []
    tier = getattr(crisis, "tier", "none")
    body = {"text": text, "risk": tier} if tier != "none" else {"text": text}
    await asyncio.to_thread(messages.post, engine, sender_id, "person", body, handoff.id)
    if handoff.kind == "message":
        # That was the message; the bot confirms it and has the conversation again.
        await resume_tracker(agent, sender_id)
        return True, await tell_bot(
            on_new_message, sender_id, "/handoff_message_left", channel, {"language": handoff.language}
        )
    if handoff.state == "waiting":
        # Nobody has joined yet: someone in danger must not wait in silence for a guide. Acute: the full
        # guidance; uncertain: the check-in (112 and the crisis line too). The channel keeps it first.
        if tier == "acute" or (tier == "none" and await in_danger(agent, text)):
            return True, fallback.emergency(handoff.language)
        if tier == "checkin":
            return True, fallback.checkin(handoff.language)
    return True, []


async def in_danger(agent: Any, text: str) -> bool:
    """Whether the bot's own understanding reads the message as acute danger (as its emergency rule does):
    the classifier may know a wording the crisis net does not."""
    try:
        parsed = await agent.parse_message(text)
    except Exception:  # understanding failed: the message still reaches the guide
        logger.exception("could not check a waiting message for danger")
        return False
    return (parsed.get("intent") or {}).get("name") == "emergency"


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


async def tick(agent: Any, on_new_message: OnNewMessage, channel: str, max_wait: timedelta) -> int:
    """One round of the background work: close live chats nobody took within `max_wait`, then give
    back whatever has closed. Safe to run in several processes (every step is a conditional update)."""
    await asyncio.to_thread(service.expire, shared_engine(), max_wait)
    return await resume_closed(agent, on_new_message, channel)
