"""Tables of the owners' statistics: anonymous daily counters and the redacted messages the bot did not understand.

Nothing here can lead back to a person: no sender or conversation id, no time of day, and the texts
pass bot.privacy.redaction.redact() before they are stored (and are deleted after a few weeks).
"""

from __future__ import annotations

from datetime import date
from typing import Optional

from sqlalchemy import Date, Float, Index, Integer, String, Text, UniqueConstraint

from bot.orm import DeclarativeBase, Mapped, mapped_column


class Base(DeclarativeBase):
    """The analytics tables' own registry and MetaData (bot.db.all_metadata())."""


# What is counted. `key` says which intent or category a count is about ("" when it is not split).
METRICS = (
    "conversation",  # a conversation (session) started; county once the person told where
    "intent",  # a message understood as this intent (key)
    "recommendation",  # a service of this category (key) was recommended; key "none": nothing found
    "fallback",  # the bot did not understand; key: its best guess, "out_of_scope" or "dialogue"
    "emergency",  # the emergency reply (112, crisis lines) was given
    "crisis_tier",  # the crisis net fired in a channel; key: "acute" (full reply) or "checkin"
    "handoff_requested",  # a person asked for a human service guide
    "handoff_served",  # a guide took the conversation
    "handoff_missed",  # the request ended without a guide (expired, cancelled, out of hours)
    "feedback_helpful",
    "feedback_not_helpful",
)
# Why a message is in the list of unanswered messages.
REASONS = ("nlu_fallback", "out_of_scope", "dialogue")


class DailyCountRow(Base):
    """One counter: how many times `metric` (for `key`) happened on `day` in `county` and `language`.

    Unknown county, language or key are stored as "" rather than NULL: a unique key with NULLs would let
    two processes (the Rasa server and the action server) insert the same counter twice.
    """

    __tablename__ = "analytics_daily_counts"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True, nullable=False)
    day: Mapped[date] = mapped_column(Date, nullable=False, index=True)
    county: Mapped[str] = mapped_column(String(40), nullable=False, default="")
    language: Mapped[str] = mapped_column(String(2), nullable=False, default="")
    metric: Mapped[str] = mapped_column(String(40), nullable=False)
    key: Mapped[str] = mapped_column(String(80), nullable=False, default="")
    count: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    __table_args__ = (UniqueConstraint("day", "county", "language", "metric", "key", name="uq_analytics_daily_counts"),)


class UnansweredRow(Base):
    """A message the bot could not answer, redacted, kept a few weeks so the team can improve the training data."""

    __tablename__ = "analytics_unanswered"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True, nullable=False)
    day: Mapped[date] = mapped_column(Date, nullable=False)
    county: Mapped[str] = mapped_column(String(40), nullable=False, default="")
    language: Mapped[str] = mapped_column(String(2), nullable=False, default="")
    reason: Mapped[str] = mapped_column(String(20), nullable=False)
    text: Mapped[str] = mapped_column(Text, nullable=False)
    intent: Mapped[Optional[str]] = mapped_column(String(80), nullable=True)  # the classifier's best guess
    confidence: Mapped[Optional[float]] = mapped_column(Float, nullable=True)
    __table_args__ = (Index("ix_analytics_unanswered_day", "day"),)
