"""The service directory as actions see it: a small interface with a SQL and an in-memory implementation."""

from __future__ import annotations

from abc import ABC, abstractmethod
from datetime import datetime
from typing import Iterable, Optional, Sequence

from bot.directory.records import County, Match, Service


class ServiceDirectory(ABC):
    """Read access to counties, services and national helplines; ranking is shared."""

    @abstractmethod
    def county(self, code: str) -> Optional[County]:
        """One county by slug."""

    @abstractmethod
    def counties(self) -> list[County]:
        """All counties, Åland and Helsinki included."""

    @abstractmethod
    def services(self, county: Optional[str] = None, category: Optional[str] = None) -> list[Service]:
        """Regional services, optionally of one county and one category."""

    @abstractmethod
    def service(self, service_id: str) -> Optional[Service]:
        """One service or helpline by id."""

    @abstractmethod
    def all_helplines(self) -> list[Service]:
        """Every national helpline."""

    def helplines(self, kinds: Optional[Iterable[str]] = None) -> list[Service]:
        """National helplines, only of `kinds` and in their order when given."""
        lines = self.all_helplines()
        if kinds is None:
            return lines
        order = list(kinds)
        return sorted((h for h in lines if h.kind in order), key=lambda h: order.index(h.kind))  # type: ignore[arg-type]

    def lookup(
        self,
        category: str,
        area: Optional[str],
        municipality: Optional[str] = None,
        lang: str = "fi",
        now: Optional[datetime] = None,
        audience: str = "families",
        limit: int = 3,
    ) -> list[Match]:
        """The best services of a category for a place: most specific first.

        Services naming the person's municipality come first, then county-wide ones; services
        of the same county that name only other municipalities are used when nothing else
        exists. Within a tier: serves the person's language, suits the audience, has a phone.
        """
        if not area:
            return []
        candidates = self.services(county=area, category=category)
        ranked = sorted(candidates, key=lambda s: _rank(s, municipality, lang, audience))
        usable = [s for s in ranked if s.serves(municipality)] or ranked
        return [
            Match(
                service=s, open_now=s.hours.is_open(now), local=bool(municipality) and municipality in s.municipalities
            )
            for s in usable[:limit]
        ]

    def recommend(
        self,
        categories: Sequence[str],
        area: Optional[str],
        municipality: Optional[str] = None,
        lang: str = "fi",
        now: Optional[datetime] = None,
        audience: str = "families",
        limit: int = 3,
    ) -> list[Match]:
        """One best service per category, in the categories' order, up to `limit`."""
        chosen: list[Match] = []
        for category in categories:
            matches = self.lookup(category, area, municipality, lang, now, audience, limit=1)
            chosen.extend(m for m in matches if m.service.id not in {c.service.id for c in chosen})
            if len(chosen) >= limit:
                break
        return chosen[:limit]


def _rank(service: Service, municipality: Optional[str], lang: str, audience: str) -> tuple:
    if municipality and municipality in service.municipalities:
        tier = 0
    elif not service.municipalities:
        tier = 1
    else:
        tier = 2
    return (
        tier,
        lang not in service.languages,
        audience not in service.audience,
        service.phone is None,
        service.id,
    )
