"""The handoff resume loop: gives conversations back to the bot when guides end them or nobody takes
them in time (bot.server.relay.tick, every second for the server's lifetime; the state is in the
database, so a restart just carries on, and several Rasa instances may each run it).

credentials.yml: `bot.server.resume.HandoffResume:`. Not a chat channel: an input channel is Rasa 3.6's
plug point for work that lives as long as the server (its blueprint's listeners) and that needs Rasa's
message handler. Every channel's conversations come back through it – the bot's words go to the outbox
(bot.handoff.messages) from which the web chat, Telegram and the REST channel deliver – so it runs
whichever chat channels are configured.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from datetime import timedelta
from typing import Any

from rasa.core.channels.channel import InputChannel
from sanic import Blueprint

from bot.server import relay
from bot.settings import get_settings

logger = logging.getLogger(__name__)
RESUME_EVERY_SECONDS = 1.0
# The input channel the resumed turns carry. No response has a variation for it, so the bot's words are
# the channel-neutral ones (as when this loop ran inside the REST channel, whose name this is).
CHANNEL = "rest"


async def resume_loop(app: Any, on_new_message: relay.OnNewMessage, channel: str = CHANNEL) -> None:
    """Run relay.tick every RESUME_EVERY_SECONDS until cancelled; a failed round is logged, not fatal."""
    max_wait = timedelta(minutes=get_settings().handoff_max_wait_minutes)
    while True:
        try:
            await relay.tick(app.ctx.agent, on_new_message, channel, max_wait)
        except asyncio.CancelledError:
            raise
        except Exception:
            logger.exception("resume loop")
        await asyncio.sleep(RESUME_EVERY_SECONDS)


class HandoffResume(InputChannel):
    """Starts the resume loop when the server has started and stops it before the server stops."""

    @classmethod
    def name(cls) -> str:
        return "resume"

    def blueprint(self, on_new_message: relay.OnNewMessage) -> Blueprint:
        bp = Blueprint("viitta_handoff_resume", __name__)

        @bp.listener("after_server_start")
        async def start_resume_loop(app, loop) -> None:
            app.ctx.viitta_resume_loop = loop.create_task(resume_loop(app, on_new_message))

        @bp.listener("before_server_stop")
        async def stop_resume_loop(app, _loop) -> None:
            task = getattr(app.ctx, "viitta_resume_loop", None)
            if task is not None:
                task.cancel()
                with contextlib.suppress(asyncio.CancelledError):
                    await task

        return bp
