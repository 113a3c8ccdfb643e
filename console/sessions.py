"""Server-side login sessions, API tokens and the login throttle, all in the app database.

A session cookie holds a random token; the database keeps only its SHA-256 digest, the guide, the
session's CSRF token and when it expires (idle limit GUIDE_SESSION_MINUTES, and never more than
MAX_SESSION_HOURS after the login). API tokens work the same way without CSRF (a browser never sends
them on its own); a token's id is the start of its digest, which names it without revealing it.

Failed logins slow the next attempts down instead of locking the account (anyone could lock a guide
out, and behind a proxy without GUIDE_TRUSTED_PROXY every client shares one address): the first
FREE_FAILURES per username (FREE_FAILURES_PER_ADDRESS per address) cost nothing, then each failure
doubles the wait, up to MAX_DELAY. An attempt claims its username with one UPDATE before the password
is checked, so parallel attempts are checked one at a time.
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, Optional

from sqlalchemy import delete, select, update
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

from bot.handoff.schema import GuideRow, GuideSessionRow, GuideTokenRow, LoginThrottleRow
from bot.handoff.service import utcnow
from bot.orm import changed_rows
from console import accounts
from console.accounts import Guide

MAX_SESSION_HOURS = 12
# The idle expiry is moved on at most this often, so that polling does not write on every request.
TOUCH_EVERY = timedelta(seconds=60)
# Failed logins: free attempts, then a wait that doubles from FIRST_DELAY up to the cap; a throttle row
# with no failure for FORGET_AFTER starts again from zero.
FREE_FAILURES = 5
FREE_FAILURES_PER_ADDRESS = 20
FIRST_DELAY = timedelta(seconds=2)
MAX_DELAY = timedelta(minutes=5)
MAX_DELAY_PER_ADDRESS = timedelta(minutes=15)
FORGET_AFTER = timedelta(hours=1)
# How long a claimed attempt holds its username (the password check takes ~0.2 s; a crash frees it then).
CHECKING = timedelta(seconds=10)
TOKEN_ID_CHARS = 12


def digest(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class LoginSession:
    token: str  # only known right after the login (the cookie value)
    guide: Guide
    csrf_token: str
    expires_at: datetime


def start(engine: Engine, guide: Guide, idle_minutes: int, now: Optional[datetime] = None) -> LoginSession:
    now = now or utcnow()
    token, csrf = secrets.token_urlsafe(32), secrets.token_urlsafe(32)
    expires = now + timedelta(minutes=idle_minutes)
    with Session(engine) as session, session.begin():
        # Expired sessions of anyone are dropped here: logins are rare, so this keeps the table small.
        session.execute(delete(GuideSessionRow).where(GuideSessionRow.expires_at <= now))
        session.add(
            GuideSessionRow(
                token_digest=digest(token),
                guide_id=guide.id,
                csrf_token=csrf,
                created_at=now,
                last_seen_at=now,
                expires_at=expires,
            )
        )
    return LoginSession(token=token, guide=guide, csrf_token=csrf, expires_at=expires)


def resume(engine: Engine, token: str, idle_minutes: int, now: Optional[datetime] = None) -> Optional[LoginSession]:
    """The live session of a cookie (its idle expiry moved on), or None when unknown, expired or the
    guide was deactivated."""
    if not token:
        return None
    now = now or utcnow()
    key = digest(token)
    with Session(engine) as session, session.begin():
        row = session.get(GuideSessionRow, key)
        if row is None:
            return None
        hard_limit = row.created_at + timedelta(hours=MAX_SESSION_HOURS)
        if row.expires_at <= now or hard_limit <= now:
            session.delete(row)
            return None
        if now - row.last_seen_at >= TOUCH_EVERY:
            row.last_seen_at = now
            row.expires_at = min(now + timedelta(minutes=idle_minutes), hard_limit)
        guide_id, csrf, expires = row.guide_id, row.csrf_token, row.expires_at
    guide = accounts.by_id(engine, guide_id)
    if guide is None or not guide.active:
        return None
    return LoginSession(token=token, guide=guide, csrf_token=csrf, expires_at=expires)


def end(engine: Engine, token: str) -> None:
    with Session(engine) as session, session.begin():
        session.execute(delete(GuideSessionRow).where(GuideSessionRow.token_digest == digest(token)))


def create_token(engine: Engine, guide: Guide, days: int, label: str = "", now: Optional[datetime] = None) -> str:
    """A new API token for the guide; returned once, stored only as a digest."""
    now = now or utcnow()
    if not 1 <= days <= 3650:
        raise accounts.AccountError("a token lasts 1-3650 days")
    token = "vgt_" + secrets.token_urlsafe(32)
    with Session(engine) as session, session.begin():
        session.add(
            GuideTokenRow(
                token_digest=digest(token),
                guide_id=guide.id,
                label=label[:80],
                created_at=now,
                expires_at=now + timedelta(days=days),
            )
        )
    return token


def token_id(token_digest: str) -> str:
    return token_digest[:TOKEN_ID_CHARS]


def token_guide(engine: Engine, token: str, now: Optional[datetime] = None) -> Optional[Guide]:
    now = now or utcnow()
    if not token:
        return None
    with Session(engine) as session, session.begin():
        row = session.scalars(
            select(GuideTokenRow).where(GuideTokenRow.token_digest == digest(token), GuideTokenRow.expires_at > now)
        ).first()
        if row is None:
            return None
        if row.last_used_at is None or now - row.last_used_at >= TOUCH_EVERY:
            row.last_used_at = now
        guide_id = row.guide_id
    guide = accounts.by_id(engine, guide_id)
    return guide if guide and guide.active else None


@dataclass(frozen=True)
class TokenInfo:
    """What may be shown of a token: never the token, nor its whole digest."""

    id: str
    label: str
    username: str
    guide_id: int
    created_at: datetime
    last_used_at: Optional[datetime]
    expires_at: datetime


def list_tokens(engine: Engine, guide_id: Optional[int] = None) -> list[TokenInfo]:
    """Every token (of one guide when `guide_id` is given), oldest first."""
    query = (
        select(GuideTokenRow, GuideRow.username)
        .join(GuideRow, GuideRow.id == GuideTokenRow.guide_id)
        .order_by(GuideTokenRow.created_at, GuideTokenRow.token_digest)
    )
    if guide_id is not None:
        query = query.where(GuideTokenRow.guide_id == guide_id)
    with Session(engine) as session:
        return [
            TokenInfo(
                id=token_id(row.token_digest),
                label=row.label,
                username=username,
                guide_id=row.guide_id,
                created_at=row.created_at,
                last_used_at=row.last_used_at,
                expires_at=row.expires_at,
            )
            for row, username in session.execute(query)
        ]


def revoke_token(engine: Engine, id_or_label: str, guide_id: Optional[int] = None) -> list[TokenInfo]:
    """End the tokens with this id, or else with this label (of one guide when `guide_id` is given);
    returns what was revoked (empty: nothing matched)."""
    wanted = (id_or_label or "").strip()
    if not wanted:
        return []
    found = list_tokens(engine, guide_id)
    matched = [t for t in found if t.id == wanted] or [t for t in found if t.label and t.label == wanted]
    with Session(engine) as session, session.begin():
        for info in matched:
            session.execute(
                delete(GuideTokenRow)
                .where(GuideTokenRow.token_digest.startswith(info.id), GuideTokenRow.guide_id == info.guide_id)
                .execution_options(synchronize_session=False)
            )
    return matched


def revoke_tokens(engine: Engine, guide: Guide) -> int:
    with Session(engine) as session, session.begin():
        return changed_rows(session.execute(delete(GuideTokenRow).where(GuideTokenRow.guide_id == guide.id)))


# ---------------------------------------------------------------- login throttle


def _keys(username: str, address: str) -> tuple[str, str]:
    return f"user:{username.strip().lower()[:80]}", f"addr:{address[:64]}"


def _delay(failures: int, free: int, cap: timedelta) -> timedelta:
    if failures < free:
        return timedelta(0)
    return min(cap, FIRST_DELAY * (2 ** min(failures - free, 20)))


def _ensure_rows(session: Session, keys: tuple[str, ...], now: datetime) -> None:
    """The throttle rows exist (an INSERT that a parallel attempt's INSERT of the same key does not break)."""
    from sqlalchemy.dialects import postgresql, sqlite

    insert: Any = postgresql.insert if session.get_bind().dialect.name == "postgresql" else sqlite.insert
    for key in keys:
        session.execute(
            insert(LoginThrottleRow)
            .values(key=key, failures=0, next_at=now)
            .on_conflict_do_nothing(index_elements=["key"])
        )


def claim_attempt(engine: Engine, username: str, address: str, now: Optional[datetime] = None) -> Optional[int]:
    """None when this attempt may check a password (the username is then held until `attempt_failed` or
    `attempt_succeeded`), else the seconds to wait."""
    now = now or utcnow()
    user_key, address_key = _keys(username, address)
    with Session(engine) as session, session.begin():
        _ensure_rows(session, (user_key, address_key), now)
        # Old failures are forgotten, then the address and the username must both be free.
        session.execute(
            update(LoginThrottleRow)
            .where(
                LoginThrottleRow.key.in_((user_key, address_key)),
                LoginThrottleRow.last_failure_at < now - FORGET_AFTER,
                LoginThrottleRow.next_at <= now,
            )
            .values(failures=0)
        )
        address_row = session.get(LoginThrottleRow, address_key)
        assert address_row is not None  # _ensure_rows() made it
        if address_row.next_at > now:
            return _seconds(address_row.next_at - now)
        claimed = session.execute(
            update(LoginThrottleRow)
            .where(LoginThrottleRow.key == user_key, LoginThrottleRow.next_at <= now)
            .values(next_at=now + CHECKING)
        )
        if changed_rows(claimed) == 1:
            return None
        waiting_until = session.scalar(select(LoginThrottleRow.next_at).where(LoginThrottleRow.key == user_key))
    return _seconds((waiting_until or now) - now)


def _seconds(delta: timedelta) -> int:
    return max(1, int(delta.total_seconds() + 0.999))


def attempt_failed(engine: Engine, username: str, address: str, now: Optional[datetime] = None) -> None:
    now = now or utcnow()
    with Session(engine) as session, session.begin():
        for key, free, cap in zip(
            _keys(username, address), (FREE_FAILURES, FREE_FAILURES_PER_ADDRESS), (MAX_DELAY, MAX_DELAY_PER_ADDRESS)
        ):
            session.execute(
                update(LoginThrottleRow)
                .where(LoginThrottleRow.key == key)
                .values(failures=LoginThrottleRow.failures + 1, last_failure_at=now)
            )
            failures = session.scalar(select(LoginThrottleRow.failures).where(LoginThrottleRow.key == key)) or 0
            release = now + _delay(failures, free, cap)
            if key.startswith("user:"):
                session.execute(update(LoginThrottleRow).where(LoginThrottleRow.key == key).values(next_at=release))
            else:  # never earlier than a wait already set
                session.execute(
                    update(LoginThrottleRow)
                    .where(LoginThrottleRow.key == key, LoginThrottleRow.next_at < release)
                    .values(next_at=release)
                )
        # Rows nobody failed on for long are dropped here: failures are rare, so the table stays small.
        session.execute(
            delete(LoginThrottleRow).where(
                LoginThrottleRow.last_failure_at < now - FORGET_AFTER, LoginThrottleRow.next_at <= now
            )
        )


def attempt_abandoned(engine: Engine, username: str, now: Optional[datetime] = None) -> None:
    """A claimed attempt whose password was never checked (an error): the username is free again, uncounted."""
    now = now or utcnow()
    with Session(engine) as session, session.begin():
        session.execute(
            update(LoginThrottleRow)
            .where(
                LoginThrottleRow.key == _keys(username, "")[0],
                LoginThrottleRow.next_at > now,
                LoginThrottleRow.next_at <= now + CHECKING,
            )
            .values(next_at=now)
        )


def attempt_succeeded(engine: Engine, username: str, now: Optional[datetime] = None) -> None:
    """The username starts again from zero (the address keeps its count: it may be guessing others)."""
    with Session(engine) as session, session.begin():
        session.execute(delete(LoginThrottleRow).where(LoginThrottleRow.key == _keys(username, "")[0]))
