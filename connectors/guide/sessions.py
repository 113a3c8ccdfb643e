"""Server-side login sessions, API tokens and the login rate limit, all in the app database.

A session cookie holds a random token; the database keeps only its SHA-256 digest, the guide, the
session's CSRF token and when it expires (idle limit GUIDE_SESSION_MINUTES, and never more than
MAX_SESSION_HOURS after the login). API tokens work the same way without CSRF (a browser never sends
them on its own).
"""
from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Optional

from sqlalchemy import delete, func, select
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

from bot.handoff.service import utcnow
from connectors.guide import accounts
from connectors.guide.accounts import Guide
from connectors.guide.schema import GuideSessionRow, GuideTokenRow, LoginFailureRow

MAX_SESSION_HOURS = 12
# The idle expiry is moved on at most this often, so that polling does not write on every request.
TOUCH_EVERY = timedelta(seconds=60)
# Failed logins: at most this many per username, and per client address, within the window.
FAILURE_WINDOW = timedelta(minutes=15)
MAX_FAILURES_PER_USER = 5
MAX_FAILURES_PER_ADDRESS = 20


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
        session.add(GuideSessionRow(token_digest=digest(token), guide_id=guide.id, csrf_token=csrf,
                                    created_at=now, last_seen_at=now, expires_at=expires))
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
    token = "vgt_" + secrets.token_urlsafe(32)
    with Session(engine) as session, session.begin():
        session.add(GuideTokenRow(token_digest=digest(token), guide_id=guide.id, label=label[:80],
                                  created_at=now, expires_at=now + timedelta(days=days)))
    return token


def token_guide(engine: Engine, token: str, now: Optional[datetime] = None) -> Optional[Guide]:
    now = now or utcnow()
    with Session(engine) as session:
        guide_id = session.scalar(select(GuideTokenRow.guide_id).where(
            GuideTokenRow.token_digest == digest(token), GuideTokenRow.expires_at > now))
    guide = accounts.by_id(engine, guide_id) if guide_id is not None else None
    return guide if guide and guide.active else None


def revoke_tokens(engine: Engine, guide: Guide) -> int:
    with Session(engine) as session, session.begin():
        return session.execute(delete(GuideTokenRow).where(GuideTokenRow.guide_id == guide.id)).rowcount


def login_blocked(engine: Engine, username: str, address: str, now: Optional[datetime] = None) -> bool:
    """True when this username or this client address failed too often within the window."""
    since = (now or utcnow()) - FAILURE_WINDOW
    username = username.strip().lower()[:80]
    with Session(engine) as session:
        per_user = session.scalar(select(func.count()).select_from(LoginFailureRow).where(
            LoginFailureRow.username == username, LoginFailureRow.at > since))
        per_address = session.scalar(select(func.count()).select_from(LoginFailureRow).where(
            LoginFailureRow.address == address, LoginFailureRow.at > since))
    return per_user >= MAX_FAILURES_PER_USER or per_address >= MAX_FAILURES_PER_ADDRESS


def record_failure(engine: Engine, username: str, address: str, now: Optional[datetime] = None) -> None:
    now = now or utcnow()
    with Session(engine) as session, session.begin():
        session.execute(delete(LoginFailureRow).where(LoginFailureRow.at <= now - FAILURE_WINDOW))
        session.add(LoginFailureRow(username=username.strip().lower()[:80], address=address[:64], at=now))


def clear_failures(engine: Engine, username: str) -> None:
    with Session(engine) as session, session.begin():
        session.execute(delete(LoginFailureRow).where(LoginFailureRow.username == username.strip().lower()))
