"""The web chat channel: the widget a county embeds with one <script> tag, and its websocket.

    GET  /webhooks/webchat/widget.js   the widget (no third-party requests; see connectors/widget/)
    GET  /webhooks/webchat/demo        a demo page (?lang=sv for Swedish)
    WS   /webhooks/webchat/socket      the conversation

A message left for a guide gives the person a return code (connectors/return_code.py): typed into
the widget later, in any tab, it reopens that conversation with the guide's answer.

Every message to the person — the bot's replies, a guide's messages, status changes — goes through
the outbox (bot.handoff.messages) and reaches the widget with its id; the widget remembers the last id
it rendered, so a reconnect or a reload within the tab neither loses nor repeats a message.
Protocol (JSON frames) in docs/channels.md, "Web chat widget".
"""

from __future__ import annotations

import asyncio
import json
import logging
import re
from pathlib import Path
from typing import Any, Optional
from urllib.parse import urlsplit

from rasa.core.channels.channel import InputChannel
from sanic import Blueprint, response
from sanic.request import Request

from bot.db import shared_engine
from bot.handoff import messages, return_codes
from bot.settings import get_settings
from connectors import ids, replies, return_code
from connectors.conversation import converse
from connectors.forget import forget_conversation

logger = logging.getLogger(__name__)

WIDGET_DIR = Path(__file__).resolve().parent / "widget"
PUSH_EVERY_SECONDS = 0.5
HELLO_TIMEOUT_SECONDS = 10
MAX_FRAME_CHARS = 16_000
COUNTY = re.compile(r"^[a-z-]{2,40}$")
# The demo page may load only what Viitta serves itself.
DEMO_CSP = (
    "default-src 'none'; script-src 'self'; connect-src 'self'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
)


def new_conversation_id() -> str:
    return ids.new_web_id()


def conversation_from(value: Any) -> Optional[str]:
    """The client's conversation id if this server issued it (signed, connectors/ids.py), else None:
    an id the client made up or took from elsewhere starts a new conversation."""
    return ids.issued_web_id(value)


def metadata_from(value: Any) -> dict:
    """Only the metadata the widget may set: the page's language and the county it is embedded for."""
    value = value if isinstance(value, dict) else {}
    found = {}
    if value.get("language") in ("fi", "sv"):
        found["language"] = value["language"]
    if isinstance(value.get("county"), str) and COUNTY.match(value["county"]):
        found["county"] = value["county"]
    return found


def origin_allowed(origin: Optional[str], host: str, allowed: tuple[str, ...]) -> bool:
    """Same-origin pages and the origins of CORS_ORIGINS may open the socket ("*" allows any)."""
    if not origin:
        return True  # not a browser: nothing to protect against cross-site use
    if "*" in allowed or origin in allowed:
        return True
    return urlsplit(origin).netloc == host


def frame(message) -> dict:
    """An outbox message as the widget receives it."""
    body = replies.clean(message.body)
    extra = {"guide_name": message.guide_name} if message.guide_name else {}
    return {"type": "message", "id": message.id, "sender": message.sender, **body, **extra}


class Connection:
    """One open socket: its conversation and how far delivery has got."""

    def __init__(self, ws: Any, conversation_id: str, after: int, client: str = "") -> None:
        self.ws, self.conversation_id, self.after, self.client = ws, conversation_id, after, client
        self._lock = asyncio.Lock()

    async def send(self, payload: dict) -> None:
        await self.ws.send(json.dumps(payload, ensure_ascii=False))

    async def flush(self) -> None:
        """Send what the outbox holds after the cursor (the poller and each turn call this)."""
        async with self._lock:
            found = await asyncio.to_thread(messages.to_person, shared_engine(), self.conversation_id, self.after)
            for message in found:
                await self.send(frame(message))
                self.after = message.id

    async def push_forever(self) -> None:
        while True:
            try:
                await self.flush()
            except asyncio.CancelledError:
                raise
            except Exception:  # the database may be away for a moment; the cursor keeps our place
                logger.warning("web chat delivery failed; retrying", exc_info=logger.isEnabledFor(logging.DEBUG))
            await asyncio.sleep(PUSH_EVERY_SECONDS)


async def _receive(ws: Any, timeout: Optional[float] = None) -> Optional[dict]:
    raw = await ws.recv(timeout=timeout)
    if not isinstance(raw, str) or len(raw) > MAX_FRAME_CHARS:
        return None
    try:
        data = json.loads(raw)
    except ValueError:
        return None
    return data if isinstance(data, dict) else None


