"""Count anonymous events and read the counts back.

    count(engine, "handoff_requested", county="pohjanmaa", language="sv")
    count(engine, "recommendation", "lappi", "fi", key="neuvola")

Who calls what: the Rasa event broker (bot/server/broker.py) counts conversations, intents, fallbacks and
emergency replies; the action server counts recommendations (record_recommendations); the handoff flow counts
handoff_requested / handoff_served / handoff_missed and feedback_helpful / feedback_not_helpful.
Counting must never break a conversation: count_quietly() logs a failure and carries on.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any, Iterable, Optional, Sequence, cast
from zoneinfo import ZoneInfo

from sqlalchemy import Table, and_, delete, func, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import SQLAlchemyError

from bot.analytics.schema import METRICS, REASONS, DailyCountRow, UnansweredRow
from bot.orm import changed_rows
from bot.privacy.redaction import redact

logger = logging.getLogger(__name__)

HELSINKI = ZoneInfo("Europe/Helsinki")
MAX_TEXT = 300  # longer messages are cut: the start is enough to improve the training data
_KEY_COLUMNS = ("day", "county", "language", "metric", "key")
_TABLE = cast(Table, DailyCountRow.__table__)


def today() -> date:
    """The day in Finland: counts are per Finnish calendar day."""
    return datetime.now(HELSINKI).date()


def day_of(timestamp: float) -> date:
    return datetime.fromtimestamp(timestamp, HELSINKI).date()


def count(
    engine: Engine,
    metric: str,
    county: Optional[str] = None,
    language: Optional[str] = None,
    key: Optional[str] = None,
    day: Optional[date] = None,
    n: int = 1,
) -> None:
    """Add `n` to one daily counter (created when missing), atomically also across processes."""
    if metric not in METRICS:
        raise ValueError(f"unknown metric {metric!r}; known: {', '.join(METRICS)}")
    values = {
        "day": day or today(),
        "county": county or "",
        "language": language or "",
        "metric": metric,
        "key": (key or "")[:80],
    }
    with engine.begin() as connection:
        _add(connection, values, n)


def count_quietly(
    engine: Optional[Engine],
    metric: str,
    county: Optional[str] = None,
    language: Optional[str] = None,
    key: Optional[str] = None,
    day: Optional[date] = None,
    n: int = 1,
) -> None:
    """count(), but a database problem is logged instead of raised (and no engine means: not counting)."""
    if engine is None:
        return
    try:
        count(engine, metric, county, language, key, day, n)
    except SQLAlchemyError:
        logger.warning("could not count %s", metric, exc_info=True)


def record_recommendations(
    engine: Optional[Engine], county: Optional[str], language: Optional[str], categories: Sequence[str]
) -> None:
    """One count per recommended service's category; "none" when nothing could be recommended."""
    for category in categories or ["none"]:
        count_quietly(engine, "recommendation", county, language, key=category)


def remember_unanswered(
    engine: Engine,
    reason: str,
    text: str,
    language: Optional[str] = None,
    county: Optional[str] = None,
    intent: Optional[str] = None,
    confidence: Optional[float] = None,
    day: Optional[date] = None,
) -> None:
    """Keep a message the bot could not answer: redacted, cut short, with the classifier's best guess."""
    if reason not in REASONS:
        raise ValueError(f"unknown reason {reason!r}")
    cleaned = redact(" ".join((text or "").split()))[:MAX_TEXT]
    if not cleaned:
        return
    with engine.begin() as connection:
        connection.execute(
            cast(Table, UnansweredRow.__table__)
            .insert()
            .values(
                day=day or today(),
                county=county or "",
                language=language or "",
                reason=reason,
                text=cleaned,
                intent=intent,
                confidence=round(confidence, 3) if confidence is not None else None,
            )
        )


def purge_unanswered(engine: Engine, keep_days: int, now: Optional[date] = None) -> int:
    """Delete unanswered messages older than `keep_days`; counters stay (they hold no text)."""
    before = (now or today()) - timedelta(days=keep_days)
    with engine.begin() as connection:
        return changed_rows(connection.execute(delete(UnansweredRow).where(UnansweredRow.day < before)))


@dataclass(frozen=True)
class Count:
    day: date
    county: str
    language: str
    metric: str
    key: str
    count: int


@dataclass(frozen=True)
class Unanswered:
    day: date
    county: str
    language: str
    reason: str
    text: str
    intent: Optional[str]
    confidence: Optional[float]


def counts(
    engine: Engine,
    start: date,
    end: date,
    counties: Optional[Iterable[str]] = None,
    metrics: Optional[Iterable[str]] = None,
) -> list[Count]:
    """Every counter from `start` to `end` (both included), optionally of some counties ("" = not known)."""
    query = select(DailyCountRow).where(DailyCountRow.day >= start, DailyCountRow.day <= end)
    if counties is not None:
        query = query.where(DailyCountRow.county.in_(list(counties)))
    if metrics is not None:
        query = query.where(DailyCountRow.metric.in_(list(metrics)))
    query = query.order_by(
        DailyCountRow.day, DailyCountRow.metric, DailyCountRow.county, DailyCountRow.language, DailyCountRow.key
    )
    with engine.connect() as connection:
        return [
            Count(r.day, r.county, r.language, r.metric, r.key, r._mapping["count"]) for r in connection.execute(query)
        ]


def unanswered(
    engine: Engine, start: date, end: date, counties: Optional[Iterable[str]] = None, limit: int = 500
) -> list[Unanswered]:
    query = select(UnansweredRow).where(UnansweredRow.day >= start, UnansweredRow.day <= end)
    if counties is not None:
        query = query.where(UnansweredRow.county.in_(list(counties)))
    query = query.order_by(UnansweredRow.day.desc(), UnansweredRow.id.desc()).limit(limit)
    with engine.connect() as connection:
        return [
            Unanswered(r.day, r.county, r.language, r.reason, r.text, r.intent, r.confidence)
            for r in connection.execute(query)
        ]


def unanswered_total(engine: Engine, start: date, end: date, counties: Optional[Iterable[str]] = None) -> int:
    query = select(func.count(UnansweredRow.id)).where(UnansweredRow.day >= start, UnansweredRow.day <= end)
    if counties is not None:
        query = query.where(UnansweredRow.county.in_(list(counties)))
    with engine.connect() as connection:
        return int(connection.execute(query).scalar_one())


def _add(connection: Connection, values: dict, n: int) -> None:
    dialect = connection.dialect.name
    if dialect in ("postgresql", "sqlite"):
        insert: Any = postgresql.insert if dialect == "postgresql" else sqlite.insert
        statement = insert(_TABLE).values(**values, count=n)
        connection.execute(
            statement.on_conflict_do_update(index_elements=list(_KEY_COLUMNS), set_={"count": _TABLE.c.count + n})
        )
        return
    # Other databases: update, else insert (a rare race there costs one lost count, never a wrong one).
    match = and_(*(_TABLE.c[k] == values[k] for k in _KEY_COLUMNS))
    if not changed_rows(connection.execute(update(_TABLE).where(match).values(count=_TABLE.c.count + n))):
        connection.execute(_TABLE.insert().values(**values, count=n))


def total(engine: Engine, metric: str, start: date, end: date) -> int:
    """The sum of one metric over a period (all counties, languages and keys)."""
    query = select(func.coalesce(func.sum(DailyCountRow.count), 0)).where(
        DailyCountRow.metric == metric, DailyCountRow.day >= start, DailyCountRow.day <= end
    )
    with engine.connect() as connection:
        return int(connection.execute(query).scalar_one())
