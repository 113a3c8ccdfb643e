"""Turn Rasa's tracker events (plain dicts, as an event broker receives them) into anonymous counts.

Free of Rasa imports so it can be tested and reused alone; bot/server/broker.py plugs it into Rasa.

Counted: a conversation (once per session, with the county as soon as the person says where, else
without one when the session goes quiet), every understood intent, fallbacks (the NLU fallback, out of
scope, and the dialogue fallback) and emergency replies. The per-conversation state lives only in this
process's memory, under a keyed hash of the sender id (a new random key per process) and only while the
conversation is active: nothing here can be linked back to a person or a conversation afterwards.
"""

from __future__ import annotations

import hashlib
import logging
import os
import time
from dataclasses import dataclass
from datetime import date
from typing import Callable, Optional

from sqlalchemy.engine import Engine

from bot.analytics.counters import count_quietly, day_of, purge_unanswered, remember_unanswered, today

logger = logging.getLogger(__name__)

LANGUAGES = ("fi", "sv")
EMERGENCY_ACTIONS = ("utter_emergency",)
DIALOGUE_FALLBACK_ACTIONS = ("action_default_fallback",)
MAX_CONVERSATIONS = 50_000  # memory bound: the oldest quiet conversations are finished first


@dataclass
class _Conversation:
    day: date
    last_seen: float
    language: str = ""
    county: str = ""
    counted: bool = False
    pending: Optional[dict] = None  # this turn's user message, counted once the turn's language is set
    last_text: str = ""


class EventCounter:
    """Feeds counters from a stream of tracker events; call flush() before the process ends."""

    def __init__(
        self,
        engine: Engine,
        idle_seconds: float = 3600,
        keep_days: int = 56,
        clock: Callable[[], float] = time.time,
        sweep_every: float = 60,
    ) -> None:
        self.engine = engine
        self.idle_seconds = idle_seconds
        self.keep_days = keep_days
        self._clock = clock
        self._sweep_every = sweep_every
        self._salt = os.urandom(16)
        self._conversations: dict[str, _Conversation] = {}
        self._last_sweep = clock()
        self._purged_on: Optional[date] = None

    def handle(self, event: dict) -> None:
        sender = event.get("sender_id")
        kind = event.get("event")
        if not sender or not kind:
            return
        now = self._clock()  # quiet time is measured on this process's clock; the day comes from the event
        day = day_of(float(event.get("timestamp") or now))
        self._sweep(now)
        key = self._key(sender)
        if kind == "session_started":
            self._finish(key)
            self._conversations[key] = _Conversation(day=day, last_seen=now)
            self._bound()
            return
        conversation = self._conversations.get(key)
        if conversation is None:
            # A conversation that began before this process started (e.g. a Rasa restart): it was
            # counted then, or cannot be told apart; follow it without counting it again.
            conversation = self._conversations[key] = _Conversation(day=day, last_seen=now, counted=True)
        conversation.last_seen = now
        if kind == "user":
            self._close_turn(conversation)
            conversation.pending = event
        elif kind == "slot":
            self._slot(conversation, event.get("name"), event.get("value"))
        elif kind == "action":
            self._close_turn(conversation)
            self._action(conversation, event.get("name") or "")

    def tick(self) -> None:
        """Count conversations that went quiet, also when no events arrive."""
        self._sweep(self._clock())

    def flush(self) -> None:
        """Count what is still open (on shutdown)."""
        for key in list(self._conversations):
            self._finish(key)

    # -- internals ---------------------------------------------------------------------------------

    def _key(self, sender: str) -> str:
        return hashlib.blake2b(sender.encode("utf-8"), key=self._salt, digest_size=16).hexdigest()

    def _slot(self, conversation: _Conversation, name: Optional[str], value) -> None:
        if name == "language" and value in LANGUAGES:
            conversation.language = value
        elif name == "area" and isinstance(value, str) and value:
            conversation.county = value
            if not conversation.counted:
                self._count(conversation, "conversation", day=conversation.day)
                conversation.counted = True

    def _action(self, conversation: _Conversation, name: str) -> None:
        if name in EMERGENCY_ACTIONS:
            self._count(conversation, "emergency")
        elif name in DIALOGUE_FALLBACK_ACTIONS:
            self._count(conversation, "fallback", key="dialogue")
            self._remember(conversation, "dialogue", conversation.last_text, None, None)

    def _close_turn(self, conversation: _Conversation) -> None:
        event, conversation.pending = conversation.pending, None
        if not event:
            return
        text = event.get("text") or ""
        parse = event.get("parse_data") or {}
        intent = (parse.get("intent") or {}).get("name")
        conversation.last_text = text
        if not intent:
            return
        self._count(conversation, "intent", key=intent)
        if intent == "nlu_fallback":
            ranking = [r for r in parse.get("intent_ranking") or [] if r.get("name") != "nlu_fallback"]
            guess = ranking[0] if ranking else {}
            self._count(conversation, "fallback", key=guess.get("name") or "")
            self._remember(conversation, "nlu_fallback", text, guess.get("name"), guess.get("confidence"))
        elif intent == "out_of_scope":
            self._count(conversation, "fallback", key="out_of_scope")
            self._remember(conversation, "out_of_scope", text, intent, (parse.get("intent") or {}).get("confidence"))

    def _count(
        self, conversation: _Conversation, metric: str, key: Optional[str] = None, day: Optional[date] = None
    ) -> None:
        count_quietly(self.engine, metric, conversation.county, conversation.language, key=key, day=day or today())

    def _remember(self, conversation: _Conversation, reason: str, text: str, intent, confidence) -> None:
        if not text or text.startswith("/"):  # button payloads say nothing the training data lacks
            return
        try:
            remember_unanswered(
                self.engine, reason, text, conversation.language, conversation.county, intent, confidence
            )
        except Exception:  # never let the statistics break a conversation
            logger.warning("could not keep an unanswered message", exc_info=True)

    def _finish(self, key: str) -> None:
        conversation = self._conversations.pop(key, None)
        if conversation is None:
            return
        self._close_turn(conversation)
        if not conversation.counted:
            self._count(conversation, "conversation", day=conversation.day)

    def _sweep(self, now: float) -> None:
        if now - self._last_sweep < self._sweep_every:
            return
        self._last_sweep = now
        for key, conversation in list(self._conversations.items()):
            if now - conversation.last_seen > self.idle_seconds:
                self._finish(key)
        if self._purged_on != today():
            self._purged_on = today()
            try:
                purge_unanswered(self.engine, self.keep_days)
            except Exception:
                logger.warning("could not purge old unanswered messages", exc_info=True)

    def _bound(self) -> None:
        if len(self._conversations) <= MAX_CONVERSATIONS:
            return
        oldest = sorted(self._conversations, key=lambda k: self._conversations[k].last_seen)
        for key in oldest[: len(oldest) - MAX_CONVERSATIONS]:
            self._finish(key)
