"""The redacting tracker store: stored conversations hold no personal data, the turn in memory does; its
SQLite settings (an open connection, write-ahead logging on its own engine only); TRACKER_STORE_URL wins
over the endpoints' database in every way of starting; one conversation can be deleted."""

from __future__ import annotations

import asyncio
import sqlite3

import pytest
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, BotUttered, SessionStarted, SlotSet, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker
from sqlalchemy import create_engine, text
from sqlalchemy.pool import SingletonThreadPool

from bot import settings
from bot.db import make_engine
from bot.server import tracker_store
from bot.server.tracker_store import RedactingTrackerStore
from bot.settings import ROOT

MESSAGE = "nimeni on Mikko Virtanen, asun Oulussa, soita 040 123 4567"


@pytest.fixture(scope="module")
def domain():
    return Domain.load(str(ROOT / "domain.yml"))


@pytest.fixture(autouse=True)
def fresh_settings(monkeypatch):
    """No TRACKER_STORE_URL of the surroundings; settings read anew."""
    monkeypatch.delenv("TRACKER_STORE_URL", raising=False)
    settings.get_settings.cache_clear()
    yield
    settings.get_settings.cache_clear()


@pytest.fixture
def store(domain, tmp_path):
    store = RedactingTrackerStore(domain=domain, dialect="sqlite", db=str(tmp_path / "tracker.db"))
    yield store
    store.engine.dispose()


def _conversation(domain) -> DialogueStateTracker:
    tracker = DialogueStateTracker("conv-1", domain.slots)
    tracker.update(ActionExecuted("action_session_start"))
    tracker.update(SessionStarted())
    tracker.update(SlotSet("session_started_metadata", {"language": "fi", "user": "Mikko Virtanen"}))
    tracker.update(ActionExecuted("action_listen"))
    parse = {
        "text": MESSAGE,
        "intent": {"name": "inform_location", "confidence": 0.9},
        "entities": [
            {
                "entity": "municipality",
                "value": "Oulu",
                "start": MESSAGE.index("Oulussa"),
                "end": MESSAGE.index("Oulussa") + len("Oulussa"),
                "extractor": "PlaceEntityExtractor",
            }
        ],
    }
    tracker.update(UserUttered(MESSAGE, parse_data=parse, metadata={"telegram_name": "Mikko"}))
    tracker.update(SlotSet("municipality", "Oulu"))
    tracker.update(BotUttered("Kiitos, Oulu. Soita 040 726 6965."))
    tracker.update(ActionExecuted("action_listen"))
    return tracker


def test_stored_events_are_redacted_and_the_turn_keeps_the_original(store, domain, tmp_path):
    tracker = _conversation(domain)
    asyncio.run(store.save(tracker))

    assert tracker.latest_message.text == MESSAGE  # the turn in memory is untouched
    raw = "\n".join(row[0] for row in sqlite3.connect(tmp_path / "tracker.db").execute("select data from events"))
    for personal in ("Mikko", "Virtanen", "040 123 4567"):
        assert personal not in raw

    stored = asyncio.run(store.retrieve("conv-1"))
    message = stored.latest_message
    assert message.text == "nimeni on [name] [name], asun Oulussa, soita [phone]"
    entity = message.parse_data["entities"][0]
    assert message.text[entity["start"] : entity["end"]] == "Oulussa" and entity["value"] == "Oulu"
    assert message.metadata == {"telegram_name": "[name]"}
    assert stored.get_slot("municipality") == "Oulu"
    assert stored.get_slot("session_started_metadata") == {"language": "fi", "user": "[name] [name]"}
    # Bot messages are ours (the directory's public numbers) and stay as they were.
    assert [e.text for e in stored.events if isinstance(e, BotUttered)] == ["Kiitos, Oulu. Soita 040 726 6965."]


def test_the_next_turn_appends_without_duplicates(store, domain):
    tracker = _conversation(domain)
    asyncio.run(store.save(tracker))
    again = asyncio.run(store.retrieve("conv-1"))
    again.update(UserUttered("jag heter Anna", parse_data={"text": "jag heter Anna", "intent": {"name": "greet"}}))
    asyncio.run(store.save(again))
    final = asyncio.run(store.retrieve("conv-1"))
    users = [e.text for e in final.events if isinstance(e, UserUttered)]
    assert users == ["nimeni on [name] [name], asun Oulussa, soita [phone]", "jag heter [name]"]
    assert len(final.events) == len(again.events)


