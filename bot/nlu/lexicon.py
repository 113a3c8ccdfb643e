"""Who is writing (role) and which substance is involved, found with reviewed word patterns.

Patterns run on folded text (lower case, no ä/ö/å), so "oon raskaana" and "jag ar gravid" match
however they are typed. Roles are first-person statements only: "tyttäreni on raskaana" makes the
writer a relative, not the pregnant person. One role per message, by precedence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from bot.places.finnish import fold

_I_AM_FI = r"(?:olen|oon|ma oon|mina olen|mä oon|olen nyt|oon nyt|oon itse|olen itse|tyoskentelen|toimin)"
_I_AM_SV = r"(?:jag ar|ja ar|jag e|ja e|jag jobbar som|ja jobbar som|jag arbetar som|jag jobbar pa|jag ar sjalv)"
_TITLES_FI = (
    r"(?:terveydenhoitaja|katilo|sosiaalityontekija|sosiaaliohjaaja|laakari|perhetyontekija|"
    r"sairaanhoitaja|psykologi|kuraattori|lastenhoitaja|varhaiskasvatuksen opettaja|opettaja|ohjaaja|"
    r"lastensuojelun tyontekija|ammattilainen|palveluohjaaja|paihdetyontekija|perheohjaaja|doula)"
    r"(?:na)?\b"
)
_TITLES_SV = (
    r"(?:halsovardare|barnmorska|socialarbetare|socialhandledare|lakare|familjearbetare|"
    r"sjukskotare|psykolog|kurator|barntradgardslarare|larare|handledare|yrkesperson|"
    r"familjehandledare)n?\b"
)

# (role, pattern) in precedence order: the first role that matches wins.
ROLE_PATTERNS: tuple[tuple[str, str], ...] = (
    ("professional", rf"\b{_I_AM_FI} (?:\w+ )?{_TITLES_FI}"),
    (
        "professional",
        r"\b(?:terveydenhoitajana|katilona|sosiaalityontekijana|sosiaaliohjaajana|laakarina|"
        r"perhetyontekijana|sairaanhoitajana|ammattilaisena|tyontekijana|opettajana)\b",
    ),
    (
        "professional",
        r"\b(?:asiakkaani|asiakkaamme|potilaani|potilaamme|mun asiakas\w*|meidan asiakas\w*|"
        r"asiakasperhe\w*|mun potilas\w*)\b",
    ),
    ("professional", rf"\b{_I_AM_SV} (?:\w+ )?{_TITLES_SV}"),
    (
        "professional",
        r"\b(?:som halsovardare|som barnmorska|som socialarbetare|som lakare|som yrkesperson|"
        r"min klient\w*|var klient\w*|min patient\w*|var patient\w*|klientfamilj\w*)\b",
    ),
    ("pregnant", rf"\b{_I_AM_FI} (?:\w+ )?raskaana\b"),
    ("pregnant", r"\b(?:odotan|odotetaan|odotamme|odotan nyt) (?:\w+ )?(?:vauvaa|lasta|esikoista|kaksosia)\b"),
    ("pregnant", r"\b(?:raskauteni|mun raskaus\w*|raskausviikolla|raskausviikko \d*|ma oon raskaana)\b"),
    ("pregnant", rf"\b{_I_AM_SV} (?:\w+ )?gravid\b"),
    ("pregnant", r"\b(?:jag vantar barn|ja vantar barn|vantar en bebis|min graviditet|jag ar i vecka)\b"),
    (
        "relative",
        rf"\b{_I_AM_FI} (?:\w+ )?(?:mummo|mummi|isoaiti|isoisa|ukki|vaari|pappa|tati|seta|eno|kummi|"
        r"naapuri|isovanhempi|sisko|veli|ystava)\b",
    ),
    (
        "relative",
        r"\b(?:mummona|isoaitina|isoisana|ukkina|tatina|setana|enona|kummina|isovanhempana|"
        r"lapsenlapse(?:ni|mme)|lapsenlapsi(?:ni|mme)|tyttarentytta\w*|pojanpoika\w*|tyttarenpoika\w*|"
        r"pojantytar\w*|siskoni|veljeni|sisareni|ystavani|kaverini|naapuri\w*|miniani|vavyni|"
        r"tyttareni on raskaana|tyttareni odottaa|poikani tyttoystava\w*|poikani vaimo\w*)\b",
    ),
    (
        "relative",
        rf"\b{_I_AM_SV} (?:\w+ )?(?:mormor|farmor|morfar|farfar|moster|faster|morbror|farbror|granne|"
        r"mommo|moffa|fammo|faffa)\b",
    ),
    (
        "relative",
        r"\b(?:som mormor|som farmor|som morfar|som farfar|mitt barnbarn|mina barnbarn|vart barnbarn|"
        r"min syster|min bror|min van|min vaninna|min kompis|grannen\w*|grannarna|min svarson|"
        r"min svardotter|min dotter ar gravid|min dotter vantar barn)\b",
    ),
    (
        "partner",
        r"\b(?:mieheni|vaimoni|puolisoni|kumppanini|poikaystavani|tyttoystavani|avomieheni|avovaimoni|"
        r"mun (?:mies|vaimo|puoliso|kumppani|poikaystava|tyttoystava|avomies|avovaimo|kundi|akka|ukko)|"
        r"meidan isi|lapsen isa|vauvan isa)\b",
    ),
    ("partner", r"\b(?:min (?:sambo|man|fru|partner|pojkvan|flickvan|make|maka)|barnets pappa|bebisens pappa)\b"),
    (
        "parent",
        r"\b(?:lapseni|lapsemme|vauvani|vauvamme|poikani|tyttareni|mun (?:lapsi|lapset|vauva|poika|tytto)|"
        r"meidan (?:lapsi|lapset|vauva|poika|tytto)|meil on vauva|meilla on vauva|olen aiti|oon aiti|"
        r"olen isa|oon isa|yksinhuoltaja\w*|aitina|isana|vanhempana)\b",
    ),
    (
        "parent",
        r"\b(?:mitt barn|mina barn|vart barn|vara barn|min bebis|var bebis|jag ar mamma|jag ar pappa|"
        r"ensamstaende|vi har en bebis|min son|min dotter|som mamma|som pappa|som forelder)\b",
    ),
)

SUBSTANCE_PATTERNS: tuple[tuple[str, str], ...] = (
    (
        "opioids",
        r"\b(?:subutex\w*|subu\w*|bupre\w*|buprenorfi\w*|metadon\w*|korvaushoid\w*|opioid\w*|oksikodon\w*|"
        r"oxycontin\w*|oxikodon\w*|fentanyy?l\w*|heroiini\w*|heroin\w*|kodeiini\w*|tramadol\w*|"
        r"substitutionsbehandling\w*|subbe\w*)",
    ),
    (
        "cannabis",
        r"\b(?:kannabi\w*|cannabis\w*|pilve\w*|pilvee|ganja\w*|marihuana\w*|marijuana\w*|hasis\w*|"
        r"hasch\w*|weed\w*|gras|gandzu\w*|polttaa ruohoa|roker pa)",
    ),
    (
        "medicines",
        r"\b(?:laake\w*|laakkei\w*|laakke\w*|pillere\w*|bentso\w*|benso\w*|lyrica\w*|pregabalin\w*|"
        r"unilaak\w*|rauhoittav\w*|lakemedel\w*|tablett\w*|piller\w*|sommedel\w*|somntablett\w*|lugnande)",
    ),
    (
        "drugs",
        r"\b(?:huume\w*|huumei\w*|amfetamiini\w*|amfetamin\w*|piri(?:a|lla|ssa|n|sta)?\b|kokaiini\w*|kokain\w*|ekstaasi\w*|"
        r"mdma|aineita|aineissa|aineet|kamaa|kovia aineita|drog\w*|knark\w*|spid\w*)",
    ),
    (
        "alcohol",
        r"\b(?:juo|juon|juot|juomme|juotte|juovat|joi|joimme|joivat|juonut|juonu|juominen\w*|juomise\w*|"
        r"juopo\w*|juopu\w*|alkoholi\w*|viina\w*|kalja\w*|olut\w*|olue\w*|ryyppa\w*|ryypp\w*|doka\w*|"
        r"humala\w*|kannis\w*|krapula\w*|viini\w*|lonkero\w*|dricker|drack|druckit|dricka|"
        r"drickandet|super|sop|supit|supa|alkohol\w*|sprit\w*|ol|vin|full|fulla|fylla\w*|fyllo\w*|"
        r"berusad\w*|onykter\w*|bakfull\w*|supande\w*)\b",
    ),
    ("other", r"\b(?:paihte\w*|paihde\w*|rusmedel\w*|missbruk\w*|nuuska\w*|snus\w*)"),
)


@dataclass(frozen=True)
class Hit:
    entity: str
    value: str
    start: int
    end: int


def _fold_keep_length(text: str) -> str:
    """Fold character by character so that offsets stay those of the original text."""
    return "".join(f if len(f) == 1 else c for c, f in ((c, fold(c)) for c in text))


@lru_cache(maxsize=1)
def _compiled():
    roles = tuple((value, re.compile(p)) for value, p in ROLE_PATTERNS)
    substances = tuple((value, re.compile(p)) for value, p in SUBSTANCE_PATTERNS)
    return roles, substances


def find_role(text: str) -> Hit | None:
    """The writer's role, if the message states it."""
    folded = _fold_keep_length(text)
    for value, pattern in _compiled()[0]:
        m = pattern.search(folded)
        if m:
            return Hit("role", value, m.start(), _word_end(folded, m.end()))
    return None


def find_substances(text: str) -> list[Hit]:
    """Every substance mentioned, without overlaps, in text order."""
    folded = _fold_keep_length(text)
    hits: list[Hit] = []
    for value, pattern in _compiled()[1]:
        for m in pattern.finditer(folded):
            end = _word_end(folded, m.end())
            if not any(h.start < end and m.start() < h.end for h in hits):
                hits.append(Hit("substance", value, m.start(), end))
    return sorted(hits, key=lambda h: h.start)


def _word_end(text: str, end: int) -> int:
    """Extend a match to the end of the word so entity spans align with tokens."""
    while end < len(text) and (text[end].isalnum() or text[end] == "-"):
        end += 1
    return end
