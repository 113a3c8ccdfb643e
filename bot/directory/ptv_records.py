"""Make Viitta directory records of PTV service channels: county, category, contacts, opening hours.

One record per channel, county and category; each fact names the channel's API address as its source.
- County: from the channel's municipality codes (`areas`, their `municipalities`, `areaMunicipalities`; the
  service location's address when it names no area), by Statistics Finland's classification
  (data/municipalities.csv). A channel serving municipalities of two counties gets a record in each.
- Category: from the linked services (the whole Service when known: classes, ontology terms, keywords;
  else its name in the channel list), else from the channel's names, keywords and ontology terms, else
  from its descriptions. An unmapped channel is reported with every word that was looked at.
A channel that cannot be used is a Candidate with the reason.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any, Optional, TypeGuard

from bot.directory import phones
from bot.directory.hours import parse_hours
from bot.directory.ptv import API, PtvItems
from bot.directory.ptv_mapping import Rule, categorize, class_code, localized_values, service_category
from bot.places import registry

IMPORTED_CHANNEL_TYPES = ("ServiceLocation", "Phone", "EChannel", "WebPage")  # not PrintableForm
_DAYS = {
    "monday": "mon",
    "tuesday": "tue",
    "wednesday": "wed",
    "thursday": "thu",
    "friday": "fri",
    "saturday": "sat",
    "sunday": "sun",
}
_DAY_ORDER = list(_DAYS.values())
_WHOLE_COUNTRY = ("nationwide", "nationwideexceptalandislands", "wholecountry", "wholecountryexceptalandislands")
_COUNTY_AREA_TYPES = ("wellbeingservicecounty", "wellbeingservicecounties")
_VISITING = ("Location", "Visiting")  # v11 calls a visiting address "Location"; older versions "Visiting"


@dataclass
class Candidate:
    """A record made from a channel (None when skipped), with why and what the reviewer should know."""

    channel_id: str
    name: str
    county: Optional[str] = None  # None: the channel could not be placed in a county
    record: Optional[dict] = None
    skipped: str = ""


@dataclass
class _Words:
    """What the mapping looked at, by where it came from (for the report of an unmapped channel)."""

    parts: list[tuple[str, str]] = field(default_factory=list)
    classes: set[str] = field(default_factory=set)

    def add(self, where: str, texts) -> list[str]:
        texts = [" ".join(str(t).split()) for t in texts if t and str(t).strip()]
        self.parts += [(where, t) for t in texts]
        return texts

    def report(self) -> str:
        shown = []
        for where in dict.fromkeys(w for w, _ in self.parts):
            texts = [t if len(t) <= 60 else t[:57] + "..." for w, t in self.parts if w == where]
            shown.append(f"{where} " + ", ".join(f'"{t}"' for t in dict.fromkeys(texts)))
        if self.classes:
            shown.append("service classes " + ", ".join(sorted(self.classes)))
        return "; ".join(shown) or "no words at all"


def candidates(
    items: PtvItems,
    rules: list[Rule],
    source_base: str,
    today: date,
    websites: dict[str, str],
    county: Optional[str] = None,
) -> list[Candidate]:
    """One record per channel, county and category; skipped channels say why. `county` filters."""
    found = []
    for channel_id, channel in sorted(items.channels.items()):
        name = _text(channel.get("serviceChannelNames"), "fi", "Name") or _text(
            channel.get("serviceChannelNames"), "sv"
        )
        kind = channel.get("serviceChannelType") or ""
        placed, reason = place(channel)
        if county is not None and county not in placed and placed:
            continue  # another county's channel
        if kind not in IMPORTED_CHANNEL_TYPES:
            found += [
                Candidate(channel_id, name, c, skipped=f"channel type {kind or '?'} is not a contact")
                for c in placed or [None]
            ]
            continue
        if not placed:
            found.append(Candidate(channel_id, name, None, skipped=reason))
            continue
        several = len(placed) > 1
        if county is not None:
            placed = {county: placed[county]}
        categories, words = _categories(channel, items, rules)
        if not categories:
            found += [
                Candidate(
                    channel_id,
                    name,
                    c,
                    skipped=f"unmapped: no rule of ptv_mapping.yml matches; looked at {words.report()}",
                )
                for c in placed
            ]
            continue
        for county_code, municipalities in sorted(placed.items()):
            for category, service_id in sorted(categories.items()):
                record_id = f"ptv-{category}-{channel_id}" + (f"-{county_code}" if several else "")
                record = _record(
                    record_id,
                    channel,
                    service_id,
                    items.services.get(service_id or ""),
                    _linked_name(channel, service_id),
                    category,
                    websites.get(county_code, ""),
                    municipalities,
                    f"{source_base}{API}/ServiceChannel/{channel_id}",
                    today,
                )
                found.append(Candidate(channel_id, name, county_code, record))
    return found


def place(channel: dict) -> tuple[dict[str, list[str]], str]:
    """{county: municipality names ([] = the whole county)} from the channel's codes, or ({}, why not)."""
    if str(channel.get("areaType") or "").lower() in _WHOLE_COUNTRY:
        return {}, "nationwide channel: national lines are kept in helplines.yml, not per county"
    by_code = {m.code: m for m in registry.municipalities().values()}
    codes, whole = set(), set()
    for area in channel.get("areas") or []:
        kind = str(area.get("type") or "").lower()
        if kind == "municipality" and area.get("code"):
            codes.add(str(area["code"]).zfill(3))
        if kind in _COUNTY_AREA_TYPES:
            code = registry.county_codes().get(str(area.get("code") or "").zfill(2))
            if code:
                whole.add(code)
        codes |= {str(m.get("code")).zfill(3) for m in area.get("municipalities") or [] if m.get("code")}
    codes |= {str(m.get("code")).zfill(3) for m in channel.get("areaMunicipalities") or [] if m.get("code")}
    if not codes and not whole:
        for address in channel.get("addresses") or []:
            if (address.get("type") or "Location") not in _VISITING:
                continue
            code = ((address.get("streetAddress") or {}).get("municipality") or {}).get("code")
            if code:
                codes.add(str(code).zfill(3))
    unknown = sorted(c for c in codes if c not in by_code)
    placed: dict[str, set[str]] = {c: set() for c in whole}
    for code in codes:
        if code in by_code:
            placed.setdefault(by_code[code].county, set()).add(by_code[code].name_fi)
    if not placed:
        return {}, (
            "municipality codes not in the Statistics Finland classification: " + ", ".join(unknown)
            if unknown
            else "no municipality codes in areas, areaMunicipalities or addresses"
        )
    result = {}
    for county, names in placed.items():
        everyone = {m.name_fi for m in by_code.values() if m.county == county}
        result[county] = [] if county in whole or names == everyone else sorted(names)
    return result, ""


