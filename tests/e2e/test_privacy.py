"""Privacy through the real servers: the bot uses what the person wrote, the store and the logs keep none of it."""

from __future__ import annotations

import sqlite3

import requests

from tests.e2e.conftest import API, Chat, customs

PERSONAL = ("Mikko", "Virtanen", "040 123 4567", "131052-308T", "Kauppakatu 12")
MESSAGE = (
    "moi, nimeni on Mikko Virtanen ja asun Kemissä, hetu 131052-308T, osoite Kauppakatu 12 B 4. "
    "mun mies juo joka päivä ja meillä on vauva, soita 040 123 4567"
)


def test_the_turn_uses_the_place_but_nothing_personal_is_stored(viitta, viitta_home):
    chat = Chat(viitta)
    answer = chat.say(MESSAGE)
    cards = customs(answer, "service")
    assert cards and cards[0]["area"] == "lappi"  # the place resolver read the unredacted message

    tracker = requests.get(f"{viitta}/conversations/{chat.sender}/tracker", params=API, timeout=10).json()
    stored = [e["text"] for e in tracker["events"] if e["event"] == "user"]
    assert stored and all(p not in stored[0] for p in PERSONAL)
    assert "[name] [name]" in stored[0] and "[hetu]" in stored[0] and "[phone]" in stored[0] and "Kemissä" in stored[0]

    with sqlite3.connect(viitta_home / "tracker.db") as db:
        rows = [r[0] for r in db.execute("SELECT data FROM events WHERE sender_id = ?", (chat.sender,))]
    assert rows and not any(p in row for row in rows for p in PERSONAL)


def test_the_log_has_no_message_text_and_no_sender_id(viitta, viitta_home):
    chat = Chat(viitta)
    phrase = "kirjoitan tämän lauseen vain lokitestiä varten"
    chat.say(phrase)  # the server logs a turn before it answers, and every record is flushed
    log = (viitta_home / "viitta.log").read_text(encoding="utf-8", errors="replace")
    assert "Rasa" in log or "action" in log.lower()  # it is the right file and it is being written
    assert phrase not in log and chat.sender not in log


def test_a_person_can_have_their_conversation_deleted(viitta, viitta_home, monkeypatch):
    from bot import settings
    from bot.privacy import retention

    chat = Chat(viitta)
    chat.say("mun mies juo ja asutaan Oulussa")
    monkeypatch.setenv("TRACKER_STORE_URL", f"sqlite:///{viitta_home / 'tracker.db'}")
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{viitta_home / 'app.db'}")
    settings.get_settings.cache_clear()
    try:
        retention.forget(chat.sender)
    finally:
        settings.get_settings.cache_clear()
    tracker = requests.get(f"{viitta}/conversations/{chat.sender}/tracker", params=API, timeout=10).json()
    assert [e for e in tracker["events"] if e["event"] == "user"] == []


def test_generated_messages_are_stored_redacted(viitta):
    """A sample of the generator's messages (tests/privacy/generated.py) through the REST channel into the
    real tracker store: what is stored is what the redactor makes of the message, and no identity code,
    phone number, e-mail address or IBAN is left."""
    from bot.privacy.redaction import redact
    from connectors.limits import clean
    from tests.privacy.generated import generate

    sample = [m for lang in ("fi", "sv") for m in generate(lang, 400, seed=29)[::10] if not m.text.startswith("/")]
    fixed_left, stored_as_redacted = [], 0
    for message in sample:
        chat = Chat(viitta)  # one conversation each: the rate limit counts per sender
        chat.say(message.text)
        tracker = requests.get(f"{viitta}/conversations/{chat.sender}/tracker", params=API, timeout=10).json()
        [stored] = [e["text"] for e in tracker["events"] if e["event"] == "user"]
        stored_as_redacted += stored == redact(clean(message.text))
        for span in message.spans:
            value = message.text[span.start : span.end]
            if span.kind in ("hetu", "phone", "email", "iban") and value in stored:
                fixed_left.append((span.kind, stored))
    assert len(sample) >= 60 and fixed_left == []
    assert stored_as_redacted == len(sample)
