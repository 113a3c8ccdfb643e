"""Tables of the handoff: guides (with their console logins, API tokens and the login throttle), duty hours,
handoffs, the message log/outbox and feedback.

The guide console (console/) reads and writes the guide tables; they live here, with the handoffs that
point at them, so that the app database's schema (bot.db.SCHEMA_MODULES) never depends on the console.
Tokens are stored only as SHA-256 digests: a copy of the database does not let anyone log in.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any, Optional

from sqlalchemy import JSON, Boolean, DateTime, ForeignKey, Integer, String, Text, UniqueConstraint

from bot.orm import DeclarativeBase, Mapped, mapped_column


class Base(DeclarativeBase):
    """The handoff tables' own registry and MetaData (bot.db.all_metadata())."""


# requested: the person asked, consent to the summary not yet given; waiting: in a county's queue;
# active: a guide has taken it; the rest are final.
OPEN_STATES = ("requested", "waiting", "active")
FINAL_STATES = ("ended", "cancelled", "expired")
STATES = OPEN_STATES + FINAL_STATES
KINDS = ("live", "message")  # message: left out of hours, answered when the person comes back
SENDERS = ("person", "guide", "bot", "system")
ROLES = ("guide", "admin")


class GuideRow(Base):
    __tablename__ = "guides"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, nullable=False)
    username: Mapped[str] = mapped_column(String(80), unique=True, nullable=False)
    display_name: Mapped[str] = mapped_column(String(80), nullable=False)
    password_hash: Mapped[str] = mapped_column(String(300), nullable=False)
    role: Mapped[str] = mapped_column(String(10), nullable=False, default="guide")
    active: Mapped[bool] = mapped_column(Boolean, nullable=False, default=True)
    created_at: Mapped[datetime] = mapped_column(DateTime, nullable=False)


class GuideCountyRow(Base):
    __tablename__ = "guide_counties"
    guide_id: Mapped[int] = mapped_column(
        Integer, ForeignKey("guides.id", ondelete="CASCADE"), primary_key=True, nullable=False
    )
    county: Mapped[str] = mapped_column(String(40), primary_key=True, nullable=False)


class GuideSessionRow(Base):
    """A console login (console/sessions.py)."""

    __tablename__ = "guide_sessions"
    token_digest: Mapped[str] = mapped_column(String(64), primary_key=True, nullable=False)
    guide_id: Mapped[int] = mapped_column(
        Integer, ForeignKey(GuideRow.id, ondelete="CASCADE"), nullable=False, index=True
    )
    csrf_token: Mapped[str] = mapped_column(String(64), nullable=False)
    created_at: Mapped[datetime] = mapped_column(DateTime, nullable=False)
    last_seen_at: Mapped[datetime] = mapped_column(DateTime, nullable=False)
    expires_at: Mapped[datetime] = mapped_column(
        DateTime, nullable=False, index=True
    )  # idle limit, moved on while in use


class GuideTokenRow(Base):
    """A bearer token for a county's own tools (created with the CLI, shown once)."""

    __tablename__ = "guide_api_tokens"
    token_digest: Mapped[str] = mapped_column(String(64), primary_key=True, nullable=False)
    guide_id: Mapped[int] = mapped_column(
        Integer, ForeignKey(GuideRow.id, ondelete="CASCADE"), nullable=False, index=True
    )
    label: Mapped[str] = mapped_column(String(80), nullable=False, default="")
    created_at: Mapped[datetime] = mapped_column(DateTime, nullable=False)
    expires_at: Mapped[datetime] = mapped_column(DateTime, nullable=False)
    last_used_at: Mapped[Optional[datetime]] = mapped_column(
        DateTime, nullable=True
    )  # moved on at most once a minute (sessions.TOUCH_EVERY)


class LoginThrottleRow(Base):
    """Failed logins of one username or one client address. `next_at` is when the next attempt may be
    checked: claimed by a single UPDATE before the password is verified, so parallel attempts cannot all
    pass; after the free attempts every failure doubles the wait (sessions.DELAYS)."""

    __tablename__ = "guide_login_throttle"
    key: Mapped[str] = mapped_column(
        String(160), primary_key=True, nullable=False
    )  # "user:<username>" or "addr:<address>"
    failures: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    next_at: Mapped[datetime] = mapped_column(DateTime, nullable=False)
    last_failure_at: Mapped[Optional[datetime]] = mapped_column(DateTime, nullable=True, index=True)


class DutyHoursRow(Base):
    """Weekly duty hours of a county's guides (Europe/Helsinki local time), several ranges a day allowed."""

    __tablename__ = "duty_hours"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, nullable=False)
    county: Mapped[str] = mapped_column(String(40), nullable=False, index=True)
    weekday: Mapped[int] = mapped_column(Integer, nullable=False)  # 0 = Monday
    opens: Mapped[str] = mapped_column(String(5), nullable=False)  # "08:00"
    closes: Mapped[str] = mapped_column(String(5), nullable=False)  # "16:00"