def _categories(channel: dict, items: PtvItems, rules: list[Rule]) -> tuple[dict[str, Optional[str]], _Words]:
    """{category: linked service id (None: from the channel's own words)} and the words looked at."""
    words = _Words()
    found: dict[str, Optional[str]] = {}
    for link in channel.get("services") or []:
        service = link.get("service") or {}
        sid, label = str(service.get("id") or ""), service.get("name") or ""
        full = items.services.get(sid)
        if full:
            words.add("service", localized_values(full.get("serviceNames")) or [label])
            words.add("service keywords", localized_values(full.get("keywords")))
            words.add(
                "service ontology terms",
                [v for t in full.get("ontologyTerms") or [] for v in localized_values(t.get("name"))],
            )
            words.classes |= {class_code(c) for c in full.get("serviceClasses") or []}
            category = service_category(rules, full) or categorize(rules, [label])
        else:
            category = categorize(rules, words.add("service", [label]))
        if category and category not in found:
            found[category] = sid or None
    if found:
        return found, words
    terms = channel.get("ontologyTerms") or []
    own = [
        *words.add("channel names", localized_values(channel.get("serviceChannelNames"))),
        *words.add("channel keywords", localized_values(channel.get("keywords"))),
        *words.add("channel ontology terms", [v for t in terms for v in localized_values(t.get("name"))]),
    ]
    category = categorize(rules, own, terms={t.get("uri") for t in terms if t.get("uri")})
    if not category:  # descriptions last: long texts name neighbouring services too
        category = categorize(
            rules, words.add("channel descriptions", localized_values(channel.get("serviceChannelDescriptions")))
        )
    return ({category: None} if category else {}), words


