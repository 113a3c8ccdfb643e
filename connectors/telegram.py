"""The Telegram channel (python-telegram-bot 22), enabled when TELEGRAM_TOKEN is set.

    TELEGRAM_MODE=webhook  Telegram POSTs updates to /webhooks/telegram/webhook; the
                           X-Telegram-Bot-Api-Secret-Token header must equal TELEGRAM_SECRET (else 403).
                           With TELEGRAM_WEBHOOK_URL set, the webhook is registered at start-up.
    TELEGRAM_MODE=polling  long polling (getUpdates): for local use without a public address.

The chat id is turned into the conversation id by a keyed hash (TELEGRAM_ID_KEY); the chat id itself
is kept only as the push address (bot.handoff.messages.remember_address), from which a background task
delivers a guide's messages and the bot's words after a handoff.
"""

from __future__ import annotations

import asyncio
import hmac
import logging
from typing import Any, Optional

from rasa.core.channels.channel import InputChannel
from sanic import Blueprint, response
from sanic.request import Request
from telegram import LinkPreviewOptions, Update
from telegram.error import Forbidden, TelegramError
from telegram.ext import AIORateLimiter, ExtBot
from telegram.request import HTTPXRequest

from bot.actions.texts import render as render_response
from bot.db import shared_engine
from bot.domain import load_domain
from bot.handoff import messages, service
from bot.settings import get_settings
from connectors import replies
from connectors import telegram_format as fmt
from connectors.conversation import converse
from connectors.forget import forget_conversation

logger = logging.getLogger(__name__)

CHANNEL = "telegram"
POLL_TIMEOUT_SECONDS = 25
PUSH_EVERY_SECONDS = 1.0
RETRY_SECONDS = 5.0
NO_PREVIEW = LinkPreviewOptions(is_disabled=True)


