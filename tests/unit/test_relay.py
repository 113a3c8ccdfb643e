"""The guide relay in the Rasa server: Rasa's real tracker and lock stores, a stand-in for the bot, and
the real handoff database (SQLite and PostgreSQL)."""

from __future__ import annotations

import asyncio
from datetime import timedelta

import pytest
from rasa.core.channels.channel import UserMessage
from rasa.core.lock_store import InMemoryLockStore
from rasa.core.tracker_store import InMemoryTrackerStore
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, ConversationPaused, UserUttered

from bot.db import all_metadata
from bot.domain import load_domain
from bot.handoff import messages, service
from bot.handoff.service import utcnow
from bot.server import relay
from connectors import conversation


class FakeAgent:
    """Rasa's own in-memory tracker and lock stores, where the relay finds them on the agent."""

    def __init__(self) -> None:
        self.tracker_store = InMemoryTrackerStore(Domain.from_dict(load_domain()))
        self.lock_store = InMemoryLockStore()

    async def parse_message(self, text: str) -> dict:
        """A stand-in for the NLU model: "hätä" (danger) reads as an emergency, "💥" breaks it."""
        if "💥" in text:
            raise RuntimeError("model not loaded")
        return {"text": text, "intent": {"name": "emergency" if "hätä" in text else "family_support"}}


class FakeBot:
    """Answers every message with its text; silent while the tracker is paused, as Rasa is."""

    def __init__(self, agent: FakeAgent) -> None:
        self.agent, self.heard = agent, []

    async def __call__(self, message: UserMessage) -> None:
        tracker = await self.agent.tracker_store.get_or_create_tracker(message.sender_id)
        self.heard.append((message.text, (message.metadata or {}).get("language")))
        tracker.update(UserUttered(message.text))
        await self.agent.tracker_store.save(tracker)
        if not tracker.is_paused():
            await message.output_channel.send_text_message(message.sender_id, f"bot: {message.text}")


@pytest.fixture
def db(threaded_engine, monkeypatch):
    engine = threaded_engine
    for metadata in all_metadata():
        metadata.create_all(engine)
    monkeypatch.setattr(relay, "shared_engine", lambda: engine)
    monkeypatch.setattr(conversation, "shared_engine", lambda: engine)
    return engine


@pytest.fixture
def agent():
    return FakeAgent()


@pytest.fixture
def bot(agent):
    return FakeBot(agent)


def _run(coroutine):
    return asyncio.run(coroutine)


async def _pause(agent, sender):
    tracker = await agent.tracker_store.get_or_create_tracker(sender)
    tracker.update(ActionExecuted("action_start_handoff"))
    tracker.update(ConversationPaused())
    await agent.tracker_store.save(tracker)


def _start(db, agent, sender="p1", kind="live", language="fi"):
    handoff = service.request(db, sender, "lappi", language, kind=kind)
    handoff = service.consent(db, handoff.id, {"county": "lappi", "language": language})
    _run(_pause(agent, sender))
    return handoff


def _say(agent, bot, text, sender="p1"):
    return _run(conversation.converse(agent, bot, sender, text, "rest"))


@pytest.mark.parametrize(
    "text",
    [
        "lopeta",
        "Lopeta!",
        "  avsluta. ",
        "haluan lopettaa",
        "Jag vill sluta",
        "/cancel_handoff",
        "peru odotus",
        "avbryt",
    ],
)
def test_cancel_words_are_whole_messages(text):
    assert relay.is_cancel(text)


@pytest.mark.parametrize(
    "text", ["haluan lopettaa juomisen", "jag vill sluta dricka", "lopetan huomenna", "en halua lopettaa", "", "ok"]
)
def test_a_wish_to_stop_something_else_is_for_the_guide(text):
    assert not relay.is_cancel(text)


def test_without_a_handoff_the_bot_answers(db, agent, bot):
    assert _say(agent, bot, "hei") == [{"recipient_id": "p1", "text": "bot: hei"}]


