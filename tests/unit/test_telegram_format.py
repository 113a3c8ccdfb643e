"""Telegram mappings: the keyed hash of the chat id, updates → Incoming, replies → HTML messages and keyboards."""

from __future__ import annotations

import time

from telegram import Update

from connectors import telegram_format as fmt

CARD_TEXT = (
    "Beroendevårdsteamet, Jakobstad\nÖppenvård för vuxna.\nTelefon: 040 805 1506\n"
    "Mer information: https://example.fi/beroende"
)
CARD = {
    "type": "service",
    "service_id": "x",
    "category": "adult_substance",
    "area": "pohjanmaa",
    "name": "Beroendevårdsteamet, Jakobstad",
    "phone": "040 805 1506",
    "url": "https://example.fi/beroende",
    "open_now": False,
}


def update(**message) -> Update:
    base = {
        "message_id": 1,
        "date": int(time.time()),
        "chat": {"id": 77, "type": "private"},
        "from": {"id": 77, "is_bot": False, "first_name": "T", "language_code": "sv-FI"},
    }
    return Update.de_json({"update_id": 1, "message": {**base, **message}}, None)


def test_the_conversation_id_is_a_keyed_hash_that_hides_the_chat_id():
    first = fmt.sender_id("key-1", 123456789)
    assert first == fmt.sender_id("key-1", 123456789)  # stable: the same person keeps the conversation
    assert first != fmt.sender_id("key-2", 123456789)  # without the key nobody can compute it
    assert first != fmt.sender_id("key-1", 123456788)
    assert "123456789" not in first and first.startswith("tg-") and len(first) == 35


def test_a_private_message_becomes_incoming_with_its_language():
    got = fmt.incoming(update(text="hej"))
    assert got == fmt.Incoming(chat_id=77, text="hej", language="sv")


def test_commands_are_recognised_also_with_the_bot_name():
    assert fmt.incoming(update(text="/start")).command == "/start"
    assert fmt.incoming(update(text="/help@viitta_bot")).command == "/help"
    assert fmt.incoming(update(text="/DELETE")).command == "/delete"
    assert fmt.incoming(update(text="/greet")).command is None  # a payload typed by hand goes to the bot


def test_group_chats_and_other_updates_are_ignored():
    assert fmt.incoming(update(text="hei", chat={"id": -5, "type": "group"})) is None
    assert fmt.incoming(Update.de_json({"update_id": 2}, None)) is None


def test_a_button_tap_carries_its_payload():
    tap = Update.de_json(
        {
            "update_id": 3,
            "callback_query": {
                "id": "cb1",
                "chat_instance": "1",
                "data": "/affirm",
                "from": {"id": 77, "is_bot": False, "first_name": "T", "language_code": "en"},
                "message": {"message_id": 1, "date": 0, "chat": {"id": 77, "type": "private"}},
            },
        },
        None,
    )
    assert fmt.incoming(tap) == fmt.Incoming(77, "/affirm", None, callback_query_id="cb1")


def test_languages_other_than_finnish_and_swedish_are_left_to_the_text():
    assert [fmt.language_of(c) for c in ("fi", "sv-FI", "en", None, "")] == ["fi", "sv", None, None, None]


def test_buttons_become_an_inline_keyboard():
    out = fmt.render_all(
        [
            {
                "recipient_id": "x",
                "text": "Vill du prata med en människa?",
                "buttons": [{"title": "Ja, tack", "payload": "/affirm"}, {"title": "Inte nu", "payload": "/deny"}],
            }
        ]
    )
    assert len(out) == 1 and out[0].text == "Vill du prata med en människa?"
    rows = out[0].keyboard.inline_keyboard
    assert [(r[0].text, r[0].callback_data) for r in rows] == [("Ja, tack", "/affirm"), ("Inte nu", "/deny")]


def test_a_payload_too_long_for_telegram_is_sent_as_the_buttons_title():
    long_payload = '/inform_location{"municipality": "' + "Pietarsaari" * 5 + '"}'
    assert fmt.callback_data("Jakobstad", long_payload) == "Jakobstad"
    assert len(fmt.callback_data("ä" * 60, "/" + "x" * 80).encode("utf-8")) <= 64


def test_a_service_card_is_one_formatted_message_with_phone_and_a_link_button():
    out = fmt.render_all([{"text": CARD_TEXT}, {"custom": CARD}])
    assert len(out) == 1
    assert out[0].text.startswith("<b>Beroendevårdsteamet, Jakobstad</b>\nÖppenvård för vuxna.")
    assert "040 805 1506" in out[0].text and out[0].text.count("Beroendevårdsteamet") == 1
    [[link]] = out[0].keyboard.inline_keyboard
    assert link.url == "https://example.fi/beroende" and "Beroendevårdsteamet" in link.text


def test_a_card_without_text_still_shows_phone_and_page():
    [out] = fmt.render({"custom": CARD})
    assert out.text == "<b>Beroendevårdsteamet, Jakobstad</b>\n040 805 1506\nhttps://example.fi/beroende"


def test_text_is_escaped_and_guides_emergencies_and_status_are_marked():
    [guide] = fmt.render({"text": "Hei <b>& tervetuloa"}, sender="guide", guide_name="Anna <3")
    assert guide.text == "💬 <b>Anna &lt;3</b>\nHei &lt;b&gt;&amp; tervetuloa"
    [emergency] = fmt.render({"text": "Soita 112.", "custom": {"type": "emergency", "numbers": ["112"]}})
    assert emergency.text == "🚨 <b>Soita 112.</b>"
    [status] = fmt.render({"text": "Palveluohjaaja liittyi.", "custom": {"type": "handoff_joined"}}, sender="system")
    assert status.text == "<i>Palveluohjaaja liittyi.</i>"
    assert fmt.render({"custom": {"type": "handoff_offer"}}) == []


def test_long_texts_are_split_within_telegrams_limit():
    text = "\n".join(f"rivi {i} " + "sana " * 30 for i in range(60))
    out = fmt.render({"text": text, "buttons": [{"title": "OK", "payload": "/affirm"}]})
    assert len(out) > 1 and all(len(o.text) <= 4096 for o in out)
    assert " ".join(o.text for o in out).split() == text.split()
    assert out[-1].keyboard and not any(o.keyboard for o in out[:-1])
