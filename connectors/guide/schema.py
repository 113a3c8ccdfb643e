"""Tables of the guide console: login sessions, API tokens and the login throttle (failed logins).

Tokens are stored only as SHA-256 digests: a copy of the database does not let anyone log in.
"""
from __future__ import annotations

from typing import Any

from sqlalchemy import Column, DateTime, ForeignKey, Integer, String
from sqlalchemy.orm import declarative_base

from bot.handoff.schema import GuideRow

Base: Any = declarative_base()  # SQLAlchemy 1.4 has no type hints: the models are checked as Any


class GuideSessionRow(Base):
    __tablename__ = "guide_sessions"
    token_digest = Column(String(64), primary_key=True)
    guide_id = Column(ForeignKey(GuideRow.id, ondelete="CASCADE"), nullable=False, index=True)
    csrf_token = Column(String(64), nullable=False)
    created_at = Column(DateTime, nullable=False)
    last_seen_at = Column(DateTime, nullable=False)
    expires_at = Column(DateTime, nullable=False, index=True)  # idle limit, moved on while in use


class GuideTokenRow(Base):
    """A bearer token for a county's own tools (created with the CLI, shown once)."""

    __tablename__ = "guide_api_tokens"
    token_digest = Column(String(64), primary_key=True)
    guide_id = Column(ForeignKey(GuideRow.id, ondelete="CASCADE"), nullable=False, index=True)
    label = Column(String(80), nullable=False, default="")
    created_at = Column(DateTime, nullable=False)
    expires_at = Column(DateTime, nullable=False)
    last_used_at = Column(DateTime, nullable=True)  # moved on at most once a minute (sessions.TOUCH_EVERY)


class LoginThrottleRow(Base):
    """Failed logins of one username or one client address. `next_at` is when the next attempt may be
    checked: claimed by a single UPDATE before the password is verified, so parallel attempts cannot all
    pass; after the free attempts every failure doubles the wait (sessions.DELAYS)."""

    __tablename__ = "guide_login_throttle"
    key = Column(String(160), primary_key=True)  # "user:<username>" or "addr:<address>"
    failures = Column(Integer, nullable=False, default=0)
    next_at = Column(DateTime, nullable=False)
    last_failure_at = Column(DateTime, nullable=True, index=True)
