"""Make Viitta directory records of PTV service channels: contacts, opening hours, area, category.

One record per channel (service location, phone line, web page, e-service) and category; each fact names
the channel's API address as its source. A channel that cannot be used is a Candidate with the reason.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, Optional

from bot.directory.ptv import API, PtvItems
from bot.directory.ptv_mapping import Rule, categorize, localized_values, service_category
from bot.places import registry

IMPORTED_CHANNEL_TYPES = ("ServiceLocation", "Phone", "EChannel", "WebPage")  # not PrintableForm
_DAYS = {"monday": "mon", "tuesday": "tue", "wednesday": "wed", "thursday": "thu", "friday": "fri",
         "saturday": "sat", "sunday": "sun"}
_DAY_ORDER = list(_DAYS.values())
_WHOLE_COUNTRY = ("nationwide", "nationwideexceptalandislands", "wholecountry", "wholecountryexceptalandislands")
_COUNTY_AREA_TYPES = ("wellbeingservicecounty", "wellbeingservicecounties")


@dataclass
class Candidate:
    """A record made from a channel (None when skipped), with why and what the reviewer should know."""

    channel_id: str
    name: str
    record: Optional[dict] = None
    skipped: str = ""


def candidates(items: PtvItems, county: str, rules: list[Rule], source_base: str, today: date,
               county_website: str) -> list[Candidate]:
    """One record per channel and category; skipped channels say why."""
    service_categories = {sid: service_category(rules, s) for sid, s in items.services.items()}
    found = []
    for channel_id, channel in sorted(items.channels.items()):
        name = _text(channel.get("serviceChannelNames"), "fi", "Name")
        kind = channel.get("serviceChannelType") or ""
        if kind not in IMPORTED_CHANNEL_TYPES:
            found.append(Candidate(channel_id, name, skipped=f"channel type {kind or '?'} is not a contact"))
            continue
        linked = [s.get("service", {}).get("id") for s in channel.get("services") or []]
        linked = [sid for sid in linked if sid in items.services]
        categories = {service_categories[sid]: sid for sid in linked if service_categories[sid]}
        if not linked:
            own = categorize(rules, [*localized_values(channel.get("serviceChannelNames")),
                                     *(v for t in channel.get("ontologyTerms") or [] for v in localized_values(t.get("name")))],
                             terms={t.get("uri") for t in channel.get("ontologyTerms") or []})
            categories = {own: None} if own else {}
        if not categories:
            found.append(Candidate(channel_id, name, skipped="unmapped: no rule of ptv_mapping.yml matches"))
            continue
        municipalities, outside = _municipalities(channel, county)
        if outside:
            found.append(Candidate(channel_id, name, skipped=f"outside {county}: {outside}"))
            continue
        for category, service_id in sorted(categories.items()):
            record = _record(channel, items.services.get(service_id or ""), category, county_website,
                             municipalities, f"{source_base}{API}/ServiceChannel/{channel_id}", today)
            found.append(Candidate(channel_id, name, record))
    return found


def _record(channel: dict, service: Optional[dict], category: str, county_website: str,
            municipalities: list[str], source: str, today: date) -> dict:
    notes = [f"PTV {channel.get('serviceChannelType')}" + (f", palvelu: {_text(service.get('serviceNames'), 'fi')}"
                                                            if service else "")]
    review = False
    name = _bilingual(channel.get("serviceChannelNames"), "Name")
    description = (_bilingual(channel.get("serviceChannelDescriptions"), "Summary")
                   or (service and _bilingual(service.get("serviceDescriptions"), "Summary")) or dict(name))
    url_fi, url_sv = _web_pages(channel)
    if not url_fi and not url_sv:
        notes.append("PTV:ssä ei verkkosivua; linkki hyvinvointialueen sivulle")
    url_fi = url_fi or url_sv or county_website
    record: dict[str, Any] = {
        "id": f"ptv-{category}-{channel['id']}",
        "category": category,
        "name": name,
        "description": description,
        "municipalities": municipalities,
        "url": url_fi,
    }
    if url_sv and url_sv != url_fi:
        record["url_sv"] = url_sv
    phone, phone_note = _phone(channel)
    if phone:
        record["phone"] = {"number": phone, "source": source}
    if phone_note:
        notes.append(phone_note)
    email = _email(channel)
    if email:
        record["email"] = {"address": email, "source": source}
    address = _address(channel)
    if address:
        record["address"] = {**address, "source": source}
    hours, hours_note = _hours(channel, today)
    if hours:
        record["hours"] = {"open": hours, "source": source}
    if hours_note:
        notes.append(hours_note)
        review = True
    languages = [lang for lang in channel.get("languages") or [] if lang in ("fi", "sv")]
    record.update({
        "languages": languages or ["fi"],
        "audience": ["families"],
        "source": source,
        "checked": today,
        "review": review,
        "notes": "; ".join(n for n in notes if n),
        "ptv": {"channel": channel["id"], "service": (service or {}).get("id"),
                "modified": str(channel.get("modified") or "")[:10] or None},
    })
    return record


def _text(items: Any, lang: str, kind: Optional[str] = None) -> str:
    """The value in `lang` (of `kind` when given, e.g. Name or Summary), else "" ."""
    for item in items or []:
        if item.get("language") == lang and (kind is None or item.get("type") in (kind, None)) and item.get("value"):
            return " ".join(str(item["value"]).split())
    return ""


def _bilingual(items: Any, kind: str) -> dict:
    fi = _text(items, "fi", kind)
    sv = _text(items, "sv", kind)
    if not fi and not sv:
        return {}
    return {"fi": fi or sv, "sv": sv}


def _web_pages(channel: dict) -> tuple[str, str]:
    pages = sorted(channel.get("webPages") or [], key=lambda p: p.get("orderNumber") or 0)
    by_lang = {}
    for page in pages:
        url = (page.get("url") or "").strip()
        if url and page.get("language") not in by_lang:
            by_lang[page.get("language")] = url
    return by_lang.get("fi", ""), by_lang.get("sv", "")


def _phone(channel: dict) -> tuple[Optional[str], str]:
    phones = [p for p in (channel.get("phoneNumbers") or []) + (channel.get("supportPhones") or [])
              if (p.get("type") or "Phone") == "Phone" and p.get("number")]
    phones.sort(key=lambda p: {"fi": 0, "sv": 1}.get(p.get("language"), 2))
    if not phones:
        return None, ""
    p = phones[0]
    number = " ".join(str(p["number"]).split())
    prefix = (p.get("prefixNumber") or "").strip()
    if prefix == "+358" and not p.get("isFinnishServiceNumber"):
        number = number if number.startswith("0") else "0" + number
    elif prefix and not p.get("isFinnishServiceNumber"):
        number = f"{prefix} {number}"
    note = ""
    if p.get("serviceChargeType") in ("Chargeable", "Charged", "Other"):
        note = f"puhelu maksullinen: {p.get('chargeDescription') or p['serviceChargeType']}"
    return number, note


def _email(channel: dict) -> Optional[str]:
    emails = [e for e in (channel.get("emails") or []) + (channel.get("supportEmails") or []) if e.get("value")]
    emails.sort(key=lambda e: {"fi": 0, "sv": 1}.get(e.get("language"), 2))
    return emails[0]["value"].strip() if emails else None


def _address(channel: dict) -> Optional[dict]:
    for address in channel.get("addresses") or []:
        street = address.get("streetAddress")
        if (address.get("type") or "Visiting") != "Visiting" or not street:
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


def _hours(channel: dict, today: date) -> tuple[Any, str]:
    """Weekly opening hours valid today in the directory's notation, and a note when some could not be used."""
    ranges, skipped = [], []
    for hours in channel.get("serviceHours") or []:
        kind = hours.get("serviceHourType")
        if kind != "DaysOfTheWeek":
            skipped.append(kind or "?")
            continue
        if not _valid_on(hours, today) or hours.get("isClosed"):
            continue
        if hours.get("isAlwaysOpen"):
            return "24/7", ""
        for opening in hours.get("openingHour") or []:
            first = _DAYS.get(str(opening.get("dayFrom") or "").lower())
            last = _DAYS.get(str(opening.get("dayTo") or "").lower()) or first
            if not first or not opening.get("from") or not opening.get("to"):
                skipped.append("openingHour")
                continue
            if _DAY_ORDER.index(last) < _DAY_ORDER.index(first):
                skipped.append("over the week end")
                continue
            days = first if first == last else f"{first}-{last}"
            ranges.append({"days": days, "from": str(opening["from"])[:5], "to": str(opening["to"])[:5]})
    note = f"aukioloja ei tuotu ({', '.join(sorted(set(skipped)))}); tarkista" if skipped else ""
    return ranges or None, note


