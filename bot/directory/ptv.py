"""Read Suomi.fi Palvelutietovaranto (PTV) open API v11 data and turn it into Viitta directory records.

PTV describes *what* is offered as a Service (names, service classes, ontology terms, keywords, areas) and
*where and how to reach it* as ServiceChannels (a service location, a phone line, a web page, an e-service)
with phoneNumbers, emails, webPages, addresses and serviceHours. A Viitta record is a place to contact, so
one record is made per channel and category: the category comes from the channel's services through the
reviewable mapping file data/ptv_mapping.yml (from the channel's own names when it names no known service).

Two sources, same JSON: saved responses (`--file`, a page `{pageNumber, pageCount, itemList}`, a list of
pages or of items), or the live API for each municipality of a county, page by page:
    {PTV_API_URL}/api/v11/Service/list/area/Municipality/code/{code}?page=N
    {PTV_API_URL}/api/v11/ServiceChannel/list/area/Municipality/code/{code}?page=N
Every fact of an imported record names as its source the API address of its channel, where anyone can
read it back.
"""
from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any, Callable, Iterable, Optional

import yaml

from bot.places import registry

API = "/api/v11"
IMPORTED_CHANNEL_TYPES = ("ServiceLocation", "Phone", "EChannel", "WebPage")  # not PrintableForm
_DAYS = {"monday": "mon", "tuesday": "tue", "wednesday": "wed", "thursday": "thu", "friday": "fri",
         "saturday": "sat", "sunday": "sun"}
_DAY_ORDER = list(_DAYS.values())
_WHOLE_COUNTRY = ("nationwide", "nationwideexceptalandislands", "wholecountry", "wholecountryexceptalandislands")
_COUNTY_AREA_TYPES = ("wellbeingservicecounty", "wellbeingservicecounties")


class PtvError(RuntimeError):
    """PTV data could not be read or fetched."""


# --- reading ----------------------------------------------------------------------------------------------

@dataclass
class PtvItems:
    """PTV items by id: services and service channels (as the API returns them)."""

    services: dict[str, dict] = field(default_factory=dict)
    channels: dict[str, dict] = field(default_factory=dict)

    def add(self, data: Any) -> int:
        """Add items from a page, a list of pages or items, or one item; returns how many were added."""
        if isinstance(data, list):
            return sum(self.add(item) for item in data)
        if not isinstance(data, dict):
            return 0
        if "itemList" in data:
            return self.add(data.get("itemList") or [])
        item_id = data.get("id")
        if not item_id:
            return 0
        if "serviceChannelType" in data or "serviceChannelNames" in data:
            self.channels[item_id] = data
        elif "serviceNames" in data:
            self.services[item_id] = data
        else:
            return 0
        return 1

    def as_json(self) -> list:
        return [*self.services.values(), *self.channels.values()]


def read_files(paths: Iterable[Path]) -> PtvItems:
    items = PtvItems()
    for path in paths:
        try:
            items.add(json.loads(Path(path).read_text(encoding="utf-8")))
        except (OSError, ValueError) as exc:
            raise PtvError(f"{path}: {exc}") from exc
    return items


def fetch_county(base_url: str, county: str, include_whole_country: bool = False, progress: bool = True,
                 get: Optional[Callable[[str], Any]] = None) -> PtvItems:
    """Every service and channel of a county's municipalities from the live API (paged)."""
    from tqdm import tqdm

    get = get or _http_get
    codes = sorted(m.code for m in registry.municipalities().values() if m.county == county)
    if not codes:
        raise PtvError(f"no municipalities known for county {county!r}")
    items = PtvItems()
    jobs = [(kind, code) for code in codes for kind in ("Service", "ServiceChannel")]
    with tqdm(jobs, desc=f"PTV {county}", unit="query", disable=not progress) as bar:
        for kind, code in bar:
            page, pages = 1, 1
            while page <= pages:
                url = (f"{base_url}{API}/{kind}/list/area/Municipality/code/{code}?page={page}"
                       f"&includeWholeCountry={'true' if include_whole_country else 'false'}")
                data = get(url)
                items.add(data)
                pages = int(data.get("pageCount") or 0)
                bar.set_postfix(municipality=code, page=f"{page}/{max(pages, 1)}", items=len(items.as_json()))
                page += 1
    return items


def _http_get(url: str) -> Any:
    import requests

    try:
        response = requests.get(url, timeout=60, headers={"Accept": "application/json"})
        response.raise_for_status()
        return response.json()
    except (requests.RequestException, ValueError) as exc:
        raise PtvError(f"GET {url}: {exc}") from exc


# --- mapping to categories --------------------------------------------------------------------------------

def fold(text: str) -> str:
    """Lower case without accents, so that 'Päihde' and 'paihde' are the same word."""
    text = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in text if not unicodedata.combining(c))


@dataclass(frozen=True)
class Rule:
    category: str
    service_classes: tuple[str, ...]
    ontology_terms: tuple[str, ...]
    keywords: Optional[re.Pattern]
    exclude: Optional[re.Pattern]

    def matches(self, text: str, classes: set[str], terms: set[str]) -> bool:
        if self.exclude and self.exclude.search(text):
            return False
        if any(c == wanted or c.startswith(wanted + ".") for c in classes for wanted in self.service_classes):
            return True
        if terms & set(self.ontology_terms):
            return True
        return bool(self.keywords and self.keywords.search(text))


def _words(words: Iterable[str]) -> Optional[re.Pattern]:
    words = [fold(str(w)).strip() for w in words or () if str(w).strip()]
    if not words:
        return None
    return re.compile(r"(?<!\w)(?:" + "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)) + ")")


def load_mapping(path: Path) -> list[Rule]:
    from bot.directory.records import CATEGORIES

    doc = yaml.safe_load(Path(path).read_text(encoding="utf-8")) or {}
    rules = []
    for raw in doc.get("rules") or []:
        if raw.get("category") not in CATEGORIES:
            raise PtvError(f"{path}: unknown category {raw.get('category')!r}")
        rules.append(Rule(raw["category"], tuple(str(c) for c in raw.get("service_classes") or ()),
                          tuple(str(t) for t in raw.get("ontology_terms") or ()), _words(raw.get("keywords")),
                          _words(raw.get("exclude"))))
    return rules


def categorize(rules: list[Rule], texts: Iterable[str], classes: Iterable[str] = (),
               terms: Iterable[str] = ()) -> Optional[str]:
    """The category of the first matching rule, or None."""
    text = " | ".join(fold(t) for t in texts if t)
    classes, terms = set(classes), set(terms)
    return next((r.category for r in rules if r.matches(text, classes, terms)), None)


def service_category(rules: list[Rule], service: dict) -> Optional[str]:
    classes = {_class_code(c) for c in service.get("serviceClasses") or []}
    terms = {t.get("uri") for t in service.get("ontologyTerms") or [] if t.get("uri")}
    texts = [*_values(service.get("serviceNames")), *_values(service.get("keywords")),
             *(v for t in service.get("ontologyTerms") or [] for v in _values(t.get("name")))]
    return categorize(rules, texts, classes, terms)


def _class_code(service_class: dict) -> str:
    return str(service_class.get("code") or (service_class.get("uri") or "").rstrip("/").rsplit("/", 1)[-1])


# --- converting a channel ---------------------------------------------------------------------------------

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
            own = categorize(rules, [*_values(channel.get("serviceChannelNames")),
                                     *(v for t in channel.get("ontologyTerms") or [] for v in _values(t.get("name")))],
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


def _values(items: Any) -> list[str]:
    return [str(i.get("value")) for i in items or [] if isinstance(i, dict) and i.get("value")]


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

