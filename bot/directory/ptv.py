"""Read Suomi.fi Palvelutietovaranto (PTV) open API v11 data and turn it into Viitta directory records.

PTV describes *what* is offered as a Service (names, service classes, ontology terms, keywords, areas) and
*where and how to reach it* as ServiceChannels (a service location, a phone line, a web page, an e-service)
with phoneNumbers, supportPhones, supportEmails, webPages, addresses, serviceHours and areas. A Viitta
record is a place to contact, so one record is made per channel, county and category. Each channel names
its linked services (`services[].service` {id, name}); the category comes from them and from the channel's
own words through the reviewable mapping file data/ptv_mapping.yml.

Two sources, same JSON: saved responses (`--file`: a page `{pageNumber, pageCount, itemList}`, a list of
pages or of items, channels and services mixed), or the live API, for every municipality (of one county
when asked), page by page, and then each linked service once (cached on disk):
    {PTV_API_URL}/api/v11/ServiceChannel/list/area/Municipality/code/{code}?page=N
    {PTV_API_URL}/api/v11/Service/{id}
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
# The typed wrapper of PTV's swagger model (V11VmOpenApiServiceChannels); the API itself returns the channel.
_CHANNEL_WRAPPERS = (
    "electronicChannel",
    "phoneChannel",
    "printableFormChannel",
    "locationChannel",
    "serviceLocationChannel",
    "webPageChannel",
)


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
        wrapped = [data[k] for k in _CHANNEL_WRAPPERS if isinstance(data.get(k), dict)]
        if wrapped and not data.get("id"):  # V11VmOpenApiServiceChannels: {"phoneChannel": {...}, ...}
            return self.add(wrapped)
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


def fetch_channels(
    base_url: str,
    county: Optional[str] = None,
    include_whole_country: bool = False,
    progress: bool = True,
    get: Optional[Callable[[str], Any]] = None,
) -> PtvItems:
    """Every service channel of the municipalities of `county` (of every county when None), page by page."""
    from tqdm import tqdm

    get = get or _http_get
    codes = sorted(m.code for m in registry.municipalities().values() if county in (None, m.county))
    if not codes:
        raise PtvError(f"no municipalities known for county {county!r}")
    items = PtvItems()
    with tqdm(codes, desc=f"PTV {county or 'all counties'}", unit="municipality", disable=not progress) as bar:
        for code in bar:
            page, pages = 1, 1
            while page <= pages:
                url = (
                    f"{base_url}{API}/ServiceChannel/list/area/Municipality/code/{code}?page={page}"
                    f"&includeWholeCountry={'true' if include_whole_country else 'false'}"
                )
                data = get(url) or {}
                items.add(data)
                pages = int(data.get("pageCount") or 0)
                bar.set_postfix(municipality=code, page=f"{page}/{max(pages, 1)}", channels=len(items.channels))
                page += 1
    return items


def linked_service_ids(items: PtvItems) -> list[str]:
    ids = {
        str((link.get("service") or {}).get("id"))
        for c in items.channels.values()
        for link in c.get("services") or []
        if (link.get("service") or {}).get("id")
    }
    return sorted(ids)


def fetch_linked_services(
    items: PtvItems,
    base_url: str,
    cache_dir: Optional[Path] = None,
    max_age_days: float = 7,
    get: Optional[Callable[[str], Any]] = None,
    progress: bool = True,
) -> int:
    """Fetch `/Service/{id}` of every linked service not yet in `items` (service classes, ontology terms,
    keywords: what the channel list leaves out). A service is fetched once per run and, with `cache_dir`,
    once per `max_age_days`. Returns how many were asked from the API."""
    import time

    from tqdm import tqdm

    get = get or _http_get
    missing = [sid for sid in linked_service_ids(items) if sid not in items.services]
    asked = 0
    for sid in tqdm(missing, desc="PTV services", unit="service", disable=not progress or not missing):
        cached = cache_dir / f"service-{sid}.json" if cache_dir else None
        if cached and cached.exists() and time.time() - cached.stat().st_mtime < max_age_days * 86400:
            items.add(json.loads(cached.read_text(encoding="utf-8")))
            continue
        data = get(f"{base_url}{API}/Service/{sid}")
        asked += 1
        if not data:
            continue  # withdrawn since the channel was saved: the channel's own words still count
        items.add(data)
        if cached:
            cached.parent.mkdir(parents=True, exist_ok=True)
            cached.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return asked


def _http_get(url: str) -> Any:
    """The JSON at `url`; None when PTV says it does not exist (404)."""
    import requests

    try:
        response = requests.get(url, timeout=60, headers={"Accept": "application/json"})
        if response.status_code == 404:
            return None
        response.raise_for_status()
        return response.json()
    except (requests.RequestException, ValueError) as exc:
        raise PtvError(f"GET {url}: {exc}") from exc
