"""Merge a PTV import into the directory files without overwriting people's work, and say what changed.

Each channel goes to the county its municipality codes name (`--county` only filters); each county touched
by the import is merged on its own. Imported records live in data/ptv/<county>.yml, in the same format as the hand-curated
data/services/<county>.yml, and `load` reads both. Rules:
- a curated record (services/) is never changed: a PTV channel that matches one (its `ptv_id`, or the same
  category and phone number or name) is left out and reported as "curated" with the differences;
- an imported record that somebody edited by hand (its content no longer matches the fingerprint written
  at import) is kept and reported as "kept", unless --overwrite;
- record ids listed under `ignore:` in the county's ptv file are never imported again;
- everything else is made equal to PTV: "added", "changed", "unchanged" (re-confirmed: `checked` moves to
  today), "removed" (no longer in PTV), and channels that could not be used are "skipped" with the reason.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Optional

import yaml

from bot.directory.loader import DataError, _service
from bot.directory.ptv import PtvItems
from bot.directory.ptv_mapping import fold, load_mapping
from bot.directory.ptv_records import candidates

_FACTS = ("url", "phone", "email", "address", "hours")
_ACTIONS = ("added", "changed", "unchanged", "removed", "kept", "curated", "skipped")


@dataclass(frozen=True)
class Change:
    action: str
    record: str
    name: str
    detail: str = ""


@dataclass
class ImportResult:
    county: str
    records: list[dict] = field(default_factory=list)
    ignore: list = field(default_factory=list)
    changes: list[Change] = field(default_factory=list)

    def counts(self) -> dict[str, int]:
        return {a: sum(1 for c in self.changes if c.action == a) for a in _ACTIONS}

    def table(self, width: int = 400) -> str:
        rows = sorted(self.changes, key=lambda c: (_ACTIONS.index(c.action), c.record))
        if not rows:
            return "Nothing to import."
        w_id = min(max(len(c.record) for c in rows), 90)
        lines = [f"{'action':9}  {'record':{w_id}}  name / detail", f"{'-' * 9}  {'-' * w_id}  {'-' * 40}"]
        for c in rows:
            text = c.name + (f" — {c.detail}" if c.detail else "")
            lines.append(f"{c.action:9}  {c.record[:w_id]:{w_id}}  {text[:width]}")
        return "\n".join(lines)

    def summary(self) -> str:
        return f"PTV import for {self.county}: " + ", ".join(f"{n} {a}" for a, n in self.counts().items())


@dataclass
class Imported:
    """An import of several counties: one result per county, and the channels no county could take."""

    results: list[ImportResult] = field(default_factory=list)
    unplaced: list[Change] = field(default_factory=list)

    def result(self, county: str) -> ImportResult:
        return next((r for r in self.results if r.county == county), ImportResult(county))

    def report(self) -> str:
        parts = []
        for r in self.results:
            parts += [f"== {r.county} ==", r.table(), r.summary(), ""]
        if self.unplaced:
            parts.append("== no county ==")
            parts += [f"skipped    {c.record}  {c.name} — {c.detail}" for c in self.unplaced]
            parts.append("")
        total = {a: sum(r.counts()[a] for r in self.results) for a in _ACTIONS}
        total["skipped"] += len(self.unplaced)
        parts.append(
            f"PTV import, {len(self.results)} count{'y' if len(self.results) == 1 else 'ies'}: "
            + ", ".join(f"{n} {a}" for a, n in total.items())
        )
        return "\n".join(parts)


def _websites(data_dir: Path) -> dict[str, str]:
    counties = yaml.safe_load((data_dir / "counties.yml").read_text(encoding="utf-8"))["counties"]
    out = {}
    for c in counties:
        website = c.get("website") or ""
        out[c["code"]] = website.get("fi", "") if isinstance(website, dict) else str(website)
    return out


def import_all(
    items: PtvItems,
    data_dir: Path,
    mapping: Path,
    source_base: str,
    today: date,
    county: Optional[str] = None,
    overwrite: bool = False,
) -> Imported:
    """Every channel into its own county (only `county`'s when given); see import_items."""
    websites = _websites(data_dir)
    if county is not None and county not in websites:
        raise DataError(f"unknown county {county!r}")
    found = candidates(items, load_mapping(mapping), source_base, today, websites, county=county)
    by_county: dict[str, list] = {}
    imported = Imported()
    for c in found:
        if c.county is None:
            imported.unplaced.append(Change("skipped", c.channel_id, c.name, c.skipped))
        else:
            by_county.setdefault(c.county, []).append(c)
    for code in sorted(set(by_county) | ({county} if county else set())):
        imported.results.append(_merge(code, by_county.get(code, []), data_dir, overwrite))
    return imported


def import_items(
    items: PtvItems, county: str, data_dir: Path, mapping: Path, source_base: str, today: date, overwrite: bool = False
) -> ImportResult:
    """What data/ptv/<county>.yml should hold after importing `items`, and every change on the way."""
    return import_all(items, data_dir, mapping, source_base, today, county=county, overwrite=overwrite).result(county)


def _merge(county: str, found: list, data_dir: Path, overwrite: bool) -> ImportResult:
    curated = _records(data_dir / "services" / f"{county}.yml")
    existing_doc = _doc(data_dir / "ptv" / f"{county}.yml")
    existing = {r["id"]: r for r in existing_doc.get("services") or []}
    ignore = list(existing_doc.get("ignore") or [])
    ignored = {str(i.get("id") if isinstance(i, dict) else i) for i in ignore}
    result = ImportResult(county, ignore=ignore)

    wanted: dict[str, dict] = {}
    for candidate in found:
        record = candidate.record
        if record is None:
            result.changes.append(Change("skipped", candidate.channel_id, candidate.name, candidate.skipped))
            continue
        if record["id"] in ignored:
            result.changes.append(
                Change("skipped", record["id"], candidate.name, f"listed under ignore: in ptv/{county}.yml")
            )
            continue
        try:
            _service(record, county, f"ptv/{county}.yml", "ptv")
        except DataError as exc:
            result.changes.append(Change("skipped", record["id"], candidate.name, f"not loadable: {exc}"))
            continue
        twin = _curated_twin(record, curated)
        if twin is not None:
            differences = _differences(twin, record)
            result.changes.append(
                Change(
                    "curated",
                    twin["id"],
                    candidate.name,
                    f"PTV {record['ptv']['channel']}: "
                    + ("differs in " + "; ".join(differences) if differences else "same facts"),
                )
            )
            continue
        wanted[record["id"]] = record

    for record_id, record in wanted.items():
        old = existing.get(record_id)
        name = record["name"]["fi"]
        if old is None:
            result.changes.append(Change("added", record_id, name))
        elif _edited(old) and not overwrite:
            differences = _differences(old, record)
            result.records.append(old)
            result.changes.append(
                Change(
                    "kept",
                    record_id,
                    name,
                    "edited by hand"
                    + ("; PTV differs in " + "; ".join(differences) if differences else "")
                    + " (--overwrite replaces it)",
                )
            )
            continue
        else:
            differences = _differences(old, record, everything=True)
            action = "changed" if differences else "unchanged"
            detail = "; ".join(differences) + (" (hand edits overwritten)" if _edited(old) else "")
            result.changes.append(Change(action, record_id, name, detail))
        result.records.append(_sealed(record))
    for record_id, old in existing.items():
        if record_id in wanted or record_id in ignored:  # ignored ones leave the file (reported as skipped)
            continue
        name = (old.get("name") or {}).get("fi", "")
        if _edited(old) and not overwrite:
            result.records.append(old)
            result.changes.append(Change("kept", record_id, name, "no longer in this PTV data, but edited by hand"))
        else:
            result.changes.append(Change("removed", record_id, name, "no longer in this PTV data"))
    result.records.sort(key=lambda r: (r.get("category", ""), fold((r.get("name") or {}).get("fi", "")), r["id"]))
    return result


def write(result: ImportResult, data_dir: Path, today: date) -> Path:
    path = data_dir / "ptv" / f"{result.county}.yml"
    path.parent.mkdir(parents=True, exist_ok=True)
    header = (
        f"# {result.county}: imported from Suomi.fi Palvelutietovaranto (PTV), open API v11, on {today.isoformat()}\n"
        "# by `python -m bot.directory import-ptv`. Review it like services/*.yml. Hand edits are kept on the next\n"
        "# import (ptv.fingerprint tells them apart); list record ids under `ignore:` to leave them out for good.\n"
    )
    doc: dict = {"county": result.county}
    if result.ignore:
        doc["ignore"] = result.ignore
    doc["services"] = result.records
    body = yaml.dump(doc, Dumper=_PlainDumper, allow_unicode=True, sort_keys=False, width=120)
    path.write_text(header + body, encoding="utf-8")
    return path


# --- helpers ----------------------------------------------------------------------------------------------


class _PlainDumper(yaml.SafeDumper):
    """Writes repeated values (the same `checked` date) out in full: no &anchors for people to puzzle over."""

    def ignore_aliases(self, data) -> bool:
        return True


def _doc(path: Path) -> dict:
    if not path.exists():
        return {}
    return yaml.safe_load(path.read_text(encoding="utf-8")) or {}


def _records(path: Path) -> list[dict]:
    return list(_doc(path).get("services") or [])


def fingerprint(record: dict) -> str:
    """A short hash of what a person could edit (everything but the import's own bookkeeping)."""
    content = {k: v for k, v in record.items() if k not in ("ptv", "checked")}
    return hashlib.sha256(json.dumps(content, sort_keys=True, default=str, ensure_ascii=False).encode()).hexdigest()[
        :16
    ]


def _sealed(record: dict) -> dict:
    return {**record, "ptv": {**record["ptv"], "fingerprint": fingerprint(record)}}


def _edited(record: dict) -> bool:
    stored = (record.get("ptv") or {}).get("fingerprint")
    return bool(stored) and stored != fingerprint(record)


def _digits(phone: Optional[dict]) -> str:
    digits = re.sub(r"\D", "", str((phone or {}).get("number") or ""))
    return "0" + digits[3:] if digits.startswith("358") else digits


def _curated_twin(record: dict, curated: list[dict]) -> Optional[dict]:
    channel = record["ptv"]["channel"]
    for c in curated:
        if str(c.get("ptv_id") or "") == channel:
            return c
    for c in curated:
        if c.get("category") != record["category"]:
            continue
        same_phone = _digits(c.get("phone")) and _digits(c.get("phone")) == _digits(record.get("phone"))
        same_name = fold((c.get("name") or {}).get("fi", "")) == fold(record["name"]["fi"])
        if same_phone or same_name:
            return c
    return None


def _fact(record: dict, key: str):
    value = record.get(key)
    if key in ("url", "url_sv") and isinstance(value, str):
        return value.rstrip("/") or None  # "https://x.fi/" and "https://x.fi" are the same page
    if isinstance(value, dict):
        if key == "phone":
            return _digits(value) or None
        return {k: v for k, v in value.items() if k != "source"} or None
    return value or None


def _differences(old: dict, new: dict, everything: bool = False) -> list[str]:
    keys = list(_FACTS)
    if everything:
        keys += ["name", "description", "category", "municipalities", "url_sv", "languages", "review", "notes"]
    found = []
    for key in keys:
        a, b = _fact(old, key), _fact(new, key)
        if a != b:
            found.append(f"{key}: {_short(a)} → {_short(b)}")
    return found


def _short(value) -> str:
    if value is None:
        return "–"
    if isinstance(value, dict) and set(value) <= {"fi", "sv"}:
        value = value.get("fi")
    text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False, default=str)
    return text if len(text) <= 60 else text[:57] + "..."
