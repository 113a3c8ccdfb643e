"""The SQL directory with a short-lived memory of its answers, for the action server.

The directory changes only when `python -m bot.directory load` runs, yet every recommendation asked
the database 4–6 times (~5 ms of the action server's time per recommendation, measured in
bench/README.md). Answers are now kept for `ttl` seconds: a new load is visible within a minute,
without a restart, and a database that briefly fails does not fail what was read just before.
"""

from __future__ import annotations

import time
from typing import Callable, Hashable, Optional

from sqlalchemy.engine import Engine

from bot.directory.records import County, Service
from bot.directory.sql import SqlDirectory

DEFAULT_TTL_SECONDS = 60.0


class CachedSqlDirectory(SqlDirectory):
    """SqlDirectory whose reads are remembered for `ttl` seconds; records are frozen, lists are copies.

    Shared by the actions' worker threads: a dict's get and set are atomic, and two threads that miss the
    same answer at once both read it and keep the later one."""

    def __init__(
        self, engine: Engine, ttl: float = DEFAULT_TTL_SECONDS, clock: Callable[[], float] = time.monotonic
    ) -> None:
        super().__init__(engine)
        self.ttl, self._clock = ttl, clock
        self._answers: dict[Hashable, tuple[float, object]] = {}

    def _remembered(self, key: Hashable, read: Callable[[], object]):
        now = self._clock()
        hit = self._answers.get(key)
        if hit is not None and now - hit[0] < self.ttl:
            return hit[1]
        value = read()
        self._answers[key] = (now, value)
        return value

    def county(self, code: str) -> Optional[County]:
        return self._remembered(("county", code), lambda: super(CachedSqlDirectory, self).county(code))

    def counties(self) -> list[County]:
        return list(self._remembered(("counties",), lambda: tuple(super(CachedSqlDirectory, self).counties())))

    def services(self, county: Optional[str] = None, category: Optional[str] = None) -> list[Service]:
        return list(
            self._remembered(
                ("services", county, category),
                lambda: tuple(super(CachedSqlDirectory, self).services(county, category)),
            )
        )

    def service(self, service_id: str) -> Optional[Service]:
        return self._remembered(("service", service_id), lambda: super(CachedSqlDirectory, self).service(service_id))

    def all_helplines(self) -> list[Service]:
        return list(self._remembered(("helplines",), lambda: tuple(super(CachedSqlDirectory, self).all_helplines())))