class TelegramInput(InputChannel):
    """credentials.yml: connectors.telegram.TelegramInput (inert without TELEGRAM_TOKEN)."""

    @classmethod
    def name(cls) -> str:
        return CHANNEL

    @classmethod
    def from_credentials(cls, credentials: Optional[dict]) -> "TelegramInput":
        return cls()

    def __init__(self) -> None:
        s = get_settings()
        self.enabled = bool(s.telegram_token)
        self.mode = s.telegram_mode
        if self.enabled:
            if not s.telegram_id_key:
                raise ValueError("TELEGRAM_ID_KEY must be set when TELEGRAM_TOKEN is (the key of the chat id hash)")
            if self.mode not in ("webhook", "polling"):
                raise ValueError(f"TELEGRAM_MODE must be webhook or polling, not {self.mode!r}")
            if self.mode == "webhook" and not s.telegram_secret:
                raise ValueError("TELEGRAM_SECRET must be set in webhook mode (Telegram sends it with every update)")
        self.bot: ExtBot = None  # type: ignore[assignment]  # made in start(), before anything uses it
        self._tasks: list[asyncio.Task] = []

    def _make_bot(self) -> ExtBot:
        s = get_settings()
        return ExtBot(
            s.telegram_token,
            base_url=f"{s.telegram_api_url}/bot",
            base_file_url=f"{s.telegram_api_url}/file/bot",
            request=HTTPXRequest(connection_pool_size=16),
            get_updates_request=HTTPXRequest(connection_pool_size=2),
            rate_limiter=AIORateLimiter(max_retries=2),
        )

    # ---- turning updates into conversation turns -----------------------------------------------
    def conversation_id(self, chat_id: int) -> str:
        return fmt.sender_id(get_settings().telegram_id_key, chat_id)

    async def _send(self, chat_id: int, outgoing: list[fmt.Outgoing]) -> None:
        for out in outgoing:
            await self.bot.send_message(
                chat_id, out.text, parse_mode="HTML", reply_markup=out.keyboard, link_preview_options=NO_PREVIEW
            )

    async def _language(self, agent: Any, sender_id: str, fallback: Optional[str]) -> str:
        tracker = await agent.tracker_store.retrieve(sender_id)
        return (tracker.get_slot("language") if tracker else None) or fallback or "fi"

    async def handle(self, agent: Any, on_new_message: Any, update: Update) -> None:
        """One update: a message, a command or a button tap."""
        incoming = fmt.incoming(update)
        if incoming is None:
            return
        if incoming.callback_query_id:
            try:
                await self.bot.answer_callback_query(incoming.callback_query_id)
            except TelegramError:  # only stops the client's spinner; the answer matters more
                logger.warning("could not answer a callback query")
        sender_id = self.conversation_id(incoming.chat_id)
        engine = shared_engine()
        if incoming.command == "/delete":
            lang = await self._language(agent, sender_id, incoming.language)
            await forget_conversation(agent, sender_id)
            await self._send(
                incoming.chat_id, [fmt.Outgoing(render_response(load_domain(), "utter_conversation_deleted", lang))]
            )
            return
        if incoming.command == "/language":
            lang = await self._language(agent, sender_id, incoming.language)
            await self._send(
                incoming.chat_id,
                [
                    fmt.Outgoing(
                        render_response(load_domain(), "utter_choose_language", lang),
                        fmt.keyboard(list(fmt.LANGUAGE_BUTTONS)),
                    )
                ],
            )
            return
        text = incoming.text
        if incoming.command == "/stop":
            open_handoff = await asyncio.to_thread(service.open_for, engine, sender_id)
            # During a handoff the relay ends it; otherwise the bot says goodbye.
            text = "/stop" if open_handoff and open_handoff.state != "requested" else "/goodbye"
        elif incoming.command:
            text = fmt.COMMANDS[incoming.command]  # type: ignore[assignment]  # /start, /help: never None
        await asyncio.to_thread(messages.remember_address, engine, sender_id, CHANNEL, str(incoming.chat_id))
        metadata = {"language": incoming.language} if incoming.language else None
        answer = await converse(agent, on_new_message, sender_id, text, CHANNEL, metadata)
        await self._send(incoming.chat_id, fmt.render_all(answer))

    # ---- delivery of what arrives later (a guide's messages, the bot after a handoff) ------------
    async def deliver_pending(self) -> int:
        """Push every undelivered outbox message; returns how many were sent."""
        sent = 0
        engine = shared_engine()
        for conversation_id, address, delivered_id, batch in await asyncio.to_thread(
            messages.undelivered, engine, CHANNEL
        ):
            previous = delivered_id
            for last_id, reply, sender, guide_name in _joined(batch):
                # Claim first: of two server instances only one sends each message.
                if not await asyncio.to_thread(messages.claim_delivery, engine, conversation_id, previous, last_id):
                    break
                try:
                    await self._send(int(address), fmt.render(reply, sender, guide_name))
                except Forbidden:  # the person blocked the bot: nothing more can reach them
                    logger.info("a Telegram chat blocked the bot; its messages are dropped")
                except TelegramError:
                    # Give the claim back so the message goes out on the next round.
                    await asyncio.to_thread(messages.claim_delivery, engine, conversation_id, last_id, previous)
                    logger.warning("Telegram delivery failed; retrying later")
                    break
                previous = last_id
                sent += 1
        return sent

    async def _push_forever(self) -> None:
        while True:
            try:
                await self.deliver_pending()
            except asyncio.CancelledError:
                raise
            except Exception:
                logger.exception("Telegram delivery loop")
            await asyncio.sleep(PUSH_EVERY_SECONDS)

    async def _poll_forever(self, app: Any, on_new_message: Any) -> None:
        await self.bot.delete_webhook()  # Telegram refuses getUpdates while a webhook is set
        offset = None
        while True:
            try:
                updates = await self.bot.get_updates(
                    offset=offset, timeout=POLL_TIMEOUT_SECONDS, allowed_updates=["message", "callback_query"]
                )
            except asyncio.CancelledError:
                raise
            except TelegramError:
                logger.warning("Telegram polling failed; retrying in %s s", RETRY_SECONDS)
                await asyncio.sleep(RETRY_SECONDS)
                continue
            for update in updates:
                offset = update.update_id + 1
                try:
                    await self.handle(app.ctx.agent, on_new_message, update)
                except Exception:
                    logger.exception("Telegram update %s failed", update.update_id)

    async def _start(self, app: Any, on_new_message: Any) -> None:
        """Connect to the Bot API (retrying while it is unreachable), then start the loops."""
        s = get_settings()
        while True:
            try:
                await self.bot.initialize()
                if self.mode == "webhook" and s.telegram_webhook_url:
                    await self.bot.set_webhook(
                        s.telegram_webhook_url,
                        secret_token=s.telegram_secret,
                        allowed_updates=["message", "callback_query"],
                    )
                break
            except TelegramError:
                logger.warning("Telegram Bot API not reachable; retrying in %s s", RETRY_SECONDS)
                await asyncio.sleep(RETRY_SECONDS)
        if self.mode == "polling":
            self._tasks.append(asyncio.create_task(self._poll_forever(app, on_new_message)))
        self._tasks.append(asyncio.create_task(self._push_forever()))

    def blueprint(self, on_new_message) -> Blueprint:
        bp = Blueprint("viitta_telegram", __name__)

        @bp.route("/", methods=["GET"])
        async def health(_request: Request):
            return response.json({"status": "ok", "enabled": self.enabled, "mode": self.mode if self.enabled else None})

        if not self.enabled:
            return bp

        @bp.listener("after_server_start")
        async def start(app, _loop) -> None:
            # httpx logs every request URL at INFO, and Bot API URLs contain the token.
            logging.getLogger("httpx").setLevel(logging.WARNING)
            self.bot = self._make_bot()
            self._tasks.append(asyncio.create_task(self._start(app, on_new_message)))

        @bp.listener("before_server_stop")
        async def stop(_app, _loop) -> None:
            for task in self._tasks:
                task.cancel()
            await asyncio.gather(*self._tasks, return_exceptions=True)
            if self.bot is not None:
                try:
                    await self.bot.shutdown()
                except Exception:
                    logger.debug("Telegram bot shutdown", exc_info=True)

        if self.mode == "webhook":

            @bp.route("/webhook", methods=["POST"])
            async def webhook(request: Request):
                given = request.headers.get("x-telegram-bot-api-secret-token", "")
                if not hmac.compare_digest(given.encode("utf-8"), get_settings().telegram_secret.encode("utf-8")):
                    return response.json({"error": "forbidden"}, status=403)
                try:
                    update = Update.de_json(request.json, self.bot)
                except Exception:
                    return response.json({"error": "an update is required"}, status=400)
                try:
                    await self.handle(request.app.ctx.agent, on_new_message, update)
                except Exception:  # answering 200 anyway: Telegram would re-send the update, the bot see it twice
                    logger.exception("Telegram update %s failed", update.update_id)
                return response.json({"status": "ok"})

        return bp


def _joined(batch: list) -> list[tuple[int, dict, str, Optional[str]]]:
    """(id of the last message used, reply, sender, guide name) with a text and the custom payload that
    Rasa split from it rejoined — when both are in the batch."""
    out: list[tuple[int, dict, str, Optional[str]]] = []
    for message in batch:
        body = replies.clean(message.body)
        if out and set(body) == {"custom"} and out[-1][2] == message.sender and "custom" not in out[-1][1]:
            last_id, previous, sender, guide_name = out[-1]
            out[-1] = (message.id, {**previous, **body}, sender, guide_name)
        else:
            out.append((message.id, body, message.sender, message.guide_name))
    return out
