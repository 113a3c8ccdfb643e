"""An in-memory directory: the fake for unit tests, and a cache-friendly twin of the SQL one."""

from __future__ import annotations

from typing import Iterable, Optional

from bot.directory.interface import ServiceDirectory
from bot.directory.loader import DirectoryData, read_data
from bot.directory.records import County, Service


class InMemoryDirectory(ServiceDirectory):
    def __init__(
        self, counties: Iterable[County] = (), services: Iterable[Service] = (), helplines: Iterable[Service] = ()
    ) -> None:
        self._counties = {c.code: c for c in counties}
        self._services = list(services)
        self._helplines = list(helplines)

    @classmethod
    def from_data(cls, data: Optional[DirectoryData] = None) -> "InMemoryDirectory":
        data = data or read_data()
        return cls(data.counties, data.services, data.helplines)

    def county(self, code: str) -> Optional[County]:
        return self._counties.get(code)

    def counties(self) -> list[County]:
        return sorted(self._counties.values(), key=lambda c: c.number)

    def services(self, county: Optional[str] = None, category: Optional[str] = None) -> list[Service]:
        return [
            s
            for s in self._services
            if (county is None or s.county == county) and (category is None or s.category == category)
        ]

    def service(self, service_id: str) -> Optional[Service]:
        return next((s for s in self._services + self._helplines if s.id == service_id), None)

    def all_helplines(self) -> list[Service]:
        return list(self._helplines)
