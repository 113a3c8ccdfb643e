"""Input limits through the REST channel: a notice when a message was cut, a polite "slow down" over the
rate limit (never for someone in danger)."""

from __future__ import annotations

from tests.e2e.conftest import Chat, customs, text_of


def test_an_over_long_message_is_answered_with_a_notice(chat):
    replies = chat.say("mun mies juo joka ilta ja lapset pelkää. " * 120)  # ~5,000 characters
    assert replies[-1]["text"] == text_of("utter_message_truncated", "fi")
    assert len(replies) > 1  # the bot still answered the first part


def test_over_the_rate_limit_a_person_is_asked_to_slow_down_but_never_in_danger(viitta):
    chat = Chat(viitta)
    answers = [chat.say(f"moi {i}") for i in range(21)]  # the limit is 20 a minute
    assert all(a and a[0].get("text") != text_of("utter_slow_down", "fi") for a in answers[:20])
    assert answers[20] == [{"text": text_of("utter_slow_down", "fi")}]
    danger = chat.say("mies lyö mua nyt apua")
    assert danger[0]["text"] == text_of("utter_emergency", "fi") and customs(danger, "emergency")
