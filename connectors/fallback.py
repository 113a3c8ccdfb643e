"""The reply of last resort: when the bot produced nothing (action server down, an error inside Rasa),
the person still gets the national helplines in their language."""
from __future__ import annotations

from functools import lru_cache

import yaml

from bot.actions.texts import render
from bot.settings import ROOT

RESPONSE = "utter_directory_unavailable"


@lru_cache(maxsize=1)
def _domain() -> dict:
    return yaml.safe_load((ROOT / "domain.yml").read_text(encoding="utf-8"))


def reply(language: str) -> list[dict]:
    lang = language if language in ("fi", "sv") else "fi"
    return [{"text": render(_domain(), RESPONSE, lang)}]


def emergency(language: str) -> list[dict]:
    """The emergency response (112 and the crisis lines) as Rasa would send it: text, then the payload."""
    lang = language if language in ("fi", "sv") else "fi"
    variation = next(v for v in _domain()["responses"]["utter_emergency"]
                     if {"name": "language", "value": lang, "type": "slot"} in v["condition"])
    return [{"text": variation["text"]}, {"custom": variation["custom"]}]
