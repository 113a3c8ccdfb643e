"""Rasa's SQL tracker store, storing every new event redacted (bot.privacy.events).

endpoints.yml (written by bot.serve): `tracker_store: {type: bot.privacy.tracker_store.RedactingTrackerStore,
dialect: ..., db: ..., ...}` with the same settings as Rasa's own `type: SQL`.

The conversation's in-memory tracker is never changed: during a turn the NLU pipeline, the policies and
the actions work on what the person wrote. Only the copy that reaches the database is redacted, and
because Rasa reloads the tracker from the database at the start of every turn, the next turn already
works on the redacted history (slots keep their values: they hold categories, municipalities and
service ids, not free text).

This module is the one place in bot/privacy that imports Rasa (it is loaded by the Rasa server only).
"""
from __future__ import annotations

import logging
from functools import cached_property
from typing import Any, Iterator, List, Text

import sqlalchemy as sa
from rasa.core.tracker_store import SQLTrackerStore, create_engine_kwargs
from rasa.shared.core.events import Event
from rasa.shared.core.trackers import DialogueStateTracker

from bot.privacy.events import redact_event

logger = logging.getLogger(__name__)


class _StoredEvent:
    """What SQLTrackerStore.save and the event broker read from an event: its type and its dict."""

    def __init__(self, type_name: str, data: dict) -> None:
        self.type_name = type_name
        self._data = data

    def as_dict(self) -> dict:
        return self._data


class RedactingTrackerStore(SQLTrackerStore):
    """SQLTrackerStore that writes redacted copies of new events; reading is unchanged."""

    engine: sa.engine.Engine

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # Rasa's engine, rebuilt with two changes: SQL errors must not quote their parameters (the
        # events) into log lines, and a connection the database dropped (restart, failover) is
        # replaced instead of failing the next turn.
        url = self.engine.url
        self.engine.dispose()
        self.engine = sa.create_engine(url, hide_parameters=True, pool_pre_ping=True, **create_engine_kwargs(url))
        self.sessionmaker = sa.orm.session.sessionmaker(bind=self.engine)

    @cached_property
    def free_text_slots(self) -> frozenset[str]:
        """Slots filled from the person's free text (`from_text` mappings) may hold personal data."""
        return frozenset(slot.name for slot in self.domain.slots
                         if any(m.get("type") == "from_text" for m in getattr(slot, "mappings", []) or []))

    def stored(self, event: Event) -> Any:
        data = event.as_dict()
        redacted = redact_event(data, self.free_text_slots)
        return event if redacted is data else _StoredEvent(event.type_name, redacted)

    def _additional_events(self, session: Any, tracker: DialogueStateTracker) -> Iterator:
        # SQLTrackerStore.save serialises exactly these (event.as_dict(), event.type_name).
        for event in super()._additional_events(session, tracker):
            yield self.stored(event)

    async def _stream_new_events(self, event_broker: Any, new_events: List[Event], sender_id: Text) -> None:
        await super()._stream_new_events(event_broker, [self.stored(e) for e in new_events], sender_id)
