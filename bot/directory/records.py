"""Plain frozen records the directory hands out; actions never see ORM objects."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Optional

from bot.directory.hours import OpeningHours

CATEGORIES = (
    "neuvola",
    "hal_clinic",
    "family_guidance",
    "family_social_work",
    "child_welfare",
    "social_emergency",
    "adult_substance",
    "mother_child_home",
    "youth_substance",
    "violence_support",
    "family_counselling",
    "mental_health",
    "crisis_line",
)
HELPLINE_KINDS = ("emergency", "crisis", "substance", "violence", "children", "parents", "poison")


@dataclass(frozen=True)
class Bilingual:
    fi: str
    sv: str = ""

    def get(self, lang: str) -> str:
        """The text in `lang`, falling back to the other language rather than to nothing."""
        return (self.sv or self.fi) if lang == "sv" else (self.fi or self.sv)


@dataclass(frozen=True)
class Sourced:
    """A fact (phone, e-mail, address, contact name) with the public page it was read from."""

    value: str
    source: str


@dataclass(frozen=True)
class Contact:
    role: Optional[Bilingual] = None
    name: Optional[str] = None
    source: Optional[str] = None


@dataclass(frozen=True)
class NamedContact:
    """A person a county publishes as a contact for professionals; shown only to professionals."""

    name: str
    source: str
    checked: date
    title: Optional[Bilingual] = None
    phone: str = ""
    email: str = ""
    source_date: Optional[date] = None  # the date the source page itself prints, when it prints one

    @property
    def dated(self) -> date:
        """How old the fact is: the page's own date when known, else when it was last read."""
        return self.source_date or self.checked


@dataclass(frozen=True)
class WayIn:
    """How the county says to get in when the unit has no line of its own (form, chat, switchboard, 112)."""

    text: Bilingual
    source: str
    url: str = ""


@dataclass(frozen=True)
class County:
    code: str
    number: str
    name: Bilingual
    website: str
    website_sv: str = ""
    in_system: bool = True
    aliases: tuple[str, ...] = ()
    notes: str = ""

    def page(self, lang: str) -> str:
        return self.website_sv if lang == "sv" and self.website_sv else self.website


@dataclass(frozen=True)
class Service:
    """A regional service (county set) or a national helpline (county None, kind set)."""

    id: str
    category: str
    name: Bilingual
    description: Bilingual
    url: str
    source: str
    checked: date
    county: Optional[str] = None
    kind: Optional[str] = None
    municipalities: tuple[str, ...] = ()  # empty: the whole county
    url_sv: str = ""
    phone: Optional[Sourced] = None
    email: Optional[Sourced] = None
    address: Optional[Bilingual] = None
    address_source: str = ""
    hours: OpeningHours = field(default_factory=OpeningHours)
    hours_source: str = ""
    contact: Optional[Contact] = None
    contacts: tuple[NamedContact, ...] = ()  # named people for professionals (records' `contacts:`)
    how_to_reach: Optional[WayIn] = None
    source_date: Optional[date] = None  # the source page's own date (PTV: the channel's `modified`)
    languages: tuple[str, ...] = ("fi",)
    audience: tuple[str, ...] = ("families",)
    notes: str = ""
    review: bool = False  # a fact comes from an old or uncertain source; the county should confirm it
    origin: str = "curated"  # "curated": written by people (services/); "ptv": written by the PTV import (ptv/)

    def page(self, lang: str) -> str:
        return self.url_sv if lang == "sv" and self.url_sv else self.url

    def serves(self, municipality: Optional[str]) -> bool:
        return not self.municipalities or municipality in self.municipalities


@dataclass(frozen=True)
class Match:
    """A service chosen for a person: `local` when it names their municipality, `open_now` may be None."""

    service: Service
    open_now: Optional[bool]
    local: bool