def test_while_waiting_the_person_writes_to_the_guide_and_the_bot_is_silent(db, agent, bot):
    handoff = _start(db, agent)
    assert _say(agent, bot, "mun nimi on Maija, puh 040 123 4567") == []
    assert _say(agent, bot, "") == []  # nothing to pass on
    assert bot.heard == []
    [logged] = messages.history(db, "p1")
    assert (logged.sender, logged.handoff_id, logged.body) == (
        "person",
        handoff.id,
        {"text": "mun nimi on [name], puh [phone]"},
    )
    assert messages.to_person(db, "p1") == []  # the person's own words are not echoed back
    _activate(db, handoff)
    assert _say(agent, bot, "onko siellä joku?") == [] and bot.heard == []
    assert [m.body["text"] for m in messages.history(db, "p1")][-1] == "onko siellä joku?"


def test_cancel_gives_the_conversation_back_with_the_bots_word(db, agent, bot):
    handoff = _start(db, agent, language="sv")
    replies = _say(agent, bot, "avsluta")
    assert replies == [{"recipient_id": "p1", "text": "bot: /handoff_cancelled"}]
    assert bot.heard == [("/handoff_cancelled", "sv")]
    closed = service.get(db, handoff.id)
    assert closed.state == "cancelled" and closed.resumed
    tracker = _run(agent.tracker_store.retrieve("p1"))
    assert not tracker.is_paused() and messages.history(db, "p1") == []
    assert _say(agent, bot, "kiitos") == [{"recipient_id": "p1", "text": "bot: kiitos"}]


def test_a_guide_ending_the_chat_is_told_to_the_bot_once_and_its_words_go_to_the_outbox(db, agent, bot):
    handoff = _start(db, agent)
    service.end(db, _activate(db, handoff).id)
    assert _run(relay.tick(agent, bot, "rest", timedelta(minutes=30))) == 1
    assert bot.heard == [("/handoff_ended", "fi")]
    [delivered] = messages.to_person(db, "p1")
    assert (delivered.sender, delivered.body) == ("bot", {"text": "bot: /handoff_ended"})
    assert not _run(agent.tracker_store.retrieve("p1")).is_paused()
    assert _run(relay.tick(agent, bot, "rest", timedelta(minutes=30))) == 0 and len(bot.heard) == 1


def _activate(db, handoff):
    from sqlalchemy.orm import Session

    from bot.handoff.schema import GuideRow

    with Session(db) as session, session.begin():
        session.add(GuideRow(id=1, username="g1", display_name="Guide", password_hash="-", created_at=utcnow()))
    return service.take(db, handoff.id, 1)


def test_resuming_records_listening_so_rules_apply_to_the_next_message(db, agent):
    _run(_pause(agent, "p1"))
    _run(relay.resume_tracker(agent, "p1"))
    tracker = _run(agent.tracker_store.retrieve("p1"))
    assert not tracker.is_paused() and tracker.latest_action_name == "action_listen"


def test_a_person_who_writes_first_gets_the_bots_word_in_the_reply_not_twice(db, agent, bot):
    handoff = _start(db, agent)
    service.end(db, _activate(db, handoff).id)
    replies = _say(agent, bot, "oliko se siinä?")
    assert replies == [
        {"recipient_id": "p1", "text": "bot: /handoff_ended"},
        {"recipient_id": "p1", "text": "bot: oliko se siinä?"},
    ]
    assert messages.to_person(db, "p1") == []  # answered in the reply, so not in the outbox
    assert _run(relay.resume_closed(agent, bot, "rest")) == 0


def test_an_expired_wait_is_closed_and_told(db, agent, bot):
    handoff = _start(db, agent)
    assert _run(relay.tick(agent, bot, "rest", timedelta(minutes=30))) == 0  # not yet
    assert _run(relay.tick(agent, bot, "rest", timedelta(seconds=-1))) == 1
    assert service.get(db, handoff.id).state == "expired" and bot.heard == [("/handoff_expired", "fi")]


def test_a_request_never_consented_to_closes_silently(db, agent, bot):
    handoff = service.request(db, "p1", "lappi", "fi")
    assert _say(agent, bot, "hei") == [{"recipient_id": "p1", "text": "bot: hei"}]  # the bot is still asking
    service.expire(db, timedelta(seconds=-1))
    assert _run(relay.resume_closed(agent, bot, "rest")) == 1
    assert bot.heard == [("hei", None)] and service.get(db, handoff.id).resumed