# ---- SQLite: the connection stays open and writes ahead, on the store's own engine ---------------------
def _journal(engine) -> tuple[str, int]:
    with engine.connect() as connection:
        return (
            connection.execute(text("PRAGMA journal_mode")).scalar(),
            connection.execute(text("PRAGMA synchronous")).scalar(),
        )


def test_the_sqlite_tracker_store_keeps_its_connection(store, tmp_path):
    kwargs = tracker_store.engine_kwargs(f"sqlite:///{tmp_path / 'tracker.db'}")
    assert kwargs["poolclass"] is SingletonThreadPool
    assert isinstance(store.engine.pool, SingletonThreadPool)


def test_postgresql_settings_are_left_to_rasa():
    kwargs = tracker_store.engine_kwargs("postgresql://rasa@localhost/tracker")
    assert "poolclass" not in kwargs and "pool_size" in kwargs


def test_sqlite_files_get_write_ahead_logging(store, tmp_path):
    app = make_engine(f"sqlite:///{tmp_path / 'app.db'}")  # the app database (bot.db) too
    try:
        for engine in (store.engine, app):
            assert _journal(engine) == ("wal", 1)  # synchronous=NORMAL
    finally:
        app.dispose()


def test_an_unrelated_sqlite_engine_is_not_switched_to_write_ahead_logging(store, tmp_path):
    app = make_engine(f"sqlite:///{tmp_path / 'app.db'}")
    for engine in (store.engine, app):  # connected: their listeners have run
        _journal(engine)
    other = create_engine(f"sqlite:///{tmp_path / 'other.db'}")
    try:
        assert _journal(other) == ("delete", 2)  # SQLite's own defaults: rollback journal, synchronous=FULL
    finally:
        other.dispose()
        app.dispose()


# ---- where the conversations are stored: TRACKER_STORE_URL, else the endpoints' database --------------
def test_tracker_store_url_wins_over_the_endpoints_database(domain, tmp_path, monkeypatch):
    monkeypatch.setenv("TRACKER_STORE_URL", f"sqlite:///{tmp_path / 'from-environment.db'}")
    settings.get_settings.cache_clear()
    store = RedactingTrackerStore(domain=domain, dialect="sqlite", db=str(tmp_path / "from-endpoints.db"))
    try:
        assert store.engine.url.database == str(tmp_path / "from-environment.db")
        assert isinstance(store.engine.pool, SingletonThreadPool) and _journal(store.engine) == ("wal", 1)
    finally:
        store.engine.dispose()
    assert not (tmp_path / "from-endpoints.db").exists()


@pytest.mark.parametrize("from_environment", [False, True])
def test_endpoints_yml_honours_tracker_store_url(from_environment, domain, tmp_path, monkeypatch):
    """What `python -m bot.server run --endpoints endpoints.yml` and `rasa shell` load, the way Rasa loads it."""
    from rasa.core.tracker_store import TrackerStore
    from rasa.utils.endpoints import read_endpoint_config

    monkeypatch.chdir(tmp_path)  # endpoints.yml names var/tracker.db, relative to where Rasa runs
    if from_environment:
        monkeypatch.setenv("TRACKER_STORE_URL", f"sqlite:///{tmp_path / 'elsewhere.db'}")
        settings.get_settings.cache_clear()
    store = TrackerStore.create(read_endpoint_config(str(ROOT / "endpoints.yml"), "tracker_store"), domain)
    try:
        assert isinstance(store, RedactingTrackerStore)
        expected = str(tmp_path / "elsewhere.db") if from_environment else "var/tracker.db"
        assert store.engine.url.database == expected
    finally:
        store.engine.dispose()


# ---- "delete my conversation" ---------------------------------------------------------------------------
def test_delete_removes_one_conversation_and_keeps_the_others(store, domain):
    for sender in ("conv-1", "conv-2"):
        tracker = _conversation(domain)
        tracker.sender_id = sender
        asyncio.run(store.save(tracker))
    store.delete("conv-1")
    store.delete("never-stored")  # nothing to delete is not an error
    assert asyncio.run(store.retrieve("conv-1")) is None
    assert asyncio.run(store.retrieve("conv-2")) is not None
