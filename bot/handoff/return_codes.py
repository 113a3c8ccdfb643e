"""Return codes: the web chat's way back to a message left for a service guide.

The widget keeps its conversation id in sessionStorage only, so closing the tab or the quick exit
loses it. When a message is left, the person gets a short code instead: 8 characters from an alphabet
without look-alikes (no 0/O, 1/I/L, 2/Z, 5/S, 8/B, 6/G), shown as "ABCD-EFGH". Only its HMAC-SHA256
digest is stored (keyed by RETURN_CODE_KEY), linked to the conversation and the left message, until
the handoff's retention (RETENTION_DAYS) ends. Guesses are rate-limited by the channel (connectors/
return_code.py); 22^8 ≈ 5.5e10 codes make a guess that gets through the limit hopeless.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import lru_cache
from pathlib import Path
from typing import Optional

from sqlalchemy import delete, select
from sqlalchemy.engine import Engine
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from bot.handoff.schema import HandoffRow, MessageRow, ReturnCodeRow
from bot.handoff.service import utcnow
from bot.orm import changed_rows

ALPHABET = "ACDEFHJKMNPRTUVWXY3479"
LENGTH = 8


@dataclass(frozen=True)
class Redeemed:
    """What a valid code opens: the conversation, and the left message to show first."""

    conversation_id: str
    handoff_id: str
    message_id: int


def generate() -> str:
    """A new random code, without the dash (see `shown`)."""
    return "".join(secrets.choice(ALPHABET) for _ in range(LENGTH))


def shown(code: str) -> str:
    """As the person sees and types it: two groups of four."""
    return f"{code[:4]}-{code[4:]}"


def normalise(typed: object) -> Optional[str]:
    """The code in a person's typing (lower case, spaces, dashes) or None if it cannot be one."""
    if not isinstance(typed, str) or len(typed) > 40:
        return None
    code = "".join(ch for ch in typed.upper() if ch.isalnum())
    return code if len(code) == LENGTH and all(ch in ALPHABET for ch in code) else None


def digest(code: str, key: bytes) -> str:
    """HMAC-SHA256 of the normalised code: a lookup key that reveals nothing without the key."""
    return hmac.new(key, code.encode("ascii"), hashlib.sha256).hexdigest()


@lru_cache(maxsize=1)
def default_key() -> bytes:
    """RETURN_CODE_KEY, else a key made once on this machine (var/return_code.key) so that codes
    survive a restart in development; production sets the variable (the same on every instance)."""
    from bot.settings import ROOT, get_settings

    configured = get_settings().return_code_key
    if configured:
        return configured.encode()
    path = Path(ROOT / "var" / "return_code.key")
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return path.read_bytes().strip()
    with os.fdopen(fd, "w") as out:
        out.write(secrets.token_hex(32))
    return path.read_bytes().strip()


def _retention() -> timedelta:
    from bot.settings import get_settings

    return timedelta(days=get_settings().retention_days)


def issue(
    engine: Engine,
    conversation_id: str,
    key: Optional[bytes] = None,
    now: Optional[datetime] = None,
    valid_for: Optional[timedelta] = None,
) -> Optional[str]:
    """A code for the message the conversation has just left (its latest handoff is a waiting message
    with the person's words), or None: no such message, or it already has its code."""
    now = now or utcnow()
    with Session(engine) as session:
        handoff = session.scalars(
            select(HandoffRow)
            .where(HandoffRow.conversation_id == conversation_id)
            .order_by(HandoffRow.created_at.desc(), HandoffRow.id.desc())
        ).first()
        if handoff is None or handoff.kind != "message" or handoff.state != "waiting":
            return None
        left = session.scalar(
            select(MessageRow.id)
            .where(MessageRow.handoff_id == handoff.id, MessageRow.sender == "person")
            .order_by(MessageRow.id)
            .limit(1)
        )
        if left is None or session.scalar(
            select(ReturnCodeRow.code_digest).where(ReturnCodeRow.handoff_id == handoff.id)
        ):
            return None
        handoff_id = handoff.id
    for _ in range(5):  # a collision of 8 random characters is all but impossible; retry anyway
        code = generate()
        row = ReturnCodeRow(
            code_digest=digest(code, key or default_key()),
            conversation_id=conversation_id,
            handoff_id=handoff_id,
            message_id=left,
            created_at=now,
            expires_at=now + (valid_for if valid_for is not None else _retention()),
        )
        try:
            with Session(engine) as session, session.begin():
                session.add(row)
            return code
        except IntegrityError:
            with Session(engine) as session:
                if session.scalar(select(ReturnCodeRow.code_digest).where(ReturnCodeRow.handoff_id == handoff_id)):
                    return None  # a concurrent turn issued it
    return None


def redeem(
    engine: Engine, typed: object, key: Optional[bytes] = None, now: Optional[datetime] = None
) -> Optional[Redeemed]:
    """The conversation a typed code opens, or None (not a code, unknown, expired, or deleted)."""
    code = normalise(typed)
    if code is None:
        return None
    now = now or utcnow()
    with Session(engine) as session:
        row = session.get(ReturnCodeRow, digest(code, key or default_key()))
        if row is None or row.expires_at <= now:
            return None
        return Redeemed(row.conversation_id, row.handoff_id, row.message_id)


def purge(engine: Engine, now: Optional[datetime] = None, before: Optional[datetime] = None) -> int:
    """Delete expired codes, and those made before `before` (their left message goes then too)."""
    expired = ReturnCodeRow.expires_at <= (now or utcnow())
    if before is not None:
        expired = expired | (ReturnCodeRow.created_at < before)
    with Session(engine) as session, session.begin():
        return changed_rows(session.execute(delete(ReturnCodeRow).where(expired)))


def forget(engine: Engine, conversation_id: str) -> None:
    """ "Delete my conversation" takes its codes with it."""
    with Session(engine) as session, session.begin():
        session.execute(delete(ReturnCodeRow).where(ReturnCodeRow.conversation_id == conversation_id))
