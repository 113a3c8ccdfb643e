"""The redacting tracker store: stored conversations hold no personal data, the turn in memory does."""
from __future__ import annotations

import asyncio
import sqlite3

import pytest
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, BotUttered, SessionStarted, SlotSet, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from bot.privacy.tracker_store import RedactingTrackerStore
from bot.settings import ROOT

MESSAGE = "nimeni on Mikko Virtanen, asun Oulussa, soita 040 123 4567"


@pytest.fixture(scope="module")
def domain():
    return Domain.load(str(ROOT / "domain.yml"))


@pytest.fixture
def store(domain, tmp_path):
    return RedactingTrackerStore(domain=domain, dialect="sqlite", db=str(tmp_path / "tracker.db"))


def _conversation(domain) -> DialogueStateTracker:
    tracker = DialogueStateTracker("conv-1", domain.slots)
    tracker.update(ActionExecuted("action_session_start"))
    tracker.update(SessionStarted())
    tracker.update(SlotSet("session_started_metadata", {"language": "fi", "user": "Mikko Virtanen"}))
    tracker.update(ActionExecuted("action_listen"))
    parse = {"text": MESSAGE, "intent": {"name": "inform_location", "confidence": 0.9},
             "entities": [{"entity": "municipality", "value": "Oulu", "start": MESSAGE.index("Oulussa"),
                           "end": MESSAGE.index("Oulussa") + len("Oulussa"), "extractor": "PlaceEntityExtractor"}]}
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
    assert message.text[entity["start"]:entity["end"]] == "Oulussa" and entity["value"] == "Oulu"
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
