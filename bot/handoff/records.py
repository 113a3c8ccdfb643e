"""Plain records the handoff functions return (detached from the database session)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Optional


@dataclass(frozen=True)
class Handoff:
    id: str
    conversation_id: str
    kind: str
    state: str
    county: str
    language: str
    channel: str
    summary: dict
    guide_id: Optional[int]
    forwarded_from: Optional[str]
    created_at: datetime
    queued_at: Optional[datetime]
    taken_at: Optional[datetime]
    closed_at: Optional[datetime]
    resumed: bool

    @property
    def is_open(self) -> bool:
        return self.state in ("requested", "waiting", "active")


@dataclass(frozen=True)
class Message:
    id: int
    conversation_id: str
    handoff_id: Optional[str]
    sender: str
    body: dict = field(default_factory=dict)
    guide_name: Optional[str] = None
    created_at: Optional[datetime] = None


class HandoffError(Exception):
    """A transition the state machine does not allow (the message says which)."""


class AlreadyTaken(HandoffError):
    """Another guide took the conversation first."""