def test_a_left_message_is_one_message_then_the_bot_confirms_and_is_back(db, agent, bot):
    handoff = _start(db, agent, kind="message", language="sv")
    replies = _say(agent, bot, "Vi behöver hjälp med vår son, ring inte")
    assert replies == [{"recipient_id": "p1", "text": "bot: /handoff_message_left"}]
    assert [m.body["text"] for m in messages.history(db, "p1")] == ["Vi behöver hjälp med vår son, ring inte"]
    assert service.get(db, handoff.id).state == "waiting"  # it waits in the queue for a guide
    assert _say(agent, bot, "tack") == [{"recipient_id": "p1", "text": "bot: tack"}]  # the bot has it again
    assert len(messages.history(db, "p1")) == 1
    # the guide answers later; the bot says so through the outbox
    guide_answer = messages.post(db, "p1", "guide", {"text": "Hej! Ring oss gärna."}, handoff.id, guide_name="Anna")
    service.end(db, _activate(db, handoff).id)
    _run(relay.tick(agent, bot, "rest", timedelta(minutes=30)))
    outbox = messages.to_person(db, "p1")
    assert [m.id for m in outbox][0] == guide_answer.id and outbox[1].body == {"text": "bot: /handoff_answered"}


def test_changing_ones_mind_about_the_message(db, agent, bot):
    handoff = _start(db, agent, kind="message")
    assert _say(agent, bot, "lopeta") == [{"recipient_id": "p1", "text": "bot: /handoff_cancelled"}]
    assert service.get(db, handoff.id).state == "cancelled" and messages.history(db, "p1") == []


def test_a_conversation_left_paused_without_a_handoff_recovers(db, agent, bot):
    _run(_pause(agent, "p1"))  # e.g. a crash between the guide's end and the resume
    assert _say(agent, bot, "hei") == [{"recipient_id": "p1", "text": "bot: hei"}]


def test_the_bot_still_answers_when_the_handoff_database_is_down(agent, bot, monkeypatch):
    from sqlalchemy import create_engine

    broken = create_engine("sqlite:////nonexistent-folder/x.db", future=True)
    monkeypatch.setattr(relay, "shared_engine", lambda: broken)
    monkeypatch.setattr(conversation, "shared_engine", lambda: broken)
    assert _say(agent, bot, "hei") == [{"recipient_id": "p1", "text": "bot: hei"}]


@pytest.mark.parametrize(
    "state, kind, intent",
    [
        ("ended", "live", "handoff_ended"),
        ("ended", "message", "handoff_answered"),
        ("cancelled", "live", "handoff_cancelled"),
        ("expired", "live", "handoff_expired"),
    ],
)
def test_the_bot_is_told_how_it_ended(state, kind, intent):
    from dataclasses import replace

    from bot.handoff.records import Handoff

    queued = Handoff(
        "h", "c", kind, state, "lappi", "fi", "rest", {}, None, None, utcnow(), utcnow(), None, utcnow(), False
    )
    assert relay.resume_intent(queued) == intent
    assert relay.resume_intent(replace(queued, queued_at=None)) is None  # never in a queue: nothing to say


def test_danger_while_nobody_has_joined_gets_the_emergency_numbers_and_reaches_the_guide(db, agent, bot):
    handoff = _start(db, agent, language="sv")
    replies = _say(agent, bot, "hätä, han slår mig nu")
    assert replies[0]["text"].startswith("Om du eller någon annan är i fara just nu, ring genast nödnumret 112")
    assert replies[1]["custom"]["type"] == "emergency" and bot.heard == []
    assert [m.body["text"] for m in messages.history(db, "p1")] == ["hätä, han slår mig nu"]
    assert _say(agent, bot, "💥 hätä") == []  # understanding failed: still logged, still silent
    _activate(db, handoff)
    assert _say(agent, bot, "hätä taas") == []  # a guide is there now and reads it
    assert len(messages.history(db, "p1")) == 3
