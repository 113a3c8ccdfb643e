"""One-tap feedback (helpful / not helpful), stored without any conversation id."""

from __future__ import annotations

from datetime import datetime
from typing import Optional

from sqlalchemy import delete
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

from bot.handoff.schema import FeedbackRow
from bot.handoff.service import utcnow
from bot.orm import changed_rows


def record(
    engine: Engine,
    helpful: bool,
    language: str,
    county: Optional[str] = None,
    after_handoff: bool = False,
    now: Optional[datetime] = None,
) -> None:
    # The day is enough for the statistics; the exact time could help re-identify a conversation.
    day = (now or utcnow()).replace(hour=0, minute=0, second=0, microsecond=0)
    with Session(engine) as session, session.begin():
        session.add(
            FeedbackRow(created_at=day, county=county, language=language, helpful=helpful, after_handoff=after_handoff)
        )
    from bot.analytics.counters import count_quietly

    count_quietly(
        engine,
        "feedback_helpful" if helpful else "feedback_not_helpful",
        county,
        language,
        "after_handoff" if after_handoff else "bot",
    )


def purge(engine: Engine, before: datetime) -> int:
    with Session(engine) as session, session.begin():
        return changed_rows(session.execute(delete(FeedbackRow).where(FeedbackRow.created_at < before)))
