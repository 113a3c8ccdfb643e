"""The web chat and Telegram channels' own logic: reply joining, the widget's input checks, deleting a
conversation from Rasa's tracker stores, and Telegram's push delivery from the outbox (SQLite + PostgreSQL)."""

from __future__ import annotations

import asyncio
import contextlib

import pytest
from telegram.error import Forbidden, NetworkError

from bot.db import all_metadata, make_engine
from bot.handoff import messages
from connectors import replies, webchat


def test_a_custom_payload_is_joined_to_the_text_rasa_split_it_from():
    joined = replies.join(
        [
            {"recipient_id": "a", "text": "Kortti"},
            {"recipient_id": "a", "custom": {"type": "service"}},
            {"text": "Toinen", "buttons": [{"title": "OK", "payload": "/affirm"}]},
            {"custom": {"type": "handoff_offer"}},
            {"custom": {"type": "extra"}},
            {"recipient_id": "a"},
        ]
    )
    assert joined == [
        {"text": "Kortti", "custom": {"type": "service"}},
        {"text": "Toinen", "buttons": [{"title": "OK", "payload": "/affirm"}], "custom": {"type": "handoff_offer"}},
        {"custom": {"type": "extra"}},
    ]


def test_the_widget_may_only_name_conversations_viitta_could_have_made():
    made = webchat.new_conversation_id()
    assert webchat.conversation_from(made) == made and made != webchat.new_conversation_id()
    for other in (None, 5, "", "tg-" + "0" * 32, "web-" + "0" * 31, "web-" + "0" * 32, made + "x", "web-" + "G" * 32):
        assert webchat.conversation_from(other) is None


def test_only_language_and_county_metadata_reach_the_bot():
    assert webchat.metadata_from({"language": "sv", "county": "pohjanmaa", "slots": {"x": 1}}) == {
        "language": "sv",
        "county": "pohjanmaa",
    }
    assert webchat.metadata_from({"language": "en", "county": "<script>"}) == {}
    assert webchat.metadata_from("nonsense") == {}


def test_the_socket_accepts_its_own_pages_and_the_configured_origins_only():
    host = "viitta.example.fi"
    assert webchat.origin_allowed("https://viitta.example.fi", host, ())
    assert webchat.origin_allowed("https://www.lapha.fi", host, ("https://www.lapha.fi",))
    assert not webchat.origin_allowed("https://evil.example", host, ("https://www.lapha.fi",))
    assert webchat.origin_allowed("https://any.example", host, ("*",))
    assert webchat.origin_allowed(None, host, ())  # not a browser


# ---- deleting a conversation from Rasa's tracker stores ---------------------------------------------
def _tracker_with_events(sender: str):
    from rasa.shared.core.domain import Domain
    from rasa.shared.core.events import ActionExecuted, UserUttered
    from rasa.shared.core.trackers import DialogueStateTracker

    tracker = DialogueStateTracker.from_events(sender, [ActionExecuted("action_listen"), UserUttered("hei")])
    return tracker, Domain.empty()


@pytest.mark.parametrize("kind", ["sql", "memory"])
def test_a_conversation_is_deleted_from_the_tracker_store_and_others_stay(kind, tmp_path, monkeypatch):
    from rasa.core.tracker_store import AwaitableTrackerStore, InMemoryTrackerStore

    from bot.server.tracker_store import RedactingTrackerStore
    from connectors.forget import _delete_tracker, _unwrap

    monkeypatch.delenv("TRACKER_STORE_URL", raising=False)  # this test's database, not the surroundings'
    _, domain = _tracker_with_events("x")
    store = (
        RedactingTrackerStore(domain, dialect="sqlite", db=str(tmp_path / "tracker.db"))
        if kind == "sql"
        else InMemoryTrackerStore(domain)
    )
    wrapped = AwaitableTrackerStore(store)

    async def scenario():
        for sender in ("gone", "kept"):
            await wrapped.save(_tracker_with_events(sender)[0])
        _delete_tracker(_unwrap(wrapped), "gone")
        return await wrapped.retrieve("gone"), await wrapped.retrieve("kept")

    gone, kept = asyncio.run(scenario())
    assert gone is None and kept is not None and len(kept.events) == 2


def test_a_tracker_store_that_cannot_delete_is_refused_not_reported_deleted(tmp_path):
    from rasa.core.tracker_store import FailSafeTrackerStore, SQLTrackerStore

    from connectors.forget import _delete_tracker, _unwrap

    _, domain = _tracker_with_events("x")
    plain = SQLTrackerStore(domain, dialect="sqlite", db=str(tmp_path / "tracker.db"))  # Rasa's own, not redacting
    asyncio.run(plain.save(_tracker_with_events("kept")[0]))
    with pytest.raises(NotImplementedError, match="SQLTrackerStore"):
        _delete_tracker(_unwrap(FailSafeTrackerStore(plain)), "kept")
    assert asyncio.run(plain.retrieve("kept")) is not None


