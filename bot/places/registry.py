"""Finland's municipalities and wellbeing services counties, read from the directory's data files.

The files are the source of truth (municipalities.csv from Statistics Finland, counties.yml and
place_aliases.yml reviewed by hand). Loaded once, lazily; nothing runs at import time.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import yaml

DATA_DIR = Path(__file__).resolve().parent.parent / "directory" / "data"


@dataclass(frozen=True)
class Municipality:
    code: str
    name_fi: str
    name_sv: str
    county: str  # county slug
    bilingual: bool

    def name(self, lang: str) -> str:
        return self.name_sv if lang == "sv" else self.name_fi


@dataclass(frozen=True)
class CountyName:
    code: str
    name_fi: str
    name_sv: str
    region_fi: str  # the region's own name people use: "Lappi", "Pohjanmaa"
    region_sv: str
    aliases: tuple[str, ...]


@cache
def municipalities() -> dict[str, Municipality]:
    """All 308 municipalities keyed by canonical Finnish name."""
    path = DATA_DIR / "municipalities.csv"
    with path.open(encoding="utf-8") as f:
        rows = csv.DictReader(line for line in f if not line.startswith("#"))
        return {
            r["name_fi"]: Municipality(
                r["code"], r["name_fi"], r["name_sv"], county_codes()[r["county"]], r["bilingual"] == "yes"
            )
            for r in rows
        }


@cache
def _aliases() -> dict:
    return yaml.safe_load((DATA_DIR / "place_aliases.yml").read_text(encoding="utf-8")) or {}


def municipality_aliases() -> dict[str, tuple[str, ...]]:
    """Other names people use for a municipality (former municipalities, slang), by canonical name."""
    return {name: tuple(aliases or ()) for name, aliases in (_aliases().get("municipalities") or {}).items()}


def ambiguous_names() -> frozenset[str]:
    """Names that are also everyday words; recognised only with a location cue or as a bare answer."""
    return frozenset(_aliases().get("ambiguous") or ())


def first_name_places() -> frozenset[str]:
    """Names that are also people's first names (Kaarina, Loviisa): a place only with a cue or in a place case."""
    return frozenset(_aliases().get("first_names") or ())


@cache
def _counties() -> tuple[dict, ...]:
    return tuple(yaml.safe_load((DATA_DIR / "counties.yml").read_text(encoding="utf-8"))["counties"])


@cache
def county_codes() -> dict[str, str]:
    """Statistics Finland's county numbers ("01") -> our stable slugs (used in payloads as `area`), as
    counties.yml pairs them."""
    return {str(c["number"]).zfill(2): c["code"] for c in _counties()}


@cache
def county_names() -> dict[str, CountyName]:
    """Counties keyed by slug, with the region names and aliases people write."""
    data = _aliases()
    regions = data.get("regions") or {}
    out = {}
    for c in _counties():
        region = regions.get(c["code"]) or {}
        out[c["code"]] = CountyName(
            code=c["code"],
            name_fi=c["name"]["fi"],
            name_sv=c["name"]["sv"],
            region_fi=region.get("fi", ""),
            region_sv=region.get("sv", ""),
            aliases=tuple(c.get("aliases") or ()) + tuple(region.get("aliases") or ()),
        )
    return out
