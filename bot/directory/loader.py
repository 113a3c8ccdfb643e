"""Read the reviewed YAML files of the directory into records, refusing anything malformed."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, Optional

import yaml

from bot.directory.hours import parse_hours
from bot.directory.records import (
    CATEGORIES,
    HELPLINE_KINDS,
    Bilingual,
    Contact,
    County,
    NamedContact,
    Service,
    Sourced,
    WayIn,
)
from bot.places import registry

DATA_DIR = Path(__file__).resolve().parent / "data"


class DataError(ValueError):
    """The directory files contain something we cannot load."""


@dataclass(frozen=True)
class DirectoryData:
    counties: tuple[County, ...]
    services: tuple[Service, ...]
    helplines: tuple[Service, ...]


def read_data(data_dir: Path = DATA_DIR) -> DirectoryData:
    """All counties, services and helplines from `data_dir`."""
    counties = tuple(_county(c) for c in _yaml(data_dir / "counties.yml")["counties"])
    known = {c.code for c in counties}
    services: list[Service] = []
    # services/: written by people; ptv/: written by `import-ptv` (same format, reviewed the same way).
    for folder, origin in (("services", "curated"), ("ptv", "ptv")):
        for path in sorted((data_dir / folder).glob("*.yml")):
            doc = _yaml(path) or {}
            county = doc.get("county")
            if county not in known:
                raise DataError(f"{folder}/{path.name}: unknown county {county!r}")
            services.extend(
                _service(item, county, f"{folder}/{path.name}", origin) for item in doc.get("services") or []
            )
    helplines = tuple(_service(item, None, "helplines.yml") for item in _yaml(data_dir / "helplines.yml")["helplines"])
    ids = [s.id for s in services] + [h.id for h in helplines]
    duplicates = {i for i in ids if ids.count(i) > 1}
    if duplicates:
        raise DataError(f"duplicate ids: {sorted(duplicates)}")
    return DirectoryData(counties, tuple(services), helplines)


def _yaml(path: Path) -> Any:
    try:
        return yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise DataError(f"{path}: {exc}") from exc


def _bilingual(value: Any, where: str) -> Bilingual:
    if isinstance(value, str):
        return Bilingual(value, value)
    if not isinstance(value, dict) or not value.get("fi"):
        raise DataError(f"{where}: needs a Finnish text")
    return Bilingual(str(value["fi"]).strip(), str(value.get("sv") or "").strip())


def _county(raw: dict) -> County:
    website = raw.get("website") or {}
    return County(
        code=raw["code"],
        number=str(raw["number"]),
        name=_bilingual(raw["name"], raw["code"]),
        website=website.get("fi", "") if isinstance(website, dict) else str(website),
        website_sv=website.get("sv", "") if isinstance(website, dict) else "",
        in_system=bool(raw.get("in_system", True)),
        aliases=tuple(raw.get("aliases") or ()),
        notes=str(raw.get("notes") or ""),
    )


def _sourced(raw: Optional[dict], key: str, where: str) -> Optional[Sourced]:
    if not raw:
        return None
    value, source = raw.get(key), raw.get("source")
    if not value:
        return None
    if not source:
        # A fact without a public source must not reach a person.
        raise DataError(f"{where}: {key} {value!r} has no source")
    return Sourced(str(value).strip(), str(source))


def _service(raw: dict, county: Optional[str], where: str, origin: str = "curated") -> Service:
    sid = raw.get("id")
    where = f"{where}:{sid}"
    category = raw.get("category") or ("crisis_line" if county is None else None)
    if category not in CATEGORIES:
        raise DataError(f"{where}: unknown category {category!r}")
    kind = raw.get("kind")
    if county is None and kind not in HELPLINE_KINDS:
        raise DataError(f"{where}: helpline kind must be one of {HELPLINE_KINDS}")
    municipalities = tuple(sorted(raw.get("municipalities") or ()))
    valid = registry.municipalities()
    for name in municipalities:
        if name not in valid or valid[name].county != county:
            raise DataError(f"{where}: {name!r} is not a municipality of {county}")
    if not raw.get("url") or not raw.get("source"):
        raise DataError(f"{where}: url and source are required")
    hours_raw = raw.get("hours") or {}
    try:
        hours = parse_hours(hours_raw.get("open") if isinstance(hours_raw, dict) else hours_raw)
    except (ValueError, KeyError) as exc:
        raise DataError(f"{where}: hours: {exc}") from exc
    if hours.known and not (isinstance(hours_raw, dict) and hours_raw.get("source")):
        raise DataError(f"{where}: hours have no source")
    address_raw = raw.get("address") or None
    if address_raw and not address_raw.get("source"):
        raise DataError(f"{where}: address has no source")
    contact_raw = raw.get("contact") or None
    contact = None
    if contact_raw:
        if contact_raw.get("name") and not contact_raw.get("source"):
            raise DataError(f"{where}: contact name has no source")
        role = contact_raw.get("role")
        contact = Contact(
            role=_bilingual(role, where) if role else None,
            name=contact_raw.get("name") or None,
            source=contact_raw.get("source") or None,
        )
    checked = _date(raw.get("checked"), where, "checked") or date.today()
    return Service(
        id=str(sid),
        category=category,
        kind=kind,
        county=county,
        name=_bilingual(raw["name"], where),
        description=_bilingual(raw.get("description") or raw["name"], where),
        municipalities=municipalities,
        url=str(raw["url"]),
        url_sv=str(raw.get("url_sv") or ""),
        phone=_sourced(raw.get("phone"), "number", where),
        email=_sourced(raw.get("email"), "address", where),
        address=_bilingual({k: v for k, v in address_raw.items() if k in ("fi", "sv")}, where) if address_raw else None,
        address_source=str((address_raw or {}).get("source") or ""),
        hours=hours,
        hours_source=str(hours_raw.get("source") or "") if isinstance(hours_raw, dict) else "",
        contact=contact,
        contacts=tuple(
            _named_contact(c, checked, f"{where}: contacts[{i}]") for i, c in enumerate(raw.get("contacts") or [])
        ),
        how_to_reach=_way_in(raw.get("how_to_reach"), where),
        source_date=_date(raw.get("source_date"), where, "source_date"),
        languages=tuple(raw.get("languages") or ("fi",)),
        audience=tuple(raw.get("audience") or ("families",)),
        source=str(raw["source"]),
        checked=checked,
        notes=str(raw.get("notes") or ""),
        review=bool(raw.get("review", False)),
        origin=origin,
    )


def _date(value: Any, where: str, key: str) -> Optional[date]:
    if value in (None, ""):
        return None
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value))
    except ValueError as exc:
        raise DataError(f"{where}: {key} {value!r} is not a date (YYYY-MM-DD)") from exc


def _named_contact(raw: Any, record_checked: date, where: str) -> NamedContact:
    """A named person for professionals: a name, a title, a way to reach them and the page that says so."""
    if not isinstance(raw, dict) or not raw.get("name"):
        raise DataError(f"{where}: a named contact needs a name")
    if not raw.get("source"):
        raise DataError(f"{where}: contact {raw['name']!r} has no source")  # never invent a person
    if not raw.get("phone") and not raw.get("email"):
        raise DataError(f"{where}: contact {raw['name']!r} needs a phone or an e-mail")
    audience = raw.get("audience", "professionals")
    if audience not in ("professionals", ["professionals"]):
        raise DataError(f"{where}: named contacts are for professionals only (audience {audience!r})")
    title = raw.get("title")
    return NamedContact(
        name=" ".join(str(raw["name"]).split()),
        source=str(raw["source"]),
        checked=_date(raw.get("checked"), where, "checked") or record_checked,
        title=_bilingual(title, where) if title else None,
        phone=str(raw.get("phone") or "").strip(),
        email=str(raw.get("email") or "").strip(),
        source_date=_date(raw.get("source_date"), where, "source_date"),
    )


def _way_in(raw: Any, where: str) -> Optional[WayIn]:
    """`how_to_reach: {fi, sv, url, source}`: the way in the county names when the unit has no line."""
    if not raw:
        return None
    if not isinstance(raw, dict) or not raw.get("fi"):
        raise DataError(f"{where}: how_to_reach needs a Finnish text (fi)")
    if not raw.get("source"):
        raise DataError(f"{where}: how_to_reach has no source")
    return WayIn(
        text=_bilingual({"fi": raw["fi"], "sv": raw.get("sv") or ""}, where),
        source=str(raw["source"]),
        url=str(raw.get("url") or ""),
    )