def _linked_name(channel: dict, service_id: Optional[str]) -> str:
    for link in channel.get("services") or []:
        if str((link.get("service") or {}).get("id") or "") == (service_id or ""):
            return (link.get("service") or {}).get("name") or ""
    return ""


def _record(
    record_id: str,
    channel: dict,
    service_id: Optional[str],
    service: Optional[dict],
    service_name: str,
    category: str,
    county_website: str,
    municipalities: list[str],
    source: str,
    today: date,
) -> dict:
    service_name = (_text(service.get("serviceNames"), "fi") if service else "") or service_name
    notes = [f"PTV {channel.get('serviceChannelType')}" + (f", palvelu: {service_name}" if service_name else "")]
    review = False
    name = _bilingual(channel.get("serviceChannelNames"), "Name")
    description = (
        _bilingual(channel.get("serviceChannelDescriptions"), "Summary")
        or _bilingual(channel.get("serviceChannelDescriptions"), "Description")
        or (service and _bilingual(service.get("serviceDescriptions"), "Summary"))
        or dict(name)
    )
    url_fi, url_sv = _web_pages(channel)
    if not url_fi and not url_sv:
        notes.append("PTV:ssä ei verkkosivua; linkki hyvinvointialueen sivulle")
    url_fi = url_fi or url_sv or county_website
    record: dict[str, Any] = {
        "id": record_id,
        "category": category,
        "name": name,
        "description": description,
        "municipalities": municipalities,
        "url": url_fi,
    }
    if url_sv and url_sv != url_fi:
        record["url_sv"] = url_sv
    phone, phone_notes = _phone(channel)
    if phone:
        record["phone"] = {"number": phone.national, **({"e164": phone.e164} if phone.e164 else {}), "source": source}
    notes += phone_notes
    email = _email(channel)
    if email:
        record["email"] = {"address": email, "source": source}
    address = _address(channel)
    if address:
        record["address"] = {**address, "source": source}
    hours, hours_notes, unsure = hours_of(channel, today)
    if hours:
        record["hours"] = {"open": hours, "source": source}
    notes += hours_notes
    review = review or unsure
    languages = [lang for lang in channel.get("languages") or [] if lang in ("fi", "sv")]
    modified = str(channel.get("modified") or "")[:10] or None
    record.update(
        {
            "languages": languages or ["fi"],
            "audience": ["families"],
            "source": source,
            "checked": today,
            **({"source_date": date.fromisoformat(modified)} if _is_date(modified) else {}),
            "review": review,
            "notes": "; ".join(n for n in notes if n),
            "ptv": {"channel": channel["id"], "service": service_id, "modified": modified},
        }
    )
    return record


def _is_date(text: Optional[str]) -> TypeGuard[str]:
    try:
        return bool(text and date.fromisoformat(text))
    except ValueError:
        return False


def _text(items: Any, lang: str, kind: Optional[str] = None) -> str:
    """The value in `lang` (of `kind` when given, e.g. Name or Summary), else "" ."""
    for item in items or []:
        if item.get("language") == lang and (kind is None or item.get("type") in (kind, None)) and item.get("value"):
            return " ".join(str(item["value"]).split())
    return ""


