"""Statistics through the real servers: Rasa's event broker and the action server count into the app database."""

from __future__ import annotations

import time
from datetime import date

from bot.analytics.counters import counts, unanswered
from bot.db import make_engine
from tests.e2e.conftest import Chat, customs


def _totals(engine) -> dict:
    found: dict = {}
    for c in counts(engine, date(2000, 1, 1), date(2100, 1, 1)):
        found[(c.metric, c.county, c.language, c.key)] = found.get((c.metric, c.county, c.language, c.key), 0) + c.count
    return found


def _delta(before: dict, after: dict, metric: str, **where) -> int:
    def total(numbers):
        return sum(
            n
            for (m, county, language, key), n in numbers.items()
            if m == metric
            and all({"county": county, "language": language, "key": key}[k] == v for k, v in where.items())
        )

    return total(after) - total(before)


def test_conversations_recommendations_fallbacks_and_emergencies_are_counted(viitta, viitta_home):
    engine = make_engine(f"sqlite:///{viitta_home / 'app.db'}")
    before = _totals(engine)

    searching = Chat(viitta)
    searching.say("min sambo dricker och vi har en bebis")
    answer = searching.say("Jakobstad")
    shown = [c["category"] for c in customs(answer, "service")]
    lost = Chat(viitta)
    lost.say("asdfgh qwerty zxcvb")
    danger = Chat(viitta)
    danger.say("min man slår mig just nu och barnen är hemma hjälp")

    # The broker counts on its own thread: wait (polling) until the emergency reply is in.
    deadline = time.time() + 20
    while _delta(before, _totals(engine), "emergency", language="sv") < 1 and time.time() < deadline:
        time.sleep(0.2)
    after = _totals(engine)
    assert _delta(before, after, "conversation", county="pohjanmaa", language="sv") == 1
    assert _delta(before, after, "recommendation", county="pohjanmaa", language="sv") == len(shown) > 0
    assert _delta(before, after, "recommendation", key=shown[0]) >= 1
    assert _delta(before, after, "emergency", language="sv") == 1
    assert _delta(before, after, "fallback", language="fi") == 1
    assert _delta(before, after, "intent", key="inform_location") >= 1
    texts = [u.text for u in unanswered(engine, date(2000, 1, 1), date(2100, 1, 1))]
    assert "asdfgh qwerty zxcvb" in texts
    assert not any(lost.sender in t or searching.sender in t for t in texts)
