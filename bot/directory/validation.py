"""Checks a county's staff can act on: missing categories, services without contact, broken-looking phone
numbers, e-mail addresses and URLs, records waiting for review and stale records.

Errors stop `make test` (and `make validate`); warnings are the county's to-do list.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Iterable, Optional

from bot.directory.freshness import REGIONAL_CATEGORIES, has_way_in, months_before
from bot.directory.loader import DirectoryData
from bot.directory.records import Service

# The seven counties of the pilot (see the seeds): every category must be answered there.
PILOT_COUNTIES = (
    "lappi",
    "kainuu",
    "pohjois-pohjanmaa",
    "keski-pohjanmaa",
    "pohjanmaa",
    "satakunta",
    "varsinais-suomi",
)
# Finnish numbers as people dial them: 0 or +358 and 5–14 digits/spaces, or a short national number (116 117).
_PHONE = re.compile(r"^(\+358|0)[0-9 ]{5,14}$|^1[0-9]{2}( ?[0-9]{3})?$")
_URL = re.compile(r"^https?://[^\s/$.?#][^\s.]*(\.[^\s.]+)+[^\s]*$")
_EMAIL = re.compile(r"^[\w.+-]+@[\w-]+(\.[\w-]+)+$")


@dataclass(frozen=True)
class Finding:
    level: str  # error | warning
    where: str  # record id, or county code for county-wide findings
    problem: str
    county: str = ""
    check: str = ""  # phone | email | url | contact | people | review | stale | categories | county


def validate(
    data: DirectoryData, stale_months: int = 12, today: Optional[date] = None, county: Optional[str] = None
) -> list[Finding]:
    """Every finding, optionally only of one county (national helplines are checked when no county is given)."""
    today = today or date.today()
    findings: list[Finding] = []
    records: Iterable[Service] = [s for s in data.services if county in (None, s.county)]
    if county is None:
        records = [*records, *data.helplines]
    for s in records:
        findings += _record_findings(s, stale_months, today)
    for c in data.counties:
        if county not in (None, c.code):
            continue
        present = {s.category for s in data.services if s.county == c.code}
        missing = [cat for cat in REGIONAL_CATEGORIES if cat not in present]
        if c.code in PILOT_COUNTIES:
            findings += [
                Finding("error", c.code, f"no service in category {cat}", c.code, "categories") for cat in missing
            ]
        elif not present:
            findings.append(
                Finding(
                    "warning",
                    c.code,
                    "no regional services; only the county web page and national lines",
                    c.code,
                    "categories",
                )
            )
        elif missing:
            findings.append(
                Finding(
                    "warning",
                    c.code,
                    f"categories missing ({len(missing)}): {', '.join(missing)}",
                    c.code,
                    "categories",
                )
            )
        if not c.website:
            findings.append(Finding("error", c.code, "county has no web page", c.code, "county"))
    return findings


def _record_findings(s: Service, stale_months: int, today: date) -> list[Finding]:
    found = []
    county = s.county or "national"

    def add(level: str, check: str, problem: str) -> None:
        found.append(Finding(level, s.id, problem, county, check))

    if s.phone and not _PHONE.match(s.phone.value):
        add("error", "phone", f"phone looks broken: {s.phone.value!r}")
    if s.email and not _EMAIL.match(s.email.value):
        add("error", "email", f"e-mail looks broken: {s.email.value!r}")
    for url in filter(None, (s.url, s.url_sv, s.source)):
        if not _URL.match(url):
            add("error", "url", f"URL looks broken: {url!r}")
    for url in filter(None, (s.url, s.url_sv)):
        if url.startswith("http://"):
            add("warning", "url", f"web page without https: {url}")
    if s.how_to_reach:
        for url in filter(None, (s.how_to_reach.url, s.how_to_reach.source)):
            if not _URL.match(url):
                add("error", "url", f"how_to_reach: URL looks broken: {url!r}")
    if not has_way_in(s):
        add("warning", "contact", "no way in: no phone, e-mail or how_to_reach; the web page is the only contact")
    if s.review:
        add("warning", "review", f"needs the county's review: {s.notes[:90]}")
    limit = months_before(today, stale_months)
    if s.checked < limit:
        add("warning", "stale", f"stale: last checked {s.checked.isoformat()} (more than {stale_months} months ago)")
    for person in s.contacts:
        if person.phone and not _PHONE.match(person.phone):
            add("error", "people", f"{person.name}: phone looks broken: {person.phone!r}")
        if person.email and not _EMAIL.match(person.email):
            add("error", "people", f"{person.name}: e-mail looks broken: {person.email!r}")
        if not _URL.match(person.source):
            add("error", "people", f"{person.name}: source URL looks broken: {person.source!r}")
        if person.dated < limit:
            add(
                "warning",
                "people",
                f"named contact {person.name}: source dated {person.dated.isoformat()}, "
                f"older than {stale_months} months; confirm or remove them",
            )
    return found


def as_table(findings: list[Finding]) -> str:
    if not findings:
        return "No findings."
    rows = sorted(findings, key=lambda f: (f.level, f.county, f.where, f.check))
    w_county = max(len("county"), *(len(f.county) for f in rows))
    w_where = max(len("record"), *(len(f.where) for f in rows))
    w_check = max(len("check"), *(len(f.check) for f in rows))
    head = f"{'level':7}  {'county':{w_county}}  {'record':{w_where}}  {'check':{w_check}}  problem"
    lines = [head, "  ".join(["-" * 7, "-" * w_county, "-" * w_where, "-" * w_check, "-" * 40])]
    lines += [
        f"{f.level:7}  {f.county:{w_county}}  {f.where:{w_where}}  {f.check:{w_check}}  {f.problem}" for f in rows
    ]
    errors = sum(f.level == "error" for f in rows)
    lines.append(f"\n{errors} error(s), {len(rows) - errors} warning(s)")
    return "\n".join(lines)
