"""The conversation mix of the load benchmark: whole conversations as people write them, fi and sv.

Each conversation is sent with its own sender id, message by message. `expect` says what a good
answer to a message contains, so the report can show what each bot answered, not only how fast:
`("services", county)` – service cards whose first one is of that county (`national` for the
national lines); `("emergency", None)` – the emergency payload. The offer of a human service guide is
declined: a handoff waits for a person, which is not what this benchmark measures.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional


@dataclass(frozen=True)
class Conversation:
    name: str
    lang: str
    messages: tuple[str, ...]
    expect: dict[int, tuple[str, Optional[str]]] = field(default_factory=dict)


MIX: tuple[Conversation, ...] = (
    Conversation(
        "fi pregnant, drugs, Kemi",
        "fi",
        ("hei", "mä oon raskaana ja käytän amfetamiinia, mitä mun pitäis tehä", "asun kemissä", "kiitos"),
        {2: ("services", "lappi")},
    ),
    Conversation(
        "sv partner drinks, baby, Jakobstad",
        "sv",
        ("min sambo dricker och vi har en bebis", "Jakobstad", "tack"),
        {1: ("services", "pohjanmaa")},
    ),
    Conversation(
        "fi pregnant, drugs, Oulu",
        "fi",
        ("oon raskaana ja käytän huumeita", "Oulu", "kiitos"),
        {1: ("services", "pohjois-pohjanmaa")},
    ),
    Conversation(
        "sv professional, förhandsanmälan, Karleby",
        "sv",
        (
            "jag är barnmorska, när ska jag göra en förhandsanmälan för en gravid klient som använder droger",
            "Karleby",
            "tack",
        ),
        {1: ("services", "keski-pohjanmaa")},
    ),
    Conversation(
        "fi professional, anticipatory notification, Kokkola",
        "fi",
        (
            "olen neuvolan terveydenhoitaja, milloin minun pitää tehdä ennakollinen lastensuojeluilmoitus",
            "Kokkola",
            "kiitos",
        ),
        {1: ("services", "keski-pohjanmaa")},
    ),
    Conversation(
        "sv emergency, violence now",
        "sv",
        ("min man slår mig just nu och barnen är hemma hjälp",),
        {0: ("emergency", None)},
    ),
    Conversation(
        "fi exhausted, Sodankylä, no guide",
        "fi",
        ("mä en jaksa enää, vauva itkee koko ajan eikä kukaan auta", "Sodankylä", "ei kiitos"),
        {1: ("services", "lappi")},
    ),
    Conversation(
        "sv pregnant, drugs, Vasa in one message",
        "sv",
        ("jag är gravid och använder droger, vi bor i Vasa", "tack så mycket"),
        {0: ("services", "pohjanmaa")},
    ),
    Conversation(
        "fi emergency, overdose",
        "fi",
        ("otin äsken kaikki mun lääkkeet enkä halua enää elää",),
        {0: ("emergency", None)},
    ),
    Conversation(
        "sv exhausted in Åbo, no guide",
        "sv",
        ("hej", "jag orkar inte längre, bebisen skriker hela nätterna och jag bor i Åbo", "nej tack"),
        {1: ("services", "varsinais-suomi")},
    ),
    Conversation(
        "fi partner drinks in Oulu, asks the number again",
        "fi",
        (
            "asutaan oulussa, mun mies juo tosi paljon ja meil on kolmen kuukauden vauva",
            "mikä sen puhelinnumero oli?",
            "kiitos hei",
        ),
        {0: ("services", "pohjois-pohjanmaa")},
    ),
    Conversation(
        "sv postnatal low mood, place untold",
        "sv",
        (
            "jag mår så dåligt efter förlossningen, jag gråter hela tiden och känner ingenting för barnet",
            "vill inte säga",
            "tack",
        ),
        {1: ("services", "national")},
    ),
)


def met(expectation: tuple[str, Optional[str]], messages: list[dict]) -> bool:
    """Whether a reply (the REST channel's list of messages) contains what was expected."""
    kind, value = expectation
    customs = [m["custom"] for m in messages if isinstance(m.get("custom"), dict)]
    if kind == "emergency":
        return any(c.get("type") == "emergency" for c in customs)
    cards = [c for c in customs if c.get("type") == "service"]
    return bool(cards) and cards[0].get("area") == value
