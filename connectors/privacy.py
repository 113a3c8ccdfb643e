""""Delete my conversation" for channels (a button in the web chat, /delete in Telegram): the whole
conversation goes at once, under Rasa's lock for it, so that a turn still in progress cannot write it back."""
from __future__ import annotations

import asyncio
from typing import Any

from bot.privacy import forget


async def forget_conversation(agent: Any, sender_id: str) -> None:
    async with agent.lock_store.lock(sender_id):
        await asyncio.to_thread(forget, sender_id)
