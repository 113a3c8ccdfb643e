"""The understood-situation line of a recommendation, assembled from the domain's fi/sv fragments."""

from __future__ import annotations

from typing import Optional

from bot.actions.texts import render
from bot.situation.describe import fragments


def understood_line(domain: dict, situation: dict, needs: list[str], place: Optional[str], lang: str) -> str:
    """ "olet raskaana, puolisosi käyttää päihteitä, kunta: Kemi" (without the "Ymmärsin:" of the response)."""
    parts = []
    for response, values in fragments(situation, needs, place):
        try:
            parts.append(render(domain, response, lang, **values))
        except KeyError:  # a fragment the domain lacks is left out rather than breaking the answer
            continue
    return ", ".join(dict.fromkeys(parts))
