"""Duty hours written as people write opening hours, in Finnish or Swedish (or English day names):

    "ma-pe 08:00-16:00"             "mån-fre 8-16"             "ma-to 8.00-16.00; pe 8-14"
    "ma-pe 8-11 12-16, la 10-14"    "" or "-" (no hours: only the manual switch)

A group is days (one day or a range) and one or more time ranges; groups are separated by ";" or ",".
"""

from __future__ import annotations

import re

DAY_NAMES = {
    0: ("ma", "maanantai", "må", "mån", "måndag", "mon", "monday"),
    1: ("ti", "tiistai", "tis", "tisdag", "tue", "tuesday"),
    2: ("ke", "keskiviikko", "on", "ons", "onsdag", "wed", "wednesday"),
    3: ("to", "torstai", "tor", "torsdag", "thu", "thursday"),
    4: ("pe", "perjantai", "fr", "fre", "fredag", "fri", "friday"),
    5: ("la", "lauantai", "lö", "lör", "lördag", "sat", "saturday"),
    6: ("su", "sunnuntai", "sö", "sön", "söndag", "sun", "sunday"),
}
_DAY = {name: number for number, names in DAY_NAMES.items() for name in names}
SHORT = {"fi": ("ma", "ti", "ke", "to", "pe", "la", "su"), "sv": ("må", "ti", "on", "to", "fr", "lö", "sö")}
_TIME = r"(\d{1,2})(?:[:.](\d{2}))?"
_RANGE = re.compile(rf"^{_TIME}\s*[-–]\s*{_TIME}$")
EMPTY = ("", "-", "–")


class HoursError(ValueError):
    """The text is not a list of duty hours (the message says where)."""


def _day(name: str) -> int:
    try:
        return _DAY[name.strip().lower().rstrip(".")]
    except KeyError:
        raise HoursError(f"unknown weekday {name!r}") from None


def _days(spec: str) -> list[int]:
    parts = re.split(r"\s*[-–]\s*", spec.strip())
    if len(parts) == 1:
        return [_day(parts[0])]
    if len(parts) == 2:
        first, last = _day(parts[0]), _day(parts[1])
        if last < first:
            raise HoursError(f"a day range runs forwards: {spec!r}")
        return list(range(first, last + 1))
    raise HoursError(f"not a day or a day range: {spec!r}")


def _hhmm(hours: str, minutes: str | None) -> str:
    h, m = int(hours), int(minutes or 0)
    if h > 24 or m > 59 or (h == 24 and m):
        raise HoursError(f"not a time of day: {hours}:{minutes or '00'}")
    return f"{h:02d}:{m:02d}"


def parse(text: str) -> list[tuple[int, str, str]]:
    """(weekday 0=Monday, "HH:MM", "HH:MM") ranges, sorted; raises HoursError on anything unclear."""
    if text.strip() in EMPTY:
        return []
    ranges: set[tuple[int, str, str]] = set()
    for group in re.split(r"[;,\n]", text):
        group = group.strip()
        if not group:
            continue
        # Days are everything before the first digit: "ma-pe 8-16", "mån - fre 08.00-16.00".
        match = re.match(r"^([^\d]+?)\s+(\d.*)$", group)
        if not match:
            raise HoursError(f"expected days and times, e.g. 'ma-pe 08:00-16:00': {group!r}")
        days = _days(match.group(1))
        for span in match.group(2).split():
            if span in ("-", "–"):
                continue
            time = _RANGE.match(span)
            if not time:
                raise HoursError(f"not a time range: {span!r}")
            opens, closes = _hhmm(time.group(1), time.group(2)), _hhmm(time.group(3), time.group(4))
            if opens >= closes:
                raise HoursError(f"a time range ends after it starts: {span!r}")
            ranges.update((day, opens, closes) for day in days)
    return sorted(ranges)


def describe(ranges: list[tuple[int, str, str]], lang: str = "fi") -> str:
    """The ranges written back compactly ("ma–pe 08:00–16:00"): consecutive days with the same times join."""
    names = SHORT["sv" if lang == "sv" else "fi"]
    by_day: dict[int, tuple[tuple[str, str], ...]] = {}
    for day, opens, closes in sorted(ranges):
        by_day[day] = by_day.get(day, ()) + ((opens, closes),)
    groups: list[tuple[int, int, tuple]] = []
    for day in sorted(by_day):
        if groups and groups[-1][1] == day - 1 and groups[-1][2] == by_day[day]:
            groups[-1] = (groups[-1][0], day, by_day[day])
        else:
            groups.append((day, day, by_day[day]))
    out = []
    for first, last, spans in groups:
        days = names[first] if first == last else f"{names[first]}–{names[last]}"
        out.append(days + " " + " ".join(f"{o}–{c}" for o, c in spans))
    return "; ".join(out)
