"""Choose the 1–3 services a person is shown: the region's best, then national lines, never nothing."""

from __future__ import annotations

from datetime import datetime
from typing import Optional, Sequence

from bot.directory.interface import ServiceDirectory
from bot.directory.records import Match

# Shown when nothing else fits: somebody always answers the crisis line.
LAST_RESORT = ("crisis",)


def helpline_matches(
    directory: ServiceDirectory, kinds: Sequence[str], lang: str, now: Optional[datetime] = None
) -> list[Match]:
    """National lines of these kinds; for Swedish speakers a Swedish line of the same kind goes first."""
    lines = directory.helplines(kinds)
    lines.sort(key=lambda h: (list(kinds).index(h.kind), lang not in h.languages))  # type: ignore[arg-type]
    return [Match(service=h, open_now=h.hours.is_open(now), local=False) for h in lines]


def choose_services(
    directory: ServiceDirectory,
    categories: Sequence[str],
    area: Optional[str],
    municipality: Optional[str],
    lang: str,
    now: Optional[datetime] = None,
    audience: str = "families",
    limit: int = 3,
) -> list[Match]:
    """Regional services of `categories` in order, topped up with the national lines they name."""
    regional = [c for c in categories if not c.startswith("helpline:")]
    kinds = [c.split(":", 1)[1] for c in categories if c.startswith("helpline:")]
    chosen = directory.recommend(regional, area, municipality, lang, now, audience, limit)
    if len(chosen) < limit:
        for match in helpline_matches(directory, kinds or LAST_RESORT, lang, now):
            if len(chosen) >= limit:
                break
            if all(m.service.id != match.service.id for m in chosen):
                chosen.append(match)
    if not chosen:
        chosen = helpline_matches(directory, LAST_RESORT, lang, now)[:limit]
    return chosen


def choose_for_situation(
    directory: ServiceDirectory,
    categories: Sequence[str],
    line_kinds: Sequence[str],
    situation: dict,
    area: Optional[str],
    municipality: Optional[str],
    lang: str,
    now: Optional[datetime] = None,
    audience: str = "families",
    limit: int = 3,
    lines_kept: int = 0,
) -> list[Match]:
    """Regional services of `categories` in order, topped up with national lines that fit the situation
    (no baby-family line for a teenager) and, first, those in the person's language; `lines_kept` places are
    left for the lines (a child writing gets the line young people call themselves)."""
    from bot.situation.routing import line_fits

    regional = [c for c in categories if not c.startswith("helpline:")]
    chosen = directory.recommend(regional, area, municipality, lang, now, audience, limit - lines_kept)
    kinds = list(dict.fromkeys(list(line_kinds) + list(LAST_RESORT)))
    lines = [m for m in helpline_matches(directory, kinds, lang, now) if line_fits(m.service.audience, situation)]
    lines.sort(key=lambda m: lang not in m.service.languages)  # stable: the kinds' order within a language
    for match in lines:
        if len(chosen) >= limit:
            break
        if all(m.service.id != match.service.id for m in chosen):
            chosen.append(match)
    return chosen or helpline_matches(directory, LAST_RESORT, lang, now)[:limit]


def national_lines(
    directory: ServiceDirectory, situation: dict, lang: str, fallback_concern: Optional[str] = None, limit: int = 3
) -> list[Match]:
    """National lines for the whole situation when the place stays untold: its kinds, fitting lines only,
    the person's language first, the crisis line last."""
    from bot.situation.routing import route

    return choose_for_situation(
        directory, [], route(situation, fallback_concern).line_kinds, situation, None, None, lang, limit=limit
    )
