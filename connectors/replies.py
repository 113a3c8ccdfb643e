"""What the bot said, shaped once for every channel that renders it (web chat, Telegram).

Rasa's collecting output channel splits one utterance with text and a `custom` payload into two
messages; channels render them as one (a service card is its text plus the card's fields).
"""

from __future__ import annotations

from typing import Any, Iterable

# Keys of a Rasa reply a channel may render; recipient_id and the like stay inside the server.
RENDERED_KEYS = ("text", "buttons", "custom", "image")


def clean(reply: dict) -> dict:
    """Only the renderable parts of one reply, with empty parts dropped."""
    return {k: reply[k] for k in RENDERED_KEYS if reply.get(k) not in (None, "", [], {})}


def join(replies: Iterable[dict]) -> list[dict]:
    """Clean replies, a custom-only reply merged into the text-only reply right before it
    (that is how Rasa splits one utterance)."""
    joined: list[dict] = []
    for reply in map(clean, replies):
        if not reply:
            continue
        previous = joined[-1] if joined else None
        if previous is not None and set(reply) == {"custom"} and "custom" not in previous and previous.get("text"):
            previous["custom"] = reply["custom"]
        else:
            joined.append(dict(reply))
    return joined


def custom_type(reply: dict) -> str:
    """The `custom.type` of a reply, or "" when it has none."""
    custom = reply.get("custom")
    return custom.get("type", "") if isinstance(custom, dict) else ""


def buttons(reply: dict) -> list[tuple[str, str]]:
    """(title, payload) of each well-formed button of a reply."""
    found = []
    for button in reply.get("buttons") or []:
        if isinstance(button, dict) and isinstance(button.get("title"), str):
            payload: Any = button.get("payload")
            found.append((button["title"], payload if isinstance(payload, str) and payload else button["title"]))
    return found
