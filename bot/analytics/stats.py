"""The owners' numbers for a period: totals against the previous period, per day, county, language,
category and intent. Shared by the owners' page and the weekly report."""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache
from pathlib import Path
from typing import Iterable, Optional

import yaml
from sqlalchemy.engine import Engine

from bot.analytics.counters import counts, unanswered_total
from bot.analytics.schema import METRICS

TEXTS_FILE = Path(__file__).resolve().parent / "texts.yml"
DAILY_METRICS = ("conversation", "recommendation", "fallback", "emergency", "handoff_requested")


@lru_cache(maxsize=1)
def texts() -> dict:
    return yaml.safe_load(TEXTS_FILE.read_text(encoding="utf-8"))


def words(lang: str) -> dict:
    return texts()["sv" if lang == "sv" else "fi"]


@lru_cache(maxsize=1)
def category_names() -> dict:
    from bot.directory.loader import DATA_DIR

    return yaml.safe_load((DATA_DIR / "categories.yml").read_text(encoding="utf-8"))["categories"]


@lru_cache(maxsize=1)
def county_names() -> dict:
    from bot.directory.loader import DATA_DIR

    doc = yaml.safe_load((DATA_DIR / "counties.yml").read_text(encoding="utf-8"))
    return {c["code"]: c["name"] for c in doc["counties"]}


def county_label(code: str, lang: str) -> str:
    """The county's name in `lang` ("" stays "": the caller says 'not known')."""
    names = county_names().get(code)
    return (names.get(lang) or names["fi"]) if names else code


def category_label(code: str, lang: str) -> str:
    names = category_names().get(code)
    return names.get(lang, names["fi"]) if names else code


@dataclass
class Summary:
    start: date
    end: date
    counties: Optional[tuple[str, ...]]
    totals: Counter = field(default_factory=Counter)
    previous: Counter = field(default_factory=Counter)
    by_day: dict = field(default_factory=lambda: defaultdict(Counter))  # metric -> day -> n
    by_county: dict = field(default_factory=lambda: defaultdict(Counter))  # county -> metric -> n
    by_language: dict = field(default_factory=lambda: defaultdict(Counter))  # language -> metric -> n
    categories: Counter = field(default_factory=Counter)
    intents: Counter = field(default_factory=Counter)
    fallback_guesses: Counter = field(default_factory=Counter)
    unanswered: int = 0

    @property
    def days(self) -> list[date]:
        return [self.start + timedelta(days=i) for i in range((self.end - self.start).days + 1)]

    def as_json(self) -> dict:
        return {
            "start": self.start.isoformat(),
            "end": self.end.isoformat(),
            "counties": list(self.counties) if self.counties is not None else None,
            "totals": {m: self.totals[m] for m in METRICS},
            "previous": {m: self.previous[m] for m in METRICS},
            "by_day": {m: {d.isoformat(): self.by_day[m][d] for d in self.days} for m in DAILY_METRICS},
            "by_county": {c or "": dict(v) for c, v in sorted(self.by_county.items())},
            "by_language": {lang or "": dict(v) for lang, v in sorted(self.by_language.items())},
            "recommendations_by_category": dict(self.categories.most_common()),
            "intents": dict(self.intents.most_common()),
            "fallback_guesses": dict(self.fallback_guesses.most_common()),
            "unanswered_messages": self.unanswered,
        }


def summarize(engine: Engine, start: date, end: date, counties: Optional[Iterable[str]] = None) -> Summary:
    """Numbers from `start` to `end` (inclusive) and, for comparison, the equally long period before."""
    scope = tuple(counties) if counties is not None else None
    summary = Summary(start, end, scope)
    for c in counts(engine, start, end, scope):
        summary.totals[c.metric] += c.count
        summary.by_day[c.metric][c.day] += c.count
        summary.by_county[c.county][c.metric] += c.count
        summary.by_language[c.language][c.metric] += c.count
        if c.metric == "recommendation":
            summary.categories[c.key] += c.count
        elif c.metric == "intent":
            summary.intents[c.key] += c.count
        elif c.metric == "fallback":
            summary.fallback_guesses[c.key] += c.count
    length = (end - start).days + 1
    for c in counts(engine, start - timedelta(days=length), start - timedelta(days=1), scope):
        summary.previous[c.metric] += c.count
    summary.unanswered = unanswered_total(engine, start, end, scope)
    return summary


def change(now: int, before: int) -> str:
    """'+25 %', '−10 %', '±0 %', or '–' when there is nothing to compare with."""
    if not before:
        return "–"
    percent = round(100 * (now - before) / before)
    return f"+{percent} %" if percent > 0 else (f"−{-percent} %" if percent < 0 else "±0 %")