def test_the_copy_rasa_kept_in_memory_during_a_database_outage_is_deleted_too(tmp_path, monkeypatch):
    from rasa.core.tracker_store import AwaitableTrackerStore, FailSafeTrackerStore, InMemoryTrackerStore

    from bot.server.tracker_store import RedactingTrackerStore
    from connectors.forget import forget_conversation

    monkeypatch.delenv("TRACKER_STORE_URL", raising=False)
    monkeypatch.setattr("connectors.forget.messages.forget", lambda engine, sender: None)
    monkeypatch.setattr("connectors.forget.shared_engine", lambda: None)
    _, domain = _tracker_with_events("x")
    failsafe = FailSafeTrackerStore(RedactingTrackerStore(domain, dialect="sqlite", db=str(tmp_path / "t.db")))
    fallback = failsafe.fallback_tracker_store
    assert isinstance(fallback, InMemoryTrackerStore)

    class Agent:
        tracker_store = AwaitableTrackerStore(failsafe)

        class lock_store:  # noqa: N801 - the shape of Rasa's lock store
            @staticmethod
            @contextlib.asynccontextmanager
            async def lock(sender):
                yield

    async def scenario():
        for sender in ("gone", "kept"):
            await fallback.save(_tracker_with_events(sender)[0])  # written while the database was down
        await forget_conversation(Agent(), "gone")
        return await fallback.retrieve("gone"), await fallback.retrieve("kept")

    gone, kept = asyncio.run(scenario())
    assert gone is None and kept is not None


# ---- Telegram push delivery ---------------------------------------------------------------------
class FakeBot:
    def __init__(self, fail_first: Exception | None = None) -> None:
        self.sent: list[tuple[int, str]] = []
        self.fail = fail_first

    async def send_message(self, chat_id, text, **_kwargs):
        await asyncio.sleep(0)  # let another instance run in between, as over a network
        if self.fail is not None:
            error, self.fail = self.fail, None
            raise error
        self.sent.append((chat_id, text))


@pytest.fixture
def outbox(engine, tmp_path, monkeypatch):
    import connectors.telegram as telegram

    if engine.dialect.name == "sqlite":  # in-memory SQLite is one database per thread; the channel uses threads
        engine = make_engine(f"sqlite:///{tmp_path / 'app.db'}")
    for metadata in all_metadata():
        metadata.create_all(engine)
    monkeypatch.setattr(telegram, "shared_engine", lambda: engine)
    yield engine
    engine.dispose()


def _channel(bot: FakeBot):
    from connectors.telegram import TelegramInput

    channel = TelegramInput()
    channel.bot = bot
    return channel


def test_a_guides_message_is_pushed_once_to_the_remembered_chat(outbox):
    messages.remember_address(outbox, "tg-a", "telegram", "4242")
    messages.post(outbox, "tg-a", "guide", {"text": "Hei, olen Anna."}, guide_name="Anna")
    messages.post(outbox, "web-b", "guide", {"text": "not for telegram"})
    bot = FakeBot()
    channel = _channel(bot)
    assert asyncio.run(channel.deliver_pending()) == 1
    assert asyncio.run(channel.deliver_pending()) == 0
    assert bot.sent == [(4242, "💬 <b>Anna</b>\nHei, olen Anna.")]


def test_messages_from_before_the_address_was_known_are_not_pushed(outbox):
    messages.post(outbox, "tg-a", "bot", {"text": "earlier"})
    messages.remember_address(outbox, "tg-a", "telegram", "4242")
    assert asyncio.run(_channel(FakeBot()).deliver_pending()) == 0


def test_a_failed_send_is_retried_and_a_blocked_chat_is_skipped(outbox):
    messages.remember_address(outbox, "tg-a", "telegram", "1")
    messages.post(outbox, "tg-a", "guide", {"text": "eka"})
    flaky = FakeBot(fail_first=NetworkError("down"))
    channel = _channel(flaky)
    assert asyncio.run(channel.deliver_pending()) == 0
    assert asyncio.run(channel.deliver_pending()) == 1 and flaky.sent == [(1, "💬 eka")]
    messages.post(outbox, "tg-a", "guide", {"text": "toka"})
    blocked = FakeBot(fail_first=Forbidden("blocked"))
    assert asyncio.run(_channel(blocked).deliver_pending()) == 1 and blocked.sent == []
    assert messages.undelivered(outbox, "telegram") == []


def test_the_bots_text_and_card_after_a_handoff_arrive_as_one_message(outbox):
    messages.remember_address(outbox, "tg-a", "telegram", "1")
    messages.post(outbox, "tg-a", "bot", {"text": "Palvelu\nPuhelin: 040 1"})
    messages.post(
        outbox,
        "tg-a",
        "bot",
        {"custom": {"type": "service", "name": "Palvelu", "phone": "040 1", "url": "https://example.fi"}},
    )
    bot = FakeBot()
    assert asyncio.run(_channel(bot).deliver_pending()) == 1
    assert bot.sent == [(1, "<b>Palvelu</b>\nPuhelin: 040 1")]


def test_two_server_instances_never_send_a_message_twice(outbox):
    messages.remember_address(outbox, "tg-a", "telegram", "1")
    for i in range(6):
        messages.post(outbox, "tg-a", "guide", {"text": f"viesti {i}"})
    first, second = FakeBot(), FakeBot()

    async def both():
        await asyncio.gather(_channel(first).deliver_pending(), _channel(second).deliver_pending())
        await asyncio.gather(_channel(first).deliver_pending(), _channel(second).deliver_pending())

    asyncio.run(both())
    texts = [text for _, text in first.sent + second.sent]
    assert sorted(texts) == sorted(f"💬 viesti {i}" for i in range(6))
