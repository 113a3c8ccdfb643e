"""The REST channel (POST /webhooks/rest/webhook, as Rasa's own) with the Viitta turn pipeline, plus
GET /webhooks/rest/messages?sender=…&token=…&after=… for what arrives later (a guide's messages, the
bot's words after a handoff): the polling delivery that tests and simple integrations use, and
POST /webhooks/rest/forget {sender, token}: "delete my conversation".

The first reply of a new conversation carries its token (`{"custom": {"type": "conversation",
"token": …}}`, connectors/ids.py): reading and deleting need it, so a guessed sender id reads nothing.

Conversations come back from a handoff through bot.server.resume (its own entry in credentials.yml), with
or without this channel."""

from __future__ import annotations

import asyncio
import inspect
import logging

from rasa.core.channels.rest import RestInput
from sanic import Blueprint, response
from sanic.request import Request
from sqlalchemy.exc import SQLAlchemyError

from bot.db import shared_engine
from bot.handoff import messages
from connectors import ids
from connectors.conversation import converse
from connectors.forget import forget_conversation

logger = logging.getLogger(__name__)


def delivered(message) -> dict:
    """An outbox message as a channel hands it on: the Rasa-style body plus id and sender."""
    return {
        **message.body,
        "id": message.id,
        "sender": message.sender,
        **({"guide_name": message.guide_name} if message.guide_name else {}),
    }


async def is_new(agent, sender_id: str) -> bool:
    """No message of this conversation is stored yet (a first message, or one after "delete")."""
    try:
        tracker = await agent.tracker_store.retrieve(sender_id)
    except Exception:  # the store is down: the turn will say so; no token without knowing
        logger.warning("tracker unavailable while checking for a new conversation")
        return False
    return tracker is None or not any(getattr(e, "type_name", "") == "user" for e in tracker.events)


def token_reply(sender_id: str) -> dict:
    return {"recipient_id": sender_id, "custom": {"type": "conversation", "token": ids.rest_token(sender_id)}}


def _refused(sender_id: str, token) -> response.HTTPResponse | None:
    problem = ids.rest_sender_problem(sender_id)
    if problem:
        return response.json({"error": problem}, status=400)
    if not ids.rest_token_ok(sender_id, token):
        return response.json({"error": "the conversation's token (from its first reply) is required"}, status=403)
    return None


class ViittaRestInput(RestInput):
    @classmethod
    def name(cls) -> str:
        return "rest"

    def blueprint(self, on_new_message) -> Blueprint:
        bp = Blueprint(f"viitta_{type(self).__name__}", inspect.getmodule(self).__name__)  # type: ignore[union-attr]

        @bp.route("/", methods=["GET"])
        async def health(_request: Request):
            return response.json({"status": "ok"})

        @bp.route("/webhook", methods=["POST"])
        async def receive(request: Request):
            body = request.json if isinstance(request.json, dict) else {}
            sender_id = body.get("sender", "")  # checked below, like a missing one
            problem = ids.rest_sender_problem(sender_id)
            if problem:
                return response.json({"error": problem}, status=400)
            metadata = body.get("metadata") if isinstance(body.get("metadata"), dict) else None
            new = await is_new(request.app.ctx.agent, sender_id)
            replies = await converse(
                request.app.ctx.agent, on_new_message, sender_id, body.get("message"), self.name(), metadata
            )
            return response.json(replies + ([token_reply(sender_id)] if new else []))

        @bp.route("/forget", methods=["POST"])
        async def forget(request: Request):
            body = request.json if isinstance(request.json, dict) else {}
            sender_id = body.get("sender", "")  # checked below, like a missing one
            refused = _refused(sender_id, body.get("token"))
            if refused is not None:
                return refused
            try:
                await forget_conversation(request.app.ctx.agent, sender_id)
            except Exception:
                logger.exception("could not delete a conversation")
                return response.json({"error": "could not delete the conversation, try again"}, status=503)
            return response.json({"status": "forgotten"})

        @bp.route("/messages", methods=["GET"])
        async def pending(request: Request):
            sender_id = request.args.get("sender", "")
            after = ids.message_id(request.args.get("after"))
            if after is None:
                return response.json({"error": f"after must be a message id (0-{ids.MAX_MESSAGE_ID})"}, status=400)
            if not sender_id:
                return response.json({"error": "sender is required"}, status=400)
            refused = _refused(sender_id, request.args.get("token"))
            if refused is not None:
                return refused
            try:
                found = await asyncio.to_thread(messages.to_person, shared_engine(), sender_id, after)
            except SQLAlchemyError:  # the client keeps its cursor and asks again; nothing is lost
                logger.exception("outbox unavailable")
                return response.json({"error": "temporarily unavailable, try again"}, status=503)
            return response.json([delivered(m) for m in found])

        return bp
