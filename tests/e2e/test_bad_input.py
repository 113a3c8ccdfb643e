"""Odd input gets a polite answer and the server stays up."""

from __future__ import annotations

import pytest
import requests

from tests.e2e.conftest import API, language_of


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        "\x00\x01\x02\ufffd binääri \x7f",
        "🙂🙂🙂",
        "'; DROP TABLE events; --",
        "?" * 50,
        "mun mies juo " * 400,  # ~5,000 characters
    ],
)
def test_odd_messages_get_an_answer(chat, viitta, text):
    replies = chat.say(text)
    assert replies, f"no reply to {text[:30]!r}"
    assert any(r.get("text") for r in replies)
    assert requests.get(f"{viitta}/status", params=API, timeout=5).status_code == 200


def test_gibberish_gets_the_fallback_with_a_way_to_a_human(chat):
    replies = chat.say("asdfgh qwerty zxcvb")
    texts = [r["text"] for r in replies if r.get("text")]
    assert language_of(texts[0]) == "fi"
    buttons = [b["payload"] for r in replies for b in r.get("buttons", [])]
    assert "/request_human" in buttons
