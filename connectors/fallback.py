"""Replies a channel gives by itself, from domain.yml: the national helplines when the bot produced
nothing (action server down, an error inside Rasa), the emergency guidance when the crisis detector
found acute danger but the bot's answer did not start with it, and the input-limit notices."""
from __future__ import annotations

from functools import lru_cache

import yaml

from bot.settings import ROOT

RESPONSE = "utter_directory_unavailable"
EMERGENCY = "utter_emergency"


@lru_cache(maxsize=1)
def _domain() -> dict:
    return yaml.safe_load((ROOT / "domain.yml").read_text(encoding="utf-8"))


def message(response: str, language: str) -> dict:
    """The `language` variation of a domain response as a channel message (text, custom payload, buttons)."""
    lang = language if language in ("fi", "sv") else "fi"
    for variation in _domain()["responses"][response]:
        if any(c.get("name") == "language" and c.get("value") == lang for c in variation.get("condition") or []):
            out = {"text": variation["text"]}
            if variation.get("custom"):
                out["custom"] = dict(variation["custom"])
            if variation.get("buttons"):
                out["buttons"] = [dict(b) for b in variation["buttons"]]
            return out
    raise KeyError(f"response {response!r} has no {lang!r} variation")


def reply(language: str, response: str = RESPONSE) -> list[dict]:
    return [message(response, language)]


def is_emergency(reply: dict) -> bool:
    custom = reply.get("custom")
    return isinstance(custom, dict) and custom.get("type") == "emergency"


def emergency_first(replies: list[dict], language: str) -> list[dict]:
    """`replies` beginning with the emergency guidance (said once)."""
    if replies and is_emergency(replies[0]):
        return replies
    return [message(EMERGENCY, language)] + [r for r in replies if not is_emergency(r)]
