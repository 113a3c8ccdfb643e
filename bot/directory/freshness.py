"""How full and how fresh each county's directory is: categories, records, with a phone, with a way in,
needing the county's review, checked longer ago than the limit, named contacts whose source is old.

One computation for `validate`, the owners' page and the table in bot/directory/data/README.md.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date
from typing import Iterable, Optional

from bot.directory.records import CATEGORIES, County, Service

REGIONAL_CATEGORIES = tuple(c for c in CATEGORIES if c != "crisis_line")


@dataclass(frozen=True)
class CountyFreshness:
    county: str
    categories: int  # of len(REGIONAL_CATEGORIES)
    records: int
    with_phone: int
    with_way_in: int  # a phone, an e-mail or the county's `how_to_reach`
    review: int
    stale: int  # checked more than `stale_months` ago
    stale_contacts: int  # named contacts whose source is older than `stale_months`

    @property
    def phone_share(self) -> str:
        return f"{round(100 * self.with_phone / self.records)} %" if self.records else "–"


def months_before(day: date, months: int) -> date:
    """The same calendar day `months` earlier (the month's last day when it has no such day)."""
    year, month = divmod(day.year * 12 + day.month - 1 - months, 12)
    return date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))


def has_way_in(s: Service) -> bool:
    return bool(s.phone or s.email or s.how_to_reach)


def per_county(
    counties: Iterable[County], services: Iterable[Service], today: Optional[date] = None, stale_months: int = 12
) -> list[CountyFreshness]:
    """One row per county, in the counties' order; counties without records get a row of zeros."""
    today = today or date.today()
    limit = months_before(today, stale_months)
    by_county: dict[str, list[Service]] = {}
    for s in services:
        if s.county:
            by_county.setdefault(s.county, []).append(s)
    rows = []
    for c in counties:
        mine = by_county.get(c.code, [])
        rows.append(
            CountyFreshness(
                county=c.code,
                categories=len({s.category for s in mine} & set(REGIONAL_CATEGORIES)),
                records=len(mine),
                with_phone=sum(1 for s in mine if s.phone),
                with_way_in=sum(1 for s in mine if has_way_in(s)),
                review=sum(1 for s in mine if s.review),
                stale=sum(1 for s in mine if s.checked < limit),
                stale_contacts=sum(1 for s in mine for p in s.contacts if p.dated < limit),
            )
        )
    return rows


def as_table(rows: list[CountyFreshness], names: Optional[dict[str, str]] = None, stale_months: int = 12) -> str:
    """Plain-text columns for the terminal."""
    names = names or {}
    head = (
        "county",
        f"categories/{len(REGIONAL_CATEGORIES)}",
        "records",
        "with phone",
        "way in",
        "review",
        f">{stale_months} mo",
        "old contacts",
    )
    body = [
        (
            names.get(r.county, r.county),
            str(r.categories),
            str(r.records),
            f"{r.with_phone} ({r.phone_share})",
            str(r.with_way_in),
            str(r.review),
            str(r.stale),
            str(r.stale_contacts),
        )
        for r in rows
    ]
    widths = [max(len(h), *(len(b[i]) for b in body)) if body else len(h) for i, h in enumerate(head)]
    lines = ["  ".join(h.ljust(w) for h, w in zip(head, widths)), "  ".join("-" * w for w in widths)]
    lines += ["  ".join(v.ljust(w) for v, w in zip(b, widths)) for b in body]
    return "\n".join(lines)
