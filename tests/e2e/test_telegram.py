"""The Telegram channel against a local stand-in of the Bot API, through the real Viitta processes:
webhook mode on the session's stack (conftest.TELEGRAM), polling mode on a stack of its own."""

from __future__ import annotations

import html
import json
import random
import sqlite3
from pathlib import Path

import pytest
import requests
from sqlalchemy.engine import make_url

from bot.db import make_engine
from bot.handoff import messages
from connectors.telegram_format import sender_id
from tests.e2e.conftest import TELEGRAM, running_viitta, stack_env, text_of

TOKEN = TELEGRAM["TELEGRAM_TOKEN"]
POLLING_TOKEN = "654321:e2e-polling"
POLLING_KEY = "e2e-polling-key"
SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"


def new_chat() -> int:
    return random.randint(10**8, 10**9)


def post_update(base: str, update: dict, secret: str | None = TELEGRAM["TELEGRAM_SECRET"]) -> requests.Response:
    headers = {SECRET_HEADER: secret} if secret is not None else {}
    return requests.post(
        f"{base}/webhooks/telegram/webhook",
        json={"update_id": random.randint(1, 10**6), **update},
        headers=headers,
        timeout=30,
    )


def sent_to(api, token: str, chat: int, count: int = 1, containing: str = "") -> list[dict]:
    """The sendMessage calls to a chat (waiting for `count` of them, or one containing a text)."""
    return api.wait_for(
        token,
        "sendMessage",
        lambda c: c["chat_id"] == str(chat) and containing in html.unescape(c["text"]),
        count=count,
    )


def keyboard(call: dict) -> list[dict]:
    markup = call.get("reply_markup")
    return [b for row in json.loads(markup)["inline_keyboard"] for b in row] if markup else []


def events_of(tracker_url: str, conversation: str) -> int:
    with sqlite3.connect(make_url(tracker_url).database) as db:
        return db.execute("select count(*) from events where sender_id = ?", (conversation,)).fetchone()[0]


def test_the_webhook_refuses_a_missing_or_wrong_secret(viitta, telegram_api):
    chat = new_chat()
    for secret in (None, "", "wrong-secret"):
        response = post_update(viitta, telegram_api.text_update(chat, "/start"), secret)
        assert response.status_code == 403
    # The webhook answers before it returns: a refused update has caused nothing.
    assert [c for c in telegram_api.calls(TOKEN, "sendMessage") if c["chat_id"] == str(chat)] == []
    assert post_update(viitta, telegram_api.text_update(chat, "/start")).status_code == 200
    assert [c for c in telegram_api.calls(TOKEN, "sendMessage") if c["chat_id"] == str(chat)]


def test_a_finnish_conversation_with_buttons_and_service_cards(viitta, telegram_api):
    chat = new_chat()
    assert post_update(viitta, telegram_api.text_update(chat, "/start", "fi")).status_code == 200
    greeting = sent_to(telegram_api, TOKEN, chat, containing=text_of("utter_greet", "fi")[:40])[0]
    assert greeting["parse_mode"] == "HTML"
    topics = keyboard(greeting)
    assert {b["callback_data"] for b in topics} >= {"/substance_use_family", "/family_support"}
    # Tapping a button: the tap is acknowledged and its payload reaches the bot.
    tap = telegram_api.button_update(chat, "/substance_use_family")
    assert post_update(viitta, tap).status_code == 200
    telegram_api.wait_for(TOKEN, "answerCallbackQuery", lambda c: c["callback_query_id"] == tap["callback_query"]["id"])
    sent_to(telegram_api, TOKEN, chat, containing=text_of("utter_ask_area", "fi")[:30])
    assert post_update(viitta, telegram_api.text_update(chat, "asutaan pietarsaaressa")).status_code == 200
    offer = sent_to(telegram_api, TOKEN, chat, containing=text_of("utter_offer_handoff", "fi")[:40])[0]
    assert [b["callback_data"] for b in keyboard(offer)] == ["/affirm", "/deny"]
    cards = [
        c for c in telegram_api.calls(TOKEN, "sendMessage") if c["chat_id"] == str(chat) and c["text"].startswith("<b>")
    ]
    assert 1 <= len(cards) <= 3
    assert any("040 805 1506" in c["text"] for c in cards)  # the phone is in the card
    assert all(keyboard(c) and keyboard(c)[0]["url"].startswith("http") for c in cards)  # the web page, one tap


def test_a_swedish_telegram_app_gets_swedish(viitta, telegram_api):
    chat = new_chat()
    post_update(viitta, telegram_api.text_update(chat, "/start", "sv"))
    sent_to(telegram_api, TOKEN, chat, containing=text_of("utter_greet", "sv")[:40])
    post_update(viitta, telegram_api.text_update(chat, "/help", "sv"))
    sent_to(telegram_api, TOKEN, chat, containing=text_of("utter_capabilities", "sv")[:40])


