"""Render a response's text from the domain, for pieces that Python assembles (the understood line's
fragments, the Telegram channel's own messages).

The words stay in domain.yml with their fi and sv variations; Python only picks and fills them. UI labels
(the service card's field names, the handoff summary) are in bot/labels.yml instead.
"""

from __future__ import annotations

from typing import Any


def render(domain: dict, response: str, lang: str, **values: Any) -> str:
    """The `lang` variation of `response`, filled with `values`."""
    variations = (domain.get("responses") or {}).get(response) or []
    for variation in variations:
        conditions = variation.get("condition") or []
        if any(c.get("name") == "language" and c.get("value") == lang for c in conditions):
            return variation["text"].format(**values)
    raise KeyError(f"response {response!r} has no {lang!r} variation")
