"""Logs without the person's words at INFO and above, and with sender ids replaced by a keyed hash.

Our own code names a conversation in a log line only as `pseudonym(sender_id)`. On top of that the
`PrivacyFilter` (installed on every handler of the Rasa server by connectors.conversation) looks at
each record while a turn is in progress (`with turn(sender_id, text):`) and
- replaces the raw sender id by its pseudonym, at every level (Rasa logs sender ids at DEBUG);
- at INFO and above, replaces the message text by "[message]" and redacts personal data (phone numbers,
  names, …) from the rest of the line and from tracebacks.
Rasa itself logs message text only at DEBUG, which production does not switch on.
"""

from __future__ import annotations

import contextvars
import hashlib
import hmac
import logging
import secrets
import traceback
from contextlib import contextmanager
from functools import lru_cache
from typing import Iterator, Optional

from bot.privacy.redaction import redact
from bot.settings import get_settings

_turn: contextvars.ContextVar[Optional[tuple[str, str]]] = contextvars.ContextVar("viitta_turn", default=None)
MESSAGE_PLACEHOLDER = "[message]"


@lru_cache(maxsize=1)
def _key() -> bytes:
    # Without LOG_HASH_KEY (bot.serve sets one per run) a random key: hashes still group one
    # process's lines of a conversation, and nobody can recompute them from a guessed id.
    return (get_settings().log_hash_key or secrets.token_hex(16)).encode()


def pseudonym(sender_id: str) -> str:
    """A stable, non-reversible name for a conversation in logs: "c-" and 12 hex digits."""
    return "c-" + hmac.new(_key(), str(sender_id).encode(), hashlib.sha256).hexdigest()[:12]


@contextmanager
def turn(sender_id: str, text: str) -> Iterator[None]:
    """Mark the records logged inside as belonging to this conversation's turn."""
    token = _turn.set((str(sender_id), text or ""))
    try:
        yield
    finally:
        _turn.reset(token)


def scrub(message: str, level: int) -> str:
    current = _turn.get()
    if current is not None:
        sender, text = current
        if sender:
            message = message.replace(sender, pseudonym(sender))
        if level >= logging.INFO and len(text) >= 3:
            message = message.replace(text, MESSAGE_PLACEHOLDER)
    return redact(message) if level >= logging.INFO else message


class PrivacyFilter(logging.Filter):
    """See the module docstring; never drops a record, only rewrites it."""

    def filter(self, record: logging.LogRecord) -> bool:
        if record.levelno < logging.INFO and _turn.get() is None:
            return True
        try:
            record.msg, record.args = scrub(record.getMessage(), record.levelno), ()
            if record.exc_info and record.levelno >= logging.INFO:
                record.exc_text = scrub("".join(traceback.format_exception(*record.exc_info)).rstrip(), record.levelno)
        except Exception:  # a log line must never break a turn
            record.msg, record.args = "[log line withheld: could not be scrubbed]", ()
        return True


def install() -> None:
    """Add the filter to every handler known now (root, Rasa's, Sanic's); idempotent."""
    loggers = [logging.getLogger()] + [
        lg for lg in logging.root.manager.loggerDict.values() if isinstance(lg, logging.Logger)
    ]
    for logger in loggers:
        for handler in logger.handlers:
            if not any(isinstance(f, PrivacyFilter) for f in handler.filters):
                handler.addFilter(PrivacyFilter())