def _valid_on(hours: dict, today: date) -> bool:
    if hours.get("validForNow"):
        return True
    start, end = _date(hours.get("validFrom")), _date(hours.get("validTo"))
    return (start is None or start <= today) and (end is None or today <= end)


def _date(value: Any) -> Optional[date]:
    if not value:
        return None
    try:
        return datetime.fromisoformat(str(value).replace("Z", "+00:00")).date()
    except ValueError:
        return None


def _municipalities(channel: dict, county: str) -> tuple[list[str], str]:
    """(municipality names in the county, [] = the whole county; a reason when it lies outside the county)."""
    by_code = {m.code: m for m in registry.municipalities().values()}
    in_county = {m.name_fi for m in by_code.values() if m.county == county}
    whole, codes = False, set()
    if str(channel.get("areaType") or "").lower() in _WHOLE_COUNTRY:
        whole = True
    for area in channel.get("areas") or []:
        kind = str(area.get("type") or "").lower()
        if kind == "municipality" and area.get("code"):
            codes.add(str(area["code"]).zfill(3))
        if kind in _COUNTY_AREA_TYPES and registry.COUNTY_CODES.get(str(area.get("code") or "").zfill(2)) == county:
            whole = True
        codes |= {str(m.get("code")).zfill(3) for m in area.get("municipalities") or [] if m.get("code")}
    names = {by_code[c].name_fi for c in codes if c in by_code}
    if not whole and not names:
        for address in channel.get("addresses") or []:
            code = ((address.get("streetAddress") or {}).get("municipality") or {}).get("code")
            if code and str(code).zfill(3) in by_code:
                names.add(by_code[str(code).zfill(3)].name_fi)
    ours = names & in_county
    if whole or ours == in_county:
        return [], ""
    if names and not ours:
        return [], ", ".join(sorted(names))
    return sorted(ours), ""
