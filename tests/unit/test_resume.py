"""The handoff resume loop (bot.server.resume) runs in the Rasa server whichever chat channels it has: with
credentials.yml's channels but the REST channel removed, a chat a guide ended still comes back to the bot,
and the bot's words reach the outbox from which the web chat and Telegram deliver them."""

from __future__ import annotations

import asyncio
import socket
import time

import pytest
import yaml
from sanic import Sanic

from bot import settings
from bot.db import all_metadata
from bot.handoff import messages, service
from bot.server import relay
from bot.settings import ROOT
from tests.unit.test_relay import FakeAgent, FakeBot, _activate, _pause

REST = "connectors.rest.ViittaRestInput"


class Agent(FakeAgent):
    """What the channels find on app.ctx.agent; Rasa's message handler calls handle_message."""

    def __init__(self) -> None:
        super().__init__()
        self.bot = FakeBot(self)

    async def handle_message(self, message) -> None:
        await self.bot(message)


@pytest.fixture
def db(threaded_engine, monkeypatch):
    for metadata in all_metadata():
        metadata.create_all(threaded_engine)
    monkeypatch.setattr(relay, "shared_engine", lambda: threaded_engine)
    return threaded_engine


@pytest.fixture
def channels_without_rest(tmp_path, monkeypatch):
    """The input channels Rasa makes from credentials.yml with the REST channel taken out."""
    from rasa.core.run import create_http_input_channels

    monkeypatch.delenv("TELEGRAM_TOKEN", raising=False)  # Telegram stays inert
    settings.get_settings.cache_clear()
    credentials = yaml.safe_load((ROOT / "credentials.yml").read_text(encoding="utf-8"))
    del credentials[REST]
    path = tmp_path / "credentials.yml"
    path.write_text(yaml.safe_dump(credentials), encoding="utf-8")
    yield create_http_input_channels(None, str(path))
    settings.get_settings.cache_clear()


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


async def _serving(app: Sanic, port: int, until, timeout: float = 15) -> bool:
    """Run the app's server (its listeners included) until `until()` holds or time runs out."""
    server = await app.create_server(host="127.0.0.1", port=port, return_asyncio_server=True)
    await server.startup()
    await server.before_start()
    await server.after_start()
    try:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if await asyncio.to_thread(until):
                return True
            await asyncio.sleep(0.2)
        return False
    finally:
        await server.before_stop()
        server.close()
        await server.wait_closed()
        await server.after_stop()


def test_a_chat_a_guide_ended_comes_back_without_the_rest_channel(db, channels_without_rest, monkeypatch):
    from rasa.core.run import configure_app

    names = {channel.name() for channel in channels_without_rest}
    assert "rest" not in names and {"webchat", "telegram", "resume"} <= names

    agent = Agent()
    handoff = service.request(db, "web-p1", "lappi", "fi", channel="webchat")
    handoff = service.consent(db, handoff.id, {"county": "lappi", "language": "fi"})
    asyncio.run(_pause(agent, "web-p1"))
    service.end(db, _activate(db, handoff).id)  # the guide ends the chat in the console

    monkeypatch.setattr(Sanic, "test_mode", True)  # the app name may have been used by another test
    port = _free_port()
    app = configure_app(channels_without_rest, enable_api=False, port=port)
    app.ctx.agent = agent

    def back_with_the_bot() -> bool:
        return bool(messages.to_person(db, "web-p1"))

    assert asyncio.run(_serving(app, port, back_with_the_bot)), "the resume loop did not run"
    [delivered] = messages.to_person(db, "web-p1")
    assert (delivered.sender, delivered.body) == ("bot", {"text": "bot: /handoff_ended"})
    assert agent.bot.heard == [("/handoff_ended", "fi")] and service.get(db, handoff.id).resumed
    assert not asyncio.run(agent.tracker_store.retrieve("web-p1")).is_paused()
    assert app.ctx.viitta_resume_loop.done()  # stopped with the server