def _bilingual(items: Any, kind: str) -> dict:
    fi = _text(items, "fi", kind) or (kind == "Name" and _text(items, "fi", "AlternativeName"))
    sv = _text(items, "sv", kind) or (kind == "Name" and _text(items, "sv", "AlternativeName"))
    if not fi and not sv:
        return {}
    return {"fi": fi or sv, "sv": sv or ""}


def _web_pages(channel: dict) -> tuple[str, str]:
    pages = sorted(channel.get("webPages") or [], key=lambda p: p.get("orderNumber") or 0)
    by_lang = {}
    for page in pages:
        url = (page.get("url") or "").strip()
        if url and page.get("language") not in by_lang:
            by_lang[page.get("language")] = url
    return by_lang.get("fi", ""), by_lang.get("sv", "")


def _phone(channel: dict) -> tuple[Optional[phones.Phone], list[str]]:
    """The channel's phone (Finnish-language first), and notes: the charge and what the number is for."""
    numbers = [
        p
        for p in (channel.get("phoneNumbers") or []) + (channel.get("supportPhones") or [])
        if (p.get("type") or "Phone") == "Phone" and p.get("number")
    ]
    numbers.sort(key=lambda p: {"fi": 0, "sv": 1}.get(p.get("language"), 2))
    for p in numbers:
        phone = phones.from_ptv(p.get("prefixNumber"), str(p["number"]), bool(p.get("isFinnishServiceNumber")))
        if phone is None:
            continue
        notes = []
        if p.get("serviceChargeType") in ("Chargeable", "Charged", "Other"):
            notes.append(f"puhelu maksullinen: {p.get('chargeDescription') or p['serviceChargeType']}")
        if p.get("additionalInformation"):
            notes.append(f"puhelin: {' '.join(str(p['additionalInformation']).split())}")
        return phone, notes
    return None, []


def _email(channel: dict) -> Optional[str]:
    emails = [e for e in (channel.get("emails") or []) + (channel.get("supportEmails") or []) if e.get("value")]
    emails.sort(key=lambda e: {"fi": 0, "sv": 1}.get(e.get("language"), 2))
    return emails[0]["value"].strip() if emails else None


def _address(channel: dict) -> Optional[dict]:
    for address in channel.get("addresses") or []:
        street = address.get("streetAddress")
        if (address.get("type") or "Location") not in _VISITING or not street:
            continue
        parts = {}
        for lang in ("fi", "sv"):
            line = " ".join(filter(None, [_text(street.get("street"), lang), street.get("streetNumber")]))
            office = _text(street.get("postOffice"), lang)
            office = office.title() if office.isupper() else office  # PTV often writes post offices in capitals
            town = " ".join(filter(None, [street.get("postalCode"), office]))
            parts[lang] = ", ".join(filter(None, [line, town]))
        if parts["fi"] or parts["sv"]:
            return {"fi": parts["fi"] or parts["sv"], "sv": parts["sv"]}
    return None


