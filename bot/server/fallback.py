"""Replies a channel gives by itself, from domain.yml: the national helplines when the bot produced
nothing (action server down, an error inside Rasa), the emergency guidance when the crisis detector
found acute danger but the bot's answer did not start with it, and the input-limit notices."""

from __future__ import annotations

from functools import lru_cache

from bot.domain import load_domain

RESPONSE = "utter_directory_unavailable"
EMERGENCY = "utter_emergency"
CHECKIN = "utter_crisis_checkin"


def _variation(response: str, language: str) -> dict:
    lang = language if language in ("fi", "sv") else "fi"
    for variation in load_domain()["responses"][response]:
        if any(c.get("name") == "language" and c.get("value") == lang for c in variation.get("condition") or []):
            return variation
    raise KeyError(f"response {response!r} has no {lang!r} variation")


def message(response: str, language: str) -> dict:
    """The `language` variation of a domain response as one channel message (text, custom payload, buttons)."""
    variation = _variation(response, language)
    out = {"text": variation["text"]}
    if variation.get("custom"):
        out["custom"] = dict(variation["custom"])
    if variation.get("buttons"):
        out["buttons"] = [dict(b) for b in variation["buttons"]]
    return out


def reply(language: str, response: str = RESPONSE) -> list[dict]:
    return [message(response, language)]


def emergency(language: str, response: str = EMERGENCY) -> list[dict]:
    """The emergency response (112 and the crisis lines) as Rasa would send it: text (with the buttons),
    then the payload. `response` CHECKIN: the crisis net's check-in."""
    variation = _variation(response, language)
    first = {"text": variation["text"]}
    if variation.get("buttons"):
        first["buttons"] = [dict(b) for b in variation["buttons"]]
    return [first, {"custom": dict(variation["custom"])}]


def checkin(language: str) -> list[dict]:
    return emergency(language, CHECKIN)


@lru_cache(maxsize=2)
def _texts(response: str) -> frozenset[str]:
    return frozenset(v["text"] for v in load_domain()["responses"][response])


def _emergency_texts() -> frozenset[str]:
    return _texts(EMERGENCY)


def is_emergency(reply: dict) -> bool:
    """A part of the emergency response or of the check-in: its text or its `custom: {"type": "emergency"}`."""
    custom = reply.get("custom")
    return (
        (isinstance(custom, dict) and custom.get("type") == "emergency")
        or reply.get("text") in _emergency_texts()
        or reply.get("text") in _texts(CHECKIN)
    )


def _is_full(reply: dict) -> bool:
    custom = reply.get("custom")
    return reply.get("text") in _emergency_texts() or (
        isinstance(custom, dict) and custom.get("type") == "emergency" and custom.get("tier", "acute") == "acute"
    )


def emergency_first(replies: list[dict], language: str) -> list[dict]:
    """`replies` beginning with the full emergency guidance, said once (Rasa's own if it is already first);
    a check-in among them is dropped (the full guidance says more)."""
    if replies and _is_full(replies[0]):
        return replies
    return emergency(language) + [r for r in replies if not is_emergency(r)]


def checkin_first(replies: list[dict], language: str) -> list[dict]:
    """`replies` beginning with the check-in, unless they already begin with emergency guidance of either tier."""
    if replies and is_emergency(replies[0]):
        return replies
    return checkin(language) + replies