class WebChatInput(InputChannel):
    """The widget's channel (credentials.yml: connectors.webchat.WebChatInput)."""

    @classmethod
    def name(cls) -> str:
        return "webchat"

    async def _turn(
        self, agent: Any, on_new_message: Any, conversation: Connection, text: str, metadata: dict, ref: Optional[str]
    ) -> None:
        """One turn; the bot's replies go to the outbox so that they survive a dropped connection."""
        try:
            answer = replies.join(
                await converse(agent, on_new_message, conversation.conversation_id, text, self.name(), metadata)
            )
            try:
                for reply in answer:
                    await asyncio.to_thread(messages.post, shared_engine(), conversation.conversation_id, "bot", reply)
            except Exception:  # app database down: answer directly, without ids
                logger.exception("could not store the bot's replies; sending them directly")
                for reply in answer:
                    await conversation.send({"type": "message", "sender": "bot", **reply})
            else:
                await conversation.flush()
            if return_code.left_a_message(answer):
                await self._give_code(conversation)
            # Everything of this turn is out: the widget stops showing that Viitta is writing.
            await conversation.send({"type": "answered", **({"ref": ref} if ref else {})})
        except Exception:  # the socket closed meanwhile: the next connection fetches the replies
            logger.debug("socket closed before the replies were sent", exc_info=True)

    def blueprint(self, on_new_message) -> Blueprint:
        bp = Blueprint("viitta_webchat", __name__)

        @bp.route("/", methods=["GET"])
        async def health(_request: Request):
            return response.json({"status": "ok"})

        @bp.route("/widget.js", methods=["GET"])
        async def widget(_request: Request):
            return response.text(
                (WIDGET_DIR / "widget.js").read_text(encoding="utf-8"),
                content_type="application/javascript; charset=utf-8",
                headers={"Cache-Control": "public, max-age=300", "X-Content-Type-Options": "nosniff"},
            )

        @bp.route("/demo", methods=["GET"])
        async def demo(request: Request):
            lang = "sv" if request.args.get("lang") == "sv" else "fi"
            page = (WIDGET_DIR / f"demo.{lang}.html").read_text(encoding="utf-8")
            return response.html(
                page,
                headers={
                    "Content-Security-Policy": DEMO_CSP,
                    "Referrer-Policy": "no-referrer",
                    "X-Content-Type-Options": "nosniff",
                },
            )

        @bp.websocket("/socket")
        async def socket(request: Request, ws: Any):
            if not origin_allowed(request.headers.get("origin"), request.host, get_settings().cors_origins):
                await ws.close(code=1008, reason="origin not allowed")
                return
            hello = await _receive(ws, HELLO_TIMEOUT_SECONDS)
            if not hello or hello.get("type") != "hello":
                await ws.close(code=1002, reason="hello expected")
                return
            conversation_id = conversation_from(hello.get("conversation"))
            # A cursor outside a message id's range (after=10**20) starts from the beginning.
            after = (ids.message_id(hello.get("after")) or 0) if conversation_id else 0
            conversation = Connection(
                ws, conversation_id or new_conversation_id(), after, return_code.client_address(request)
            )
            await conversation.send({"type": "ready", "conversation": conversation.conversation_id})
            pusher = asyncio.create_task(conversation.push_forever())
            try:
                await self._serve(request.app.ctx.agent, on_new_message, conversation)
            finally:
                pusher.cancel()

        return bp

    async def _serve(self, agent: Any, on_new_message: Any, conversation: Connection) -> None:
        """Read the person's frames until the socket closes."""
        while True:
            data = await _receive(conversation.ws)
            if data is None:
                continue
            if data.get("type") == "say" and isinstance(data.get("text"), str):
                ref = data.get("ref") if isinstance(data.get("ref"), str) and len(data["ref"]) <= 64 else None
                if ref:
                    await conversation.send({"type": "received", "ref": ref})
                # Shielded: if the person reloads mid-turn, the turn still ends and its replies reach
                # the outbox, from which the reloaded widget fetches them.
                await asyncio.shield(
                    asyncio.ensure_future(
                        self._turn(
                            agent, on_new_message, conversation, data["text"], metadata_from(data.get("metadata")), ref
                        )
                    )
                )
            elif data.get("type") == "redeem":
                await self._redeem(conversation, data.get("code"))
            elif data.get("type") == "forget":
                try:
                    await forget_conversation(agent, conversation.conversation_id)
                except Exception:
                    logger.exception("could not delete a conversation")
                    await conversation.send({"type": "error", "reason": "forget_failed"})
                    continue
                await conversation.send({"type": "forgotten"})
                await conversation.ws.close(code=1000, reason="forgotten")
                return

    async def _give_code(self, conversation: Connection) -> None:
        """The return code of the message just left, straight to this socket (never stored in plain text)."""
        try:
            code = await asyncio.to_thread(return_codes.issue, shared_engine(), conversation.conversation_id)
        except Exception:  # the message is safe with the guide; only the way back is missing
            logger.exception("could not issue a return code")
            return
        frame_ = return_code.code_frame(code)
        if frame_:
            await conversation.send(frame_)

    async def _redeem(self, conversation: Connection, typed: Any) -> None:
        """A typed return code: this socket continues that conversation from the left message on."""
        if not return_code.guess_limiter().allow(conversation.client):
            await conversation.send({"type": "error", "reason": "code_limited"})
            return
        try:
            found = await asyncio.to_thread(return_codes.redeem, shared_engine(), typed)
            left = (
                await asyncio.to_thread(
                    messages.history, shared_engine(), found.conversation_id, found.message_id - 1, found.handoff_id
                )
                if found
                else None
            )
        except Exception:
            logger.exception("could not look up a return code")
            found, left = None, None
        if not found:
            await conversation.send({"type": "error", "reason": "code_unknown"})
            return
        # Under the delivery lock: the poller sends nothing of either conversation until the widget has
        # been told to switch and has the left message.
        async with conversation._lock:
            conversation.conversation_id, conversation.after = found.conversation_id, found.message_id
            await conversation.send({"type": "restored", "conversation": found.conversation_id})
            if left and left[0].id == found.message_id:
                await conversation.send(frame(left[0]))
        await conversation.flush()