def test_the_language_command_offers_both_languages(viitta, telegram_api):
    chat = new_chat()
    post_update(viitta, telegram_api.text_update(chat, "/start", "fi"))
    post_update(viitta, telegram_api.text_update(chat, "/language", "fi"))
    chooser = sent_to(telegram_api, TOKEN, chat, containing=text_of("utter_choose_language", "fi"))[0]
    swedish = [b for b in keyboard(chooser) if b["text"] == "På svenska"][0]
    post_update(viitta, telegram_api.button_update(chat, swedish["callback_data"], "fi"))
    sent_to(telegram_api, TOKEN, chat, containing=text_of("utter_language_changed", "sv"))


def test_the_conversation_id_is_a_keyed_hash_of_the_chat(viitta, viitta_env, telegram_api):
    chat = new_chat()
    post_update(viitta, telegram_api.text_update(chat, "/start"))
    sent_to(telegram_api, TOKEN, chat)
    conversation = sender_id(TELEGRAM["TELEGRAM_ID_KEY"], chat)
    assert events_of(viitta_env["TRACKER_STORE_URL"], conversation) > 0
    with sqlite3.connect(make_url(viitta_env["TRACKER_STORE_URL"]).database) as db:
        ids = [row[0] for row in db.execute("select distinct sender_id from events")]
    assert not any(str(chat) in i for i in ids)


def test_a_guides_message_is_pushed_to_the_chat(viitta, viitta_env, telegram_api):
    chat = new_chat()
    post_update(viitta, telegram_api.text_update(chat, "/start"))
    sent_to(telegram_api, TOKEN, chat)
    engine = make_engine(viitta_env["DATABASE_URL"])
    conversation = sender_id(TELEGRAM["TELEGRAM_ID_KEY"], chat)
    messages.post(
        engine,
        conversation,
        "guide",
        {"text": "Hei, olen palveluohjaaja <Anna>. Miten voin auttaa?"},
        guide_name="Anna",
    )
    pushed = sent_to(telegram_api, TOKEN, chat, containing="Miten voin auttaa?")
    assert len(pushed) == 1 and "<b>Anna</b>" in pushed[0]["text"] and "&lt;Anna&gt;" in pushed[0]["text"]
    engine.dispose()


def test_delete_forgets_the_conversation_and_stop_says_goodbye(viitta, viitta_env, telegram_api):
    chat = new_chat()
    conversation = sender_id(TELEGRAM["TELEGRAM_ID_KEY"], chat)
    post_update(viitta, telegram_api.text_update(chat, "/start"))
    post_update(viitta, telegram_api.text_update(chat, "/stop"))
    sent_to(telegram_api, TOKEN, chat, containing=text_of("utter_goodbye", "fi")[:40])
    assert events_of(viitta_env["TRACKER_STORE_URL"], conversation) > 0
    post_update(viitta, telegram_api.text_update(chat, "/delete"))
    sent_to(telegram_api, TOKEN, chat, containing=text_of("utter_conversation_deleted", "fi")[:40])
    assert events_of(viitta_env["TRACKER_STORE_URL"], conversation) == 0
    engine = make_engine(viitta_env["DATABASE_URL"])
    messages.post(engine, conversation, "guide", {"text": "tämä ei saa lähteä"})
    assert all(cid != conversation for cid, *_ in messages.undelivered(engine, "telegram"))  # no address kept
    engine.dispose()


@pytest.fixture(scope="module")
def polling_viitta(tmp_path_factory, telegram_api):
    tmp: Path = tmp_path_factory.mktemp("viitta-polling")
    env = stack_env(
        tmp,
        TELEGRAM_TOKEN=POLLING_TOKEN,
        TELEGRAM_ID_KEY=POLLING_KEY,
        TELEGRAM_MODE="polling",
        TELEGRAM_API_URL=telegram_api.url,
    )
    with running_viitta(env, tmp) as running:
        yield running.base, env


def test_polling_mode_answers_updates_and_pushes_a_guides_message(polling_viitta, telegram_api):
    base, env = polling_viitta
    telegram_api.wait_for(POLLING_TOKEN, "deleteWebhook")
    chat = new_chat()
    telegram_api.queue_update(
        POLLING_TOKEN,
        telegram_api.text_update(chat, "min sambo dricker mycket och vi har en bebis, vi bor i Jakobstad", "sv"),
    )
    sent_to(telegram_api, POLLING_TOKEN, chat, containing=text_of("utter_offer_handoff", "sv")[:40])
    assert any(
        c["text"].startswith("<b>")
        for c in telegram_api.calls(POLLING_TOKEN, "sendMessage")
        if c["chat_id"] == str(chat)
    )
    engine = make_engine(env["DATABASE_URL"])
    messages.post(engine, sender_id(POLLING_KEY, chat), "guide", {"text": "Hej, jag heter Stina."}, guide_name="Stina")
    sent_to(telegram_api, POLLING_TOKEN, chat, containing="Hej, jag heter Stina.")
    engine.dispose()
    # No webhook in polling mode: nothing accepts updates over HTTP.
    assert (
        requests.post(
            f"{base}/webhooks/telegram/webhook", json={"update_id": 1}, timeout=10, headers={SECRET_HEADER: "x"}
        ).status_code
        == 404
    )