def hours_of(channel: dict, today: date) -> tuple[Any, list[str], bool]:
    """The opening hours valid today in the directory's notation; notes for what the notation cannot hold
    (exceptions, hours from a later date); True when something could not be read (the county should look).

    PTV: `serviceHours[]` of `serviceHourType` DaysOfTheWeek (a weekly pattern), OverMidnight (from a day and
    time to a later day and time) or Exceptional (dates: closed, or other hours); each valid `validForNow`
    or from `validFrom` to `validTo`; `isAlwaysOpen`, `isClosed`.
    """
    ranges: list[dict] = []
    notes: list[str] = []
    unsure = False
    always = False
    for hours in sorted(channel.get("serviceHours") or [], key=lambda h: h.get("orderNumber") or 0):
        kind = hours.get("serviceHourType") or ""
        start, end = _date(hours.get("validFrom")), _date(hours.get("validTo"))
        if kind == "Exceptional":
            if end is not None and end < today:
                continue  # a past exception
            what = (
                "suljettu"
                if hours.get("isClosed")
                else (
                    "avoinna ympäri vuorokauden"
                    if hours.get("isAlwaysOpen")
                    else "poikkeavat aukioloajat " + _describe(_weekly(hours, []) or [])
                )
            )
            why = _text(hours.get("additionalInformation"), "fi")
            notes.append(f"PTV:n poikkeusaukiolo {_span(start, end)}: {what}" + (f" ({why})" if why else ""))
            continue
        if kind not in ("DaysOfTheWeek", "OverMidnight"):
            notes.append(f"aukioloja ei tuotu ({kind or '?'}); tarkista")
            unsure = True
            continue
        if not (hours.get("validForNow") or _within(today, start, end)):
            if start is not None and start > today:
                upcoming = "24/7" if hours.get("isAlwaysOpen") else _describe(_weekly(hours, []) or [])
                notes.append(f"PTV: uudet aukioloajat {start.strftime('%d.%m.%Y')} alkaen: {upcoming}")
            continue
        if hours.get("isClosed"):
            continue
        if hours.get("isAlwaysOpen"):
            always = True
            continue
        problems: list[str] = []
        weekly = _weekly(hours, problems)
        if problems:
            notes.append(f"aukioloja ei tuotu ({', '.join(sorted(set(problems)))}); tarkista")
            unsure = True
        ranges += weekly or []
    if always:
        return "24/7", notes, unsure
    return (ranges or None), notes, unsure


def _weekly(hours: dict, problems: list[str]) -> Optional[list[dict]]:
    """The entry's openingHour rows as the directory's ranges; an OverMidnight row (or a row ending
    before it starts) runs on to the next days: Fri 15:00 – Mon 08:00 is fri 15–24, sat,sun 0–24, mon 0–8."""
    ranges = []
    for opening in hours.get("openingHour") or []:
        first = _DAYS.get(str(opening.get("dayFrom") or "").lower())
        last = _DAYS.get(str(opening.get("dayTo") or "").lower()) or first
        start, end = str(opening.get("from") or "")[:5], str(opening.get("to") or "")[:5]
        if not first or not start or not end:
            problems.append("openingHour without a day or time")
            continue
        a, b = _DAY_ORDER.index(first), _DAY_ORDER.index(last)  # type: ignore[arg-type]  # last: `or first`
        if hours.get("serviceHourType") == "OverMidnight" or (a == b and end <= start and end != "00:00"):
            span = (b - a) % 7 or (7 if end <= start else 0)
            if span == 0:
                ranges.append({"days": first, "from": start, "to": end})
                continue
            ranges.append({"days": first, "from": start, "to": "24:00"})
            middle = [_DAY_ORDER[(a + i) % 7] for i in range(1, span)]
            if middle:
                ranges.append({"days": ",".join(middle), "from": "00:00", "to": "24:00"})
            ranges.append({"days": _DAY_ORDER[(a + span) % 7], "from": "00:00", "to": end})
            continue
        if b < a:
            problems.append("days over the week end")
            continue
        ranges.append({"days": first if a == b else f"{first}-{last}", "from": start, "to": end})
    return ranges or None


def _describe(ranges: Any) -> str:
    try:
        return parse_hours(ranges).describe("fi") or "–"
    except (ValueError, KeyError):
        return "–"


def _span(start: Optional[date], end: Optional[date]) -> str:
    if start and end and start != end:
        return f"{start.strftime('%d.%m.')}–{end.strftime('%d.%m.%Y')}"
    day = start or end
    return day.strftime("%d.%m.%Y") if day else "(ei päivämäärää)"


def _within(today: date, start: Optional[date], end: Optional[date]) -> bool:
    """Valid today; an entry with no dates at all is the standing pattern."""
    return (start is None or start <= today) and (end is None or today <= end)


def _date(value: Any) -> Optional[date]:
    if not value:
        return None
    try:
        return datetime.fromisoformat(str(value).replace("Z", "+00:00")).date()
    except ValueError:
        return None
