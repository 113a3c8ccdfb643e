"""Structured opening hours: parse the directory's notation, tell whether a service is open now.

Notation in the YAML files: `open: "24/7"` or a list of `{days: mon-fri, from: "08:00", to: "16:00"}`.
Day names are English three-letter codes; ranges and comma lists are allowed ("mon-thu", "sat,sun").
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, time
from typing import Any, Optional
from zoneinfo import ZoneInfo

HELSINKI = ZoneInfo("Europe/Helsinki")
_DAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
# Weekday abbreviations as Finnish and Finland-Swedish service pages print them (locale data).
_DAY_LABELS = {
    "fi": ("ma", "ti", "ke", "to", "pe", "la", "su"),
    "sv": ("mån", "tis", "ons", "tor", "fre", "lör", "sön"),
}
_ALWAYS = {"fi": "24/7, ympäri vuorokauden", "sv": "24/7, dygnet runt"}


@dataclass(frozen=True)
class TimeRange:
    days: tuple[int, ...]  # 0 = Monday
    start: time
    end: time  # 00:00 as an end means midnight

    def contains(self, moment: datetime) -> bool:
        if moment.weekday() not in self.days:
            return False
        now = moment.time()
        if self.end == time(0, 0):
            return now >= self.start
        return self.start <= now < self.end


@dataclass(frozen=True)
class OpeningHours:
    always: bool = False
    ranges: tuple[TimeRange, ...] = ()

    @property
    def known(self) -> bool:
        return self.always or bool(self.ranges)

    def is_open(self, moment: Optional[datetime] = None) -> Optional[bool]:
        """True/False, or None when the hours are not known."""
        if self.always:
            return True
        if not self.ranges:
            return None
        moment = (moment or datetime.now(HELSINKI)).astimezone(HELSINKI)
        return any(r.contains(moment) for r in self.ranges)

    def describe(self, lang: str) -> str:
        """'ma–pe 8–16, la 10–14' / 'mån–fre 8–16'; empty when unknown."""
        lang = lang if lang in _DAY_LABELS else "fi"
        if self.always:
            return _ALWAYS[lang]
        return ", ".join(
            f"{_days_label(r.days, lang)} {_clock(r.start, start=True)}–{_clock(r.end)}" for r in self.ranges
        )

    def as_data(self) -> Any:
        """Back to the YAML notation (for storage and export)."""
        if self.always:
            return "24/7"
        return [
            {"days": _days_code(r.days), "from": r.start.strftime("%H:%M"), "to": r.end.strftime("%H:%M")}
            for r in self.ranges
        ]


def parse_hours(spec: Any) -> OpeningHours:
    """Parse `"24/7"`, a list of ranges, or nothing."""
    if not spec:
        return OpeningHours()
    if isinstance(spec, str):
        if spec.strip() in ("24/7", "24h"):
            return OpeningHours(always=True)
        raise ValueError(f"unknown opening hours {spec!r}")
    ranges = []
    for item in spec:
        start, end = _parse_time(item["from"]), _parse_time(item["to"])
        ranges.append(TimeRange(_parse_days(item["days"]), start, end))
    return OpeningHours(ranges=tuple(ranges))


def _parse_time(value: Any) -> time:
    text = str(value).replace(".", ":")
    if text in ("24:00", "24"):
        return time(0, 0)
    hours, _, minutes = text.partition(":")
    return time(int(hours), int(minutes or 0))


def _parse_days(spec: str) -> tuple[int, ...]:
    spec = str(spec).lower().strip()
    if spec in ("daily", "every day", "mon-sun"):
        return tuple(range(7))
    days: list[int] = []
    for part in spec.split(","):
        first, _, last = part.strip().partition("-")
        a = _DAYS.index(first.strip())
        b = _DAYS.index(last.strip()) if last else a
        days.extend(range(a, b + 1))
    return tuple(sorted(set(days)))


def _days_label(days: tuple[int, ...], lang: str) -> str:
    labels = _DAY_LABELS[lang]
    if len(days) > 1 and list(days) == list(range(days[0], days[-1] + 1)):
        return f"{labels[days[0]]}–{labels[days[-1]]}"
    return ", ".join(labels[d] for d in days)


def _days_code(days: tuple[int, ...]) -> str:
    if len(days) > 1 and list(days) == list(range(days[0], days[-1] + 1)):
        return f"{_DAYS[days[0]]}-{_DAYS[days[-1]]}"
    return ",".join(_DAYS[d] for d in days)


def _clock(t: time, start: bool = False) -> str:
    if t == time(0, 0):
        return "0" if start else "24"  # midnight starts a day at 0 and ends one at 24
    return f"{t.hour}" if t.minute == 0 else f"{t.hour}.{t.minute:02d}"
