"""The web chat's return code (bot/handoff/return_codes.py) on the channel side: the code is given to
the widget in its own frame, never through Rasa or the outbox (so it is stored nowhere in plain text),
and guesses are limited per client address and for all clients together.

    server → widget  {"type": "return_code", "code": "ACDE-FHJK", "days": 30}   after a message was left
    widget → server  {"type": "redeem", "code": "acde fhjk"}
    server → widget  {"type": "restored", "conversation": "web-…"}       then the left message and
                                                                       everything after it
                     {"type": "error", "reason": "code_unknown" | "code_limited"}
"""

from __future__ import annotations

import time
from functools import lru_cache
from typing import Callable, Optional

from connectors.limits import RateLimiter

CLIENT_WINDOW_SECONDS = 15 * 60
GLOBAL = "*"


class GuessLimiter:
    """At most `per_client` tries per address in 15 minutes and `per_minute` tries from everyone in a
    minute; every try counts, right or wrong, so the limit says nothing about which codes exist."""

    def __init__(self, per_client: int, per_minute: int, clock: Callable[[], float] = time.monotonic) -> None:
        self.clients = RateLimiter(per_client, window=CLIENT_WINDOW_SECONDS, clock=clock)
        self.everyone = RateLimiter(per_minute, window=60.0, clock=clock)

    def allow(self, client: str) -> bool:
        # The global budget is spent only by tries a client was allowed, so one flooding address
        # cannot lock everyone else out.
        return self.clients.allow(client or "?") and self.everyone.allow(GLOBAL)


@lru_cache(maxsize=1)
def guess_limiter() -> GuessLimiter:
    from bot.settings import get_settings

    settings = get_settings()
    return GuessLimiter(settings.return_code_tries_per_client, settings.return_code_tries_per_minute)


def left_a_message(replies: list[dict]) -> bool:
    """Whether this turn's replies confirm a message left for a guide (utter_handoff_message_left)."""
    return any((r.get("custom") or {}).get("type") == "handoff_message_left" for r in replies)


def client_address(request) -> str:
    """The client's address as Sanic sees it (behind a proxy: its forwarded address, when configured)."""
    return str(getattr(request, "remote_addr", "") or getattr(request, "ip", "") or "")


def code_frame(code: Optional[str]) -> Optional[dict]:
    """The frame that shows the code, with how many days it is valid (the widget words the rest)."""
    from bot.handoff.return_codes import shown
    from bot.settings import get_settings

    return {"type": "return_code", "code": shown(code), "days": get_settings().retention_days} if code else None
