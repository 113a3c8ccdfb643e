"""Whether a county's service guides are on duty: weekly hours (Europe/Helsinki) and a manual switch.

The bot offers live chat only when `on_duty` is true; otherwise it says so and offers to leave a message.
"""

from __future__ import annotations

from datetime import datetime
from typing import Iterable, Optional
from zoneinfo import ZoneInfo

from sqlalchemy import delete, select
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

from bot.handoff.schema import DutyHoursRow, DutySwitchRow
from bot.handoff.service import utcnow

HELSINKI = ZoneInfo("Europe/Helsinki")
SWITCH_MODES = ("on", "off", "auto")


def _minutes(hhmm: str) -> int:
    hours, minutes = hhmm.split(":")
    value = int(hours) * 60 + int(minutes)
    if not 0 <= value <= 24 * 60:
        raise ValueError(f"not a time of day: {hhmm!r}")
    return value


def set_hours(engine: Engine, county: str, ranges: Iterable[tuple[int, str, str]]) -> None:
    """Replace a county's weekly hours with (weekday 0=Monday, "HH:MM", "HH:MM") ranges."""
    ranges = list(ranges)
    for weekday, opens, closes in ranges:
        if not 0 <= weekday <= 6 or _minutes(opens) >= _minutes(closes):
            raise ValueError(f"bad duty range: {weekday} {opens}-{closes}")
    with Session(engine) as session, session.begin():
        session.execute(delete(DutyHoursRow).where(DutyHoursRow.county == county))
        session.add_all(DutyHoursRow(county=county, weekday=w, opens=o, closes=c) for w, o, c in ranges)


def hours(engine: Engine, county: str) -> list[tuple[int, str, str]]:
    with Session(engine) as session:
        rows = session.scalars(
            select(DutyHoursRow).where(DutyHoursRow.county == county).order_by(DutyHoursRow.weekday, DutyHoursRow.opens)
        ).all()
        return [(r.weekday, r.opens, r.closes) for r in rows]


def set_switch(engine: Engine, county: str, mode: str) -> None:
    """'on' or 'off' overrides the hours until set back to 'auto'."""
    if mode not in SWITCH_MODES:
        raise ValueError(f"duty switch is one of {SWITCH_MODES}, not {mode!r}")
    with Session(engine) as session, session.begin():
        row = session.get(DutySwitchRow, county)
        if mode == "auto":
            if row is not None:
                session.delete(row)
        elif row is None:
            session.add(DutySwitchRow(county=county, mode=mode, changed_at=utcnow()))
        else:
            row.mode, row.changed_at = mode, utcnow()


def switch(engine: Engine, county: str) -> str:
    with Session(engine) as session:
        row = session.get(DutySwitchRow, county)
        return row.mode if row else "auto"


def on_duty(engine: Engine, county: str, now: Optional[datetime] = None) -> bool:
    """True when the switch is on, or it is on auto and `now` (aware, or naive UTC) is within the hours."""
    mode = switch(engine, county)
    if mode != "auto":
        return mode == "on"
    now = now or datetime.now(tz=HELSINKI)
    if now.tzinfo is None:
        now = now.replace(tzinfo=ZoneInfo("UTC"))
    local = now.astimezone(HELSINKI)
    minute = local.hour * 60 + local.minute
    return any(
        weekday == local.weekday() and _minutes(opens) <= minute < _minutes(closes)
        for weekday, opens, closes in hours(engine, county)
    )
