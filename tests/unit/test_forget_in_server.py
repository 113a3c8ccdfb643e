"""connectors.privacy.forget_conversation: deletes under the conversation's lock, with Rasa's own stores."""
from __future__ import annotations

import asyncio
from types import SimpleNamespace

from rasa.core.lock_store import InMemoryLockStore
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from bot import settings
from bot.db import all_metadata, make_engine
from bot.handoff import messages, service
from bot.privacy.tracker_store import RedactingTrackerStore
from connectors.privacy import forget_conversation


def test_forgetting_inside_the_server(tmp_path, monkeypatch):
    monkeypatch.setenv("TRACKER_STORE_URL", f"sqlite:///{tmp_path / 'tracker.db'}")
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{tmp_path / 'app.db'}")
    settings.get_settings.cache_clear()
    try:
        domain = Domain.load("domain.yml")
        store = RedactingTrackerStore(domain=domain, dialect="sqlite", db=str(tmp_path / "tracker.db"))
        tracker = DialogueStateTracker.from_events("me", [ActionExecuted("action_listen"), UserUttered("hei")],
                                                   domain.slots)
        asyncio.run(store.save(tracker))
        app = make_engine(f"sqlite:///{tmp_path / 'app.db'}")
        for metadata in all_metadata():
            metadata.create_all(app)
        handoff = service.request(app, "me", "lappi", "fi")
        messages.post(app, "me", "person", {"text": "hei"}, handoff.id)
        lock_store = InMemoryLockStore()
        agent = SimpleNamespace(lock_store=lock_store, tracker_store=store)

        asyncio.run(forget_conversation(agent, "me"))

        assert asyncio.run(store.retrieve("me")) is None
        assert messages.history(app, "me") == [] and service.latest_for(app, "me") is None
        assert lock_store.get_lock("me") is None  # the lock was released and cleaned up
    finally:
        settings.get_settings.cache_clear()
