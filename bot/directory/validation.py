"""Checks a county's staff can act on: missing coverage, facts without contact, odd numbers, stale records."""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Iterable

from bot.directory.loader import DirectoryData
from bot.directory.records import CATEGORIES, Service

# The seven counties of the pilot (see the seeds): every category must be answered there.
PILOT_COUNTIES = ("lappi", "kainuu", "pohjois-pohjanmaa", "keski-pohjanmaa", "pohjanmaa", "satakunta",
                  "varsinais-suomi")
_PHONE = re.compile(r"^(\+358|0)[0-9 ]{5,14}$|^1[0-9]{2}( ?[0-9]{3})?$")
_URL = re.compile(r"^https?://[^\s/$.?#].[^\s]*$")


@dataclass(frozen=True)
class Finding:
    level: str  # error | warning
    where: str
    problem: str


def validate(data: DirectoryData, stale_months: int = 12, today: date | None = None) -> list[Finding]:
    today = today or date.today()
    findings: list[Finding] = []
    everything: Iterable[Service] = (*data.services, *data.helplines)
    for s in everything:
        if s.phone and not _PHONE.match(s.phone.value):
            findings.append(Finding("error", s.id, f"phone looks broken: {s.phone.value!r}"))
        for url in filter(None, (s.url, s.url_sv, s.source)):
            if not _URL.match(url):
                findings.append(Finding("error", s.id, f"URL looks broken: {url!r}"))
        if not s.phone and not s.email:
            findings.append(Finding("warning", s.id, "no phone or e-mail; the web page is the only contact"))
        if s.review:
            findings.append(Finding("warning", s.id, f"needs the county's review: {s.notes[:90]}"))
        if s.checked < today - timedelta(days=30 * stale_months):
            findings.append(Finding("warning", s.id, f"last checked {s.checked.isoformat()}"))
    for county in PILOT_COUNTIES:
        present = {s.category for s in data.services if s.county == county}
        for category in CATEGORIES:
            if category != "crisis_line" and category not in present:
                findings.append(Finding("error", county, f"no service in category {category}"))
    covered = {s.county for s in data.services}
    for c in data.counties:
        if c.code not in covered:
            findings.append(Finding("warning", c.code, "no regional services; only the county web page and national lines"))
        if not c.website:
            findings.append(Finding("error", c.code, "county has no web page"))
    return findings


def as_table(findings: list[Finding]) -> str:
    if not findings:
        return "No findings."
    width = max(len(f.where) for f in findings)
    lines = [f"{'level':7}  {'record':{width}}  problem", f"{'-' * 7}  {'-' * width}  {'-' * 40}"]
    lines += [f"{f.level:7}  {f.where:{width}}  {f.problem}" for f in sorted(findings, key=lambda f: (f.level, f.where))]
    return "\n".join(lines)
