"""Rasa's SQL tracker store, storing every new event redacted (bot.privacy.events).

endpoints.yml: `tracker_store: {type: bot.server.tracker_store.RedactingTrackerStore, dialect: ..., db: ..., ...}`
with the same settings as Rasa's own `type: SQL`. When TRACKER_STORE_URL is set, it wins over those
settings: `python -m bot.serve`, `python -m bot.server run --endpoints endpoints.yml` and `make shell`
all store the conversations where TRACKER_STORE_URL says; without it, the endpoints' database is used
(endpoints.yml: the SQLite file var/tracker.db, TRACKER_STORE_URL's default too).

The conversation's in-memory tracker is never changed: during a turn the NLU pipeline, the policies and
the actions work on what the person wrote. Only the copy that reaches the database is redacted, and
because Rasa reloads the tracker from the database at the start of every turn, the next turn already
works on the redacted history (slots keep their values: they hold categories, municipalities and
service ids, not free text).

SQLite (bench/README.md): SQLAlchemy 1.4 opens and closes a SQLite connection per session and the default
rollback journal waits for an fsync on every commit: 3–30 ms per turn, depending on how busy the disk is.
This store's connection is kept open (one per thread, SQLAlchemy's SingletonThreadPool) and gets
write-ahead logging with synchronous=NORMAL: still consistent after a crash of the process or the
machine; only the last turns can be lost on a power cut. PostgreSQL keeps Rasa's pool settings.
"""

from __future__ import annotations

import logging
import os
from functools import cached_property
from typing import Any, Dict, Iterator, List, Optional, Text

import sqlalchemy as sa
from rasa.core.tracker_store import SQLTrackerStore, create_engine_kwargs
from rasa.shared.core.events import Event
from rasa.shared.core.trackers import DialogueStateTracker

from bot.db import use_write_ahead_log
from bot.privacy.events import redact_event

logger = logging.getLogger(__name__)


def configured_url() -> Optional[str]:
    """TRACKER_STORE_URL when it is set (read through bot.settings); None: the endpoints' settings apply."""
    if not os.environ.get("TRACKER_STORE_URL"):
        return None
    from bot.settings import get_settings

    return get_settings().tracker_store_url


def engine_kwargs(url: Any) -> Dict[str, Any]:
    """Rasa's engine settings for `url`; a SQLite connection stays open (one per thread)."""
    from sqlalchemy.pool import SingletonThreadPool

    kwargs = create_engine_kwargs(url)
    if str(url).startswith("sqlite"):
        kwargs.setdefault("poolclass", SingletonThreadPool)
    return kwargs


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

    def __init__(self, *args: Any, host: Optional[Text] = None, **kwargs: Any) -> None:
        # Rasa takes a `host` with "://" as the whole database URL (SQLTrackerStore.get_db_url).
        super().__init__(*args, host=configured_url() or host, **kwargs)
        # Rasa's engine, rebuilt with these changes: SQL errors must not quote their parameters (the
        # events) into log lines, a connection the database dropped (restart, failover) is replaced
        # instead of failing the next turn, and SQLite keeps its connection and writes ahead (above).
        url = self.engine.url
        self.engine.dispose()
        self.engine = sa.create_engine(url, hide_parameters=True, pool_pre_ping=True, **engine_kwargs(url))
        if self.engine.dialect.name == "sqlite":
            use_write_ahead_log(self.engine)
        self.sessionmaker = sa.orm.session.sessionmaker(bind=self.engine)

    @cached_property
    def free_text_slots(self) -> frozenset[str]:
        """Slots filled from the person's free text (`from_text` mappings) may hold personal data."""
        return frozenset(
            slot.name
            for slot in self.domain.slots
            if any(m.get("type") == "from_text" for m in getattr(slot, "mappings", []) or [])
        )

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

    def delete(self, sender_id: Text) -> None:
        """Delete every stored event of one conversation ("delete my conversation"; Rasa 3.6's tracker
        stores have no delete). Blocking: call it in a thread, under the conversation's lock."""
        with self.session_scope() as session:
            session.query(self.SQLEvent).filter(self.SQLEvent.sender_id == sender_id).delete(synchronize_session=False)
            session.commit()
