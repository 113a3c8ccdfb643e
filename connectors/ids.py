"""Conversation ids and tokens that cannot be guessed or made up.

- Web chat ids are issued by the server: `web-` + 16 random hex digits + the first 16 hex digits of
  HMAC-SHA256(key, the rest). The websocket accepts only ids that carry a right tag, so a client cannot
  pick an id (someone else's, or one it invented); the check needs no memory and survives a restart.
- REST integrators choose their sender ids. Viitta gives them a conversation token in the first reply
  (`custom: {type: conversation, token}`), HMAC-SHA256(key, "rest:" + sender id); reading the outbox
  and deleting the conversation need it, so knowing a sender id is not enough.

The key is CONVERSATION_KEY; without it, a random key kept in var/conversation.key (created once, mode
0600), so that ids and tokens stay valid across restarts of one installation. Several Rasa instances
behind a load balancer must share CONVERSATION_KEY.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import re
import secrets
import unicodedata
from functools import lru_cache
from pathlib import Path
from typing import Any, Optional

from bot.settings import ROOT, get_settings

KEY_FILE = ROOT / "var" / "conversation.key"
WEB_ID = re.compile(r"^web-(?P<nonce>[0-9a-f]{16})(?P<tag>[0-9a-f]{16})$")
# Prefixes of the ids other channels make (web chat, Telegram): a REST sender may not use them.
OTHER_CHANNELS = ("web-", "tg-")
MAX_SENDER_CHARS = 128
# Message ids are PostgreSQL BIGINTs.
MAX_MESSAGE_ID = 2**63 - 1


@lru_cache(maxsize=1)
def key() -> bytes:
    configured = get_settings().conversation_key
    if configured:
        return configured.encode()
    return _key_file(KEY_FILE)


def _key_file(path: Path) -> bytes:
    try:
        return path.read_bytes().strip()
    except FileNotFoundError:
        pass
    path.parent.mkdir(parents=True, exist_ok=True)
    fresh = secrets.token_hex(32).encode()
    try:  # O_EXCL: when two processes start at once, both use the first one's key
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return path.read_bytes().strip()
    with os.fdopen(fd, "wb") as out:
        out.write(fresh)
    return fresh


def _tag(purpose: str, value: str, length: int) -> str:
    return hmac.new(key(), f"{purpose}:{value}".encode(), hashlib.sha256).hexdigest()[:length]


def new_web_id() -> str:
    nonce = secrets.token_hex(8)
    return f"web-{nonce}{_tag('web', nonce, 16)}"


def issued_web_id(value: Any) -> Optional[str]:
    """The client's web chat id if this server issued it, else None."""
    m = WEB_ID.match(value) if isinstance(value, str) else None
    if m is None or not hmac.compare_digest(m.group("tag"), _tag("web", m.group("nonce"), 16)):
        return None
    return value


def rest_token(sender_id: str) -> str:
    return _tag("rest", sender_id, 32)


def rest_token_ok(sender_id: str, token: Any) -> bool:
    return isinstance(token, str) and hmac.compare_digest(token.encode(), rest_token(sender_id).encode())


def rest_sender_problem(sender_id: Any) -> Optional[str]:
    """Why `sender_id` cannot be a REST conversation id, or None when it can."""
    if not isinstance(sender_id, str) or not sender_id.strip() or len(sender_id) > MAX_SENDER_CHARS:
        return f"a sender id (1-{MAX_SENDER_CHARS} characters) is required"
    if any(unicodedata.category(ch).startswith("C") for ch in sender_id):
        return "the sender id may not contain control or format characters"
    if sender_id.lower().startswith(OTHER_CHANNELS):
        return "sender ids starting with web- or tg- belong to other channels"
    return None


def message_id(value: Any, default: int = 0) -> Optional[int]:
    """A message id (cursor) from a query parameter or a JSON value: 0..2^63-1, else None."""
    if value is None or value == "":
        return default
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        number = value
    elif isinstance(value, str) and value.isascii() and value.isdigit() and len(value) <= 19:
        number = int(value)
    else:
        return None
    return number if 0 <= number <= MAX_MESSAGE_ID else None
