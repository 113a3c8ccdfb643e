"""Input limits every channel applies before the bot sees a message: printable text, a length limit,
and a per-sender rate limit."""

from __future__ import annotations

import time
import unicodedata
from collections import OrderedDict, deque
from functools import lru_cache
from typing import Callable

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


class RateLimiter:
    """At most `per_minute` messages from one sender in any 60 seconds (sliding window).

    Kept in the memory of one Rasa instance: behind a load balancer with N instances and no sticky
    sessions a sender could reach N times the limit, which still stops a runaway client or a flood.
    The least recently seen senders are forgotten first when `max_senders` is reached."""

    def __init__(
        self,
        per_minute: int,
        window: float = 60.0,
        clock: Callable[[], float] = time.monotonic,
        max_senders: int = 50_000,
    ) -> None:
        self.per_minute = per_minute
        self.window = window
        self.clock = clock
        self.max_senders = max_senders
        self._seen: "OrderedDict[str, deque]" = OrderedDict()

    def allow(self, sender_id: str) -> bool:
        """Count this message; False when the sender is over the limit (0 switches the limit off)."""
        if self.per_minute <= 0:
            return True
        now = self.clock()
        times = self._seen.pop(sender_id, None) or deque()
        while times and times[0] <= now - self.window:
            times.popleft()
        self._seen[sender_id] = times
        while len(self._seen) > self.max_senders:
            self._seen.popitem(last=False)
        if len(times) >= self.per_minute:
            return False
        times.append(now)
        return True


@lru_cache(maxsize=1)
def rate_limiter() -> RateLimiter:
    """The process's limiter, from RATE_LIMIT_PER_MINUTE."""
    from bot.settings import get_settings

    return RateLimiter(get_settings().rate_limit_per_minute)
