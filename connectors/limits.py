"""Input limits every channel applies before the bot sees a message."""
from __future__ import annotations

import unicodedata

MAX_MESSAGE_CHARS = 2000


def clean(text: object) -> str:
    """Printable text only: control and other non-printing characters become spaces, so binary junk
    reaches the bot as (mostly) nothing and is answered politely instead of crashing a component."""
    if not isinstance(text, str):
        return ""
    kept = [ch if ch in "\n\t" or unicodedata.category(ch)[0] not in ("C",) else " " for ch in text]
    return " ".join("".join(kept).split())


def truncate(text: str, limit: int = MAX_MESSAGE_CHARS) -> tuple[str, bool]:
    """(text cut to the limit at a word boundary, whether it was cut)."""
    if len(text) <= limit:
        return text, False
    cut = text[:limit]
    space = cut.rfind(" ")
    return (cut[:space] if space > limit * 0.8 else cut), True
