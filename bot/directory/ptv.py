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
read it back. This module reads; ptv_mapping.py gives categories, ptv_records.py makes records and
ptv_import.py merges them into data/ptv/<county>.yml.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable, Optional

from bot.places import registry

API = "/api/v11"


class PtvError(RuntimeError):
    """PTV data could not be read or fetched."""


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
