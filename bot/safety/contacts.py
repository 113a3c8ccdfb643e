"""A county's contact for when the action server or the app database is down.

Read from the reviewed directory files (bot/directory/data), not from the database, so that the Rasa
server can name the county's social emergency service and family service guidance even when nothing
else answers. Only names, numbers and pages from the data; the surrounding sentence is a domain response.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Optional

# Most urgent first: the social emergency service answers around the clock in most counties.
CATEGORIES = ("social_emergency", "family_guidance")


@lru_cache(maxsize=1)
def _data():
    from bot.directory.loader import read_data

    return read_data()


def county_of(area: Optional[str], municipality: Optional[str]) -> Optional[str]:
    """The county code from the `area` slot, else from the `municipality` slot."""
    codes = {c.code for c in _data().counties}
    if area in codes:
        return area
    if municipality:
        from bot.places.resolver import county_of as municipality_county

        return municipality_county(municipality)
    return None


def county_contact(county: Optional[str], lang: str) -> Optional[str]:
    """ "<county>: <service> <phone>; <service> <phone>; <web page>", or None for an unknown county."""
    data = _data()
    found = next((c for c in data.counties if c.code == county), None)
    if found is None:
        return None
    parts = []
    for category in CATEGORIES:
        service = next((s for s in data.services if s.county == county and s.category == category and s.phone), None)
        if service:
            parts.append(f"{service.name.get(lang)} {service.phone.value}")
    parts.append(found.page(lang))
    return f"{found.name.get(lang)}: " + "; ".join(parts)
