""" "Delete my conversation": everything Viitta keeps about one conversation goes, in the app database
(messages, push address, handoffs — bot.handoff.messages.forget) and in Rasa's tracker store.

Rasa 3.6's TrackerStore has no delete: Viitta's tracker store has one (RedactingTrackerStore.delete,
bot/server/tracker_store.py). Rasa's in-memory store, what Rasa uses when no tracker store is configured
or the configured one cannot be loaded, is a dict; so is the fail-safe copy Rasa keeps while the configured store
fails, and it is emptied too. Any other store is refused, so that a conversation
is never reported deleted while it is still stored.
"""

from __future__ import annotations

import asyncio
import logging
from typing import Any

from bot.db import shared_engine
from bot.handoff import messages

logger = logging.getLogger(__name__)


def _fallback_copies(store: Any) -> list:
    """The in-memory stores Rasa's FailSafeTrackerStore writes to while the configured one fails: a copy of
    the conversation from a database outage lives there until the process ends."""
    copies, seen = [], 0
    while store is not None and seen < 5:
        fallback = getattr(store, "_fallback_tracker_store", None)
        if fallback is not None:
            copies.append(fallback)
        store, seen = getattr(store, "_tracker_store", None), seen + 1
    return copies


def _unwrap(store: Any) -> Any:
    """The store that holds the data (Rasa wraps it in AwaitableTrackerStore / FailSafeTrackerStore)."""
    seen = 0
    while hasattr(store, "_tracker_store") and seen < 5:
        store = store._tracker_store
        seen += 1
    return store


def _delete_tracker(store: Any, sender_id: str) -> None:
    from rasa.core.tracker_store import InMemoryTrackerStore

    from bot.server.tracker_store import RedactingTrackerStore

    if isinstance(store, RedactingTrackerStore):
        store.delete(sender_id)
    elif isinstance(store, InMemoryTrackerStore):
        store.store.pop(sender_id, None)
    else:
        raise NotImplementedError(f"deleting a conversation from {type(store).__name__} is not supported")


async def forget_conversation(agent: Any, sender_id: str) -> None:
    """Delete the conversation everywhere; raises if the tracker store could not do it."""
    await asyncio.to_thread(messages.forget, shared_engine(), sender_id)
    store = _unwrap(agent.tracker_store)
    # Under Rasa's own lock, so that a turn in progress cannot write the conversation back half-way.
    async with agent.lock_store.lock(sender_id):
        await asyncio.to_thread(_delete_tracker, store, sender_id)
        for copy in _fallback_copies(agent.tracker_store):
            await asyncio.to_thread(_delete_tracker, copy, sender_id)
    logger.info("a conversation was deleted at the person's request")
