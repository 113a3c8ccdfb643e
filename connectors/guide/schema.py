"""Tables of the guide console: login sessions, API tokens and failed logins (for rate limiting).

Tokens are stored only as SHA-256 digests: a copy of the database does not let anyone log in.
"""
from __future__ import annotations

from sqlalchemy import Column, DateTime, ForeignKey, Integer, String
from sqlalchemy.orm import declarative_base

from bot.handoff.schema import GuideRow

Base = declarative_base()


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


class LoginFailureRow(Base):
    __tablename__ = "guide_login_failures"
    id = Column(Integer, primary_key=True, autoincrement=True)
    username = Column(String(80), nullable=False, index=True)
    address = Column(String(64), nullable=False, index=True)
    at = Column(DateTime, nullable=False, index=True)