class DutySwitchRow(Base):
    """A manual override of the duty hours: 'on' or 'off'; no row means 'follow the hours'."""

    __tablename__ = "duty_switches"
    county: Mapped[str] = mapped_column(String(40), primary_key=True, nullable=False)
    mode: Mapped[str] = mapped_column(String(5), nullable=False)
    changed_at: Mapped[datetime] = mapped_column(DateTime, nullable=False)


class HandoffRow(Base):
    __tablename__ = "handoffs"
    id: Mapped[str] = mapped_column(String(32), primary_key=True, nullable=False)
    conversation_id: Mapped[str] = mapped_column(String(128), nullable=False, index=True)
    # Equal to conversation_id while the handoff is open, NULL after: the unique constraint keeps
    # a conversation in at most one queue (NULLs never collide), portably on SQLite and PostgreSQL.
    open_conversation_id: Mapped[Optional[str]] = mapped_column(String(128), nullable=True)
    kind: Mapped[str] = mapped_column(String(10), nullable=False, default="live")
    state: Mapped[str] = mapped_column(String(12), nullable=False, index=True)
    county: Mapped[str] = mapped_column(String(40), nullable=False, index=True)
    language: Mapped[str] = mapped_column(String(2), nullable=False)
    channel: Mapped[str] = mapped_column(String(20), nullable=False, default="rest")
    summary: Mapped[Any] = mapped_column(JSON, nullable=False, default=dict)  # only what the person consented to share
    guide_id: Mapped[Optional[int]] = mapped_column(
        Integer, ForeignKey("guides.id", ondelete="SET NULL"), nullable=True
    )
    forwarded_from: Mapped[Optional[str]] = mapped_column(String(40), nullable=True)
    created_at: Mapped[datetime] = mapped_column(DateTime, nullable=False)
    queued_at: Mapped[Optional[datetime]] = mapped_column(DateTime, nullable=True)
    taken_at: Mapped[Optional[datetime]] = mapped_column(DateTime, nullable=True)
    closed_at: Mapped[Optional[datetime]] = mapped_column(DateTime, nullable=True)
    resumed: Mapped[bool] = mapped_column(
        Boolean, nullable=False, default=False
    )  # the bot has taken the conversation back
    __table_args__ = (UniqueConstraint("open_conversation_id", name="uq_handoffs_open_conversation"),)


class MessageRow(Base):
    """One message of a conversation that passes outside Rasa's own reply: the person's messages during
    a handoff (redacted), and everything addressed to the person that a channel must deliver later —
    a guide's message, a status change, the bot's words after the handoff. Ids grow, so a channel
    delivers "everything after id N" and a reconnecting client neither loses nor repeats a message."""

    __tablename__ = "handoff_messages"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True, nullable=False)
    conversation_id: Mapped[str] = mapped_column(String(128), nullable=False, index=True)
    handoff_id: Mapped[Optional[str]] = mapped_column(
        String(32), ForeignKey("handoffs.id", ondelete="CASCADE"), nullable=True, index=True
    )
    sender: Mapped[str] = mapped_column(String(10), nullable=False)
    guide_name: Mapped[Optional[str]] = mapped_column(String(80), nullable=True)
    body: Mapped[Any] = mapped_column(JSON, nullable=False)  # a Rasa-style message: {"text", "buttons", "custom"}
    created_at: Mapped[datetime] = mapped_column(DateTime, nullable=False, index=True)


class ChannelAddressRow(Base):
    """Where to push a conversation's messages for channels that push (Telegram chat id, …) and how
    far delivery has got. The address never leaves this table (the console sees conversation ids)."""

    __tablename__ = "channel_addresses"
    conversation_id: Mapped[str] = mapped_column(String(128), primary_key=True, nullable=False)
    channel: Mapped[str] = mapped_column(String(20), nullable=False, index=True)
    address: Mapped[str] = mapped_column(Text, nullable=False)
    delivered_id: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    updated_at: Mapped[datetime] = mapped_column(DateTime, nullable=False)


class FeedbackRow(Base):
    """One-tap feedback, deliberately without the conversation id."""

    __tablename__ = "feedback"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True, nullable=False)
    created_at: Mapped[datetime] = mapped_column(DateTime, nullable=False, index=True)
    county: Mapped[Optional[str]] = mapped_column(String(40), nullable=True)
    language: Mapped[str] = mapped_column(String(2), nullable=False)
    helpful: Mapped[bool] = mapped_column(Boolean, nullable=False)
    after_handoff: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False)


class ReturnCodeRow(Base):
    """The web chat's way back to a left message: only the code's HMAC digest is kept, with the
    conversation and the left message it opens, until the handoff's retention ends."""

    __tablename__ = "return_codes"
    code_digest: Mapped[str] = mapped_column(String(64), primary_key=True, nullable=False)
    conversation_id: Mapped[str] = mapped_column(String(128), nullable=False, index=True)
    handoff_id: Mapped[str] = mapped_column(
        String(32), ForeignKey("handoffs.id", ondelete="CASCADE"), nullable=False, unique=True
    )
    message_id: Mapped[int] = mapped_column(
        Integer, nullable=False
    )  # the left message: shown first when the code is used
    created_at: Mapped[datetime] = mapped_column(DateTime, nullable=False)
    expires_at: Mapped[datetime] = mapped_column(DateTime, nullable=False, index=True)
