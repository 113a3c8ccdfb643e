"""Read the reviewed YAML files of the directory into records, refusing anything malformed."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, Optional

import yaml

from bot.directory.hours import parse_hours
from bot.directory.records import CATEGORIES, HELPLINE_KINDS, Bilingual, Contact, County, Service, Sourced
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
            services.extend(_service(item, county, f"{folder}/{path.name}", origin) for item in doc.get("services") or [])
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
    checked = raw.get("checked") or date.today()
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
        languages=tuple(raw.get("languages") or ("fi",)),
        audience=tuple(raw.get("audience") or ("families",)),
        source=str(raw["source"]),
        checked=checked if isinstance(checked, date) else date.fromisoformat(str(checked)),
        notes=str(raw.get("notes") or ""),
        review=bool(raw.get("review", False)),
        origin=origin,
    )
