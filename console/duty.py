"""A county's duty as the console shows and changes it, with its one access rule: a guide works on the
duty of their own counties (admins: of every county). Shared by the duty page (pages.py) and the JSON
API (api.py); the hours and the switch themselves are stored by bot.handoff.duty, which the bot reads.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

from sqlalchemy.engine import Engine

from bot.handoff import duty
from bot.places.registry import county_names
from console import hours_text
from console.accounts import Guide
from console.handoffs import ConsoleError, Forbidden, county_label

SWITCH_MODES = duty.SWITCH_MODES
Ranges = list[tuple[int, str, str]]


@dataclass(frozen=True)
class DutyState:
    county: str
    label: str  # the county's name in the console's language
    hours: str  # the weekly hours in words of that language ("" when none)
    ranges: Ranges  # (weekday 0=Monday, "HH:MM", "HH:MM")
    switch: str  # on, off or auto
    on_duty: bool


def allowed(guide: Guide, county: str) -> str:
    """`county` when the guide may see and change its duty, else ConsoleError("unknown_county") or
    Forbidden("forbidden")."""
    if county not in county_names():
        raise ConsoleError("unknown_county")
    if not guide.sees(county):
        raise Forbidden("forbidden")
    return county


def _state(engine: Engine, county: str, lang: str) -> DutyState:
    ranges = duty.hours(engine, county)
    return DutyState(
        county=county,
        label=county_label(county, lang),
        hours=hours_text.describe(ranges, lang),
        ranges=ranges,
        switch=duty.switch(engine, county),
        on_duty=duty.on_duty(engine, county),
    )


def state(engine: Engine, guide: Guide, county: str, lang: str) -> DutyState:
    return _state(engine, allowed(guide, county), lang)


def states(engine: Engine, guide: Guide, lang: str) -> list[DutyState]:
    """The duty of every county the guide works on (guide.visible_counties(), in that order)."""
    return [_state(engine, county, lang) for county in guide.visible_counties()]


def change(
    engine: Engine, guide: Guide, county: str, lang: str, hours: Optional[str] = None, mode: Optional[str] = None
) -> DutyState:
    """New weekly hours ('ma-pe 08:00-16:00; la 10-14', fi, sv or en day names) and/or a new switch mode;
    None leaves it as it is. Nothing is changed unless all of it is valid: ConsoleError "bad_request" (the
    mode) or "hours_invalid". Returns the county's duty as it is now."""
    allowed(guide, county)
    if mode is not None and mode not in SWITCH_MODES:
        raise ConsoleError("bad_request")
    ranges = None
    if hours is not None:
        try:
            ranges = hours_text.parse(hours)
        except hours_text.HoursError:
            raise ConsoleError("hours_invalid") from None
    if ranges is not None:
        duty.set_hours(engine, county, ranges)
    if mode is not None:
        duty.set_switch(engine, county, mode)
    return _state(engine, county, lang)
