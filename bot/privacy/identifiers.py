"""Structured personal data in free text: e-mail addresses, henkilötunnus, IBANs, phone numbers, street
addresses. Each finder returns (start, end) spans of the original text; checksums are verified where the
format has one (henkilötunnus check character, IBAN mod-97), so that order numbers and dates are left alone.
"""

from __future__ import annotations

import re
from datetime import date
from functools import lru_cache
from typing import Iterator

from bot.privacy.public import directory, place_mentions

Span = tuple[int, int]

EMAIL = re.compile(
    r"(?<![\w.+-])[\w.+-]+\s?(?:@|\(at\)|\[at\])\s?[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}(?![\w-])", re.IGNORECASE
)

# DDMMYY, century sign (+ 1800s; - Y X W V U 1900s; A B C D E F 2000s), individual number, check character.
HETU = re.compile(r"(?<![\w-])(\d{2})(\d{2})(\d{2})([-+A-FU-Y])(\d{3})([0-9A-Y])(?!\w)", re.IGNORECASE)
_HETU_CHECK = "0123456789ABCDEFHJKLMNPRSTUVWXY"
_CENTURY = {"+": 1800, **{c: 1900 for c in "-YXWVU"}, **{c: 2000 for c in "ABCDEF"}}

# Two letters, two check digits, 11-30 alphanumerics, in groups of four or written together.
# The last, short group is digits: letters there are the next word ("SE08 3080 ... 6453 om").
IBAN = re.compile(r"(?<![\w])([A-Z]{2}\d{2}(?:[ ]?[A-Z0-9]{4}){2,7}(?:[ ]?\d{1,3})?)(?![\w])", re.IGNORECASE)
_IBAN_LENGTH = {"FI": 18, "SE": 24, "NO": 15, "DK": 18, "DE": 22, "EE": 20, "AX": 18}

# A phone number starts with +, 00 or 0 and has 7-15 digits in groups split by a space, dash, dot or slash,
# or a bracketed area code or country code: 040 123 4567, 040-1234567, 040.123.4567, +358 40 1234567,
# (+358) 40 1234567, +358 (0)40 123 4567, (09) 123 4567, 070-123 45 67, puh.07-52792239.
# Digits run freely, then groups follow only after a separator: bounded backtracking on long digit runs.
PHONE = re.compile(
    r"(?<![\w+])(?<!\d[.,])(?:\(?\+\s?\d{1,3}\)?(?:\s?\(0\))?[ \-./]?|00\d{1,3}[ \-./]?|\(0\d{1,4}\)\s?|0)"
    r"\d{1,12}(?:[ \-./]\d{1,12}){0,5}(?![\w/]|[.,]\d)"
)
# Dates and times look like dotted numbers: 01.02.2024, 09.30-16.00.
_DATE_OR_TIME = re.compile(r"^\d{1,2}[.:/]\d{1,2}(?:[.:/]\d{2,4})?(?:\s?-\s?\d{1,2}[.:/]\d{1,2}(?:[.:/]\d{2,4})?)?$")

_STREET_FI = (
    "katu",
    "kadu",
    "tie",
    "kuja",
    "polku",
    "polu",
    "raitti",
    "raiti",
    "vayla",
    "kaari",
    "kaare",
    "rinne",
    "rintee",
    "ranta",
    "ranna",
    "tori",
    "aukio",
    "puistikko",
    "puistiko",
    "kaarre",
    "kaartee",
    "kierto",
    "kierro",
    "lenkki",
    "lenki",
    "maki",
    "mae",
    "piha",
    "kulma",
    "portti",
    "porti",
    "tanhua",
    "penger",
    "pientare",
    "bulevardi",
    "esplanadi",
    "valli",
    "laituri",
    "kaarto",
)
_STREET_SV = (
    "gatan",
    "gata",
    "vagen",
    "vag",
    "grand",
    "granden",
    "stigen",
    "backen",
    "backe",
    "allen",
    "esplanaden",
    "torget",
    "kajen",
    "stranden",
    "strand",
    "slingan",
    "ringen",
    "liden",
    "branten",
    "gangen",
    "kroken",
    "tappan",
    "vagen",
    "boulevarden",
    "bulevarden",
    "platsen",
    "straket",
    "kullen",
)
# Highways have numbers too ("valtatie 4"), and "tie" alone is a word.
_NOT_STREETS = re.compile(
    r"^(?:valta|kanta|seutu|moottori|maan|yhdys|koulu|tyo|koti|elama|menestys|rahti|"
    r"hoito|ura|kehitys|oppi|vaellus|pyora)?(?:tie|vag|vagen)\w{0,4}$"
)
STREET = re.compile(
    r"(?<![\w-])(?P<street>(?:(?:vastra|ostra|norra|sodra|stora|lilla|gamla|nya|vanha|uusi|iso|pikku|ita|lansi)\s+)?"
    r"[^\W\d_]{2,}(?:-[^\W\d_]+)?(?:"
    + "|".join(sorted(set(_STREET_FI + _STREET_SV), key=len, reverse=True))
    + r")[^\W\d_]{0,5})\s+(?P<number>\d{1,4}(?!\d)(?:\s?-\s?\d{1,4})?(?:\s?[a-h](?![^\W\d_]))?(?:\s?\d{1,3}(?!\d))?"
    r"(?:\s?(?:as|bst|lgh|h|lh)\.?\s?\d{1,4})?)(?::\s?[^\W\d_]{1,4})?"
    r"(?P<postal>,?\s+\d{5}(?:\s+[^\W\d_][\w-]*)?)?",
    re.IGNORECASE,
)
_SUFFIXES = "|".join(sorted(set(_STREET_FI + _STREET_SV), key=len, reverse=True))
# A street named without a house number ("asutaan Jännekadulla", "vi bor på Nygatan"): one word that ends
# in a street type, capitalised (a street's name) or after "asun", "bor på", "osoite".
STREET_WORD = re.compile(
    r"(?<![\w-])(?:(?:vanha|uusi|iso|pikku|ita|lansi|pohjois|etela|vastra|ostra|norra|sodra|stora|"
    r"lilla|gamla|nya)\s+)?[^\W\d_]{2,}(?:-[^\W\d_]+)?(?:" + _SUFFIXES + r")[^\W\d_]{0,5}(?![\w-])",
    re.IGNORECASE,
)
_LIVING_CUE = re.compile(
    r"(?:\basu(?:n|mme|u|vat|taan|tiin|in)|\bbo(?:r|dde)?\s+pa|\bosoi?t\w*|\badress\w*)\s*:?\s*$", re.IGNORECASE
)
# Finnish streets named after a person or a place, in two or three words: "Gunnel Nymanin katu 6",
# "Ylä-Fallin bulevardi", "Aleksis Kiven katu" (the capitals are read on the original text).
_STREET_TYPE_FI = (
    "katu|kadu|tie|kuja|polku|polu|bulevardi|raitti|raiti|vayla|kaari|kaare|rinne|rintee|aukio|tori|"
    "ranta|ranna|linja|esplanadi|puistikko|puistiko|kaarre|kaartee"
)  # "Toinen linja" only in words
STREET_MULTI = re.compile(
    r"(?<![\w-])(?P<words>(?:[A-Z][^\W\d_]*(?:-[^\W\d_]+)?\s+){0,2})(?P<genitive>[A-Z][^\W\d_]*(?:-[^\W\d_]+)?n)\s+"
    r"[^\W\d_]{0,12}(?:" + _STREET_TYPE_FI + r")[^\W\d_]{0,5}(?![\w-])"
    r"(?:\s+\d{1,4}(?!\d)(?:\s?[a-hA-H](?![^\W\d_]))?(?:\s?\d{1,3}(?!\d))?)?"
)
# A street in words, in lower case, after "asun"/"bor på": "asun fahlanderin puistotie", "bor på capellan
# puistokuja", "asun birger kaipiaisen tie" (the shore and slope words stay: "asun joen rannalla").
LIVING_STREET = re.compile(
    r"(?:\basu(?:n|mme|u|vat|taan|tiin|in)|\bbo(?:r|dde)?\s+pa)\s+(?P<street>(?:[^\W\d_]+\s+)?[^\W\d_]+n\s+"
    r"[^\W\d_]{0,12}(?:katu|kadu|tie|kuja|polku|polu|bulevardi|raitti|raiti|vayla|kaari|kaare|esplanadi)"
    r"[^\W\d_]{0,5})(?![\w-])",
    re.IGNORECASE,
)
# "osoite on ...", "asun osoitteessa ...", "min adress är ...": the rest of the clause, when it has a number.
ADDRESS_CUE = re.compile(
    r"\b(?:osoit(?:e|teeni|teemme|teeni on|e on|teeni:|e:|teessa|teessa)|kotiosoite\w*|"
    r"adress(?:en)?(?: ar)?:?|min adress ar|var adress ar|bor pa adressen)\s+(?P<rest>[^.;!?\n]{3,60})",
    re.IGNORECASE,
)

# Kinds of street, not names: "kotikatu" (the street one lives on), "kävelykatu", "kauppatori", "gågatan",
# "riksväg 8" (a highway's number is no house number).
_GENERIC_STREET = re.compile(
    r"^(?:(?:koti|kavely|paa|sivu|ostos|kauppa|pyora|asuin|liike|kyla|piha)(?:katu|kadu|tori|tie)"
    r"|(?:ga|riks|stam|lands)(?:gata|vag))"
)
_HIGHWAY = re.compile(r"^(?:riks|stam|lands)vag")
# "Spårvagn 7", "barnvagnen 2": a carriage (vagn), not a road (väg).
_VEHICLE = re.compile(r"vagn\w{0,4}$")
_UNIT_AFTER = re.compile(r"^\s*(?:km|kg|g|mg|ml|dl|l|%|€|e|eur|euro\w*|kpl|vko|v|h|min)\b", re.IGNORECASE)
# "koulutie 2 km", "vägen 3 år", "turvallista 5-vuotiaalle": a measure, not a house number (checked on the
# unfolded text: år ≠ är).
_MEASURE_AFTER = re.compile(
    r"^\s*-?(?:km|m|min|h|kpl|%|€|e|eur|euro\w*|v|vuo\w*|kk|viik\w*|vk|år|veck\w*|dag\w*|"
    r"päiv\w*|tunt\w*|minuu\w*|timm\w*|kilo\w*|metri\w*|meter|kg|g|ml|dl|l|mg)\b",
    re.IGNORECASE,
)
_FOLD = str.maketrans({"ä": "a", "ö": "o", "å": "a", "Ä": "A", "Ö": "O", "Å": "A", "é": "e", "É": "E"})


def fold_keep_length(text: str) -> str:
    """ä→a, ö→o, å→a without changing offsets, so spans found on the folded text fit the original."""
    return text.translate(_FOLD)


def emails(text: str) -> Iterator[Span]:
    for m in EMAIL.finditer(text):
        yield m.span()


def valid_hetu(ddmmyy: str, sign: str, individual: str, check: str) -> bool:
    """The check character is right and the date exists."""
    if _HETU_CHECK[int(ddmmyy + individual) % 31] != check.upper():
        return False
    try:
        date(_CENTURY[sign.upper()] + int(ddmmyy[4:]), int(ddmmyy[2:4]), int(ddmmyy[:2]))
    except ValueError:
        return False
    return individual != "000" and individual != "001"


def hetus(text: str) -> Iterator[Span]:
    for m in HETU.finditer(text):
        if valid_hetu(m.group(1) + m.group(2) + m.group(3), m.group(4), m.group(5), m.group(6)):
            yield m.span()


def valid_iban(candidate: str) -> bool:
    compact = candidate.replace(" ", "").upper()
    if not (compact.isascii() and compact.isalnum()):
        return False
    if not 15 <= len(compact) <= 34 or _IBAN_LENGTH.get(compact[:2], len(compact)) != len(compact):
        return False
    rearranged = compact[4:] + compact[:4]
    digits = "".join(str(int(ch, 36)) for ch in rearranged)
    return int(digits) % 97 == 1


# Written in other groups: "SE45 5000 0000 0583 9825 7466" split 2-4-4-..., "SE 45 5000-0000-...", "SE4550 0000 05".
_IBAN_LOOSE = re.compile(r"(?<![\w])(?:%s) ?\d{2}(?:[ .\-]?[A-Z0-9]){11,30}" % "|".join(_IBAN_LENGTH))


def _grouped_iban(text: str, start: int) -> int:
    """The end of a valid IBAN written from `start` with any single spaces, dots or dashes between its
    characters, or -1. The country's length decides where it ends; mod-97 decides whether it is one."""
    country = text[start : start + 2].upper()
    for length in [_IBAN_LENGTH[country]]:
        chars: list[str] = []
        i = start
        while i < len(text) and len(chars) < length:
            ch = text[i]
            if ch.isascii() and ch.isalnum():
                chars.append(ch)
            elif not (ch in " .-" and chars and i + 1 < len(text) and text[i + 1].isascii() and text[i + 1].isalnum()):
                break
            i += 1
        if len(chars) == length and not (i < len(text) and text[i].isalnum()) and valid_iban("".join(chars)):
            return i
    return -1


def ibans(text: str) -> Iterator[Span]:
    taken = []
    for m in IBAN.finditer(text):
        if valid_iban(m.group(1)):
            taken.append(m.span())
            yield m.span()
    for m in _IBAN_LOOSE.finditer(text):
        if any(a <= m.start() < b for a, b in taken):
            continue
        end = _grouped_iban(text, m.start())
        if end > 0:
            taken.append((m.start(), end))
            yield m.start(), end


def _digits(number: str) -> str:
    digits = re.sub(r"\D", "", number)
    if number.lstrip("( ").startswith("+358"):
        return "0" + digits[3:]
    if digits.startswith("00358"):
        return "0" + digits[5:]
    return digits


@lru_cache(maxsize=1)
def public_numbers() -> frozenset[str]:
    """Phone numbers of the services and helplines in the directory (public, not personal data)."""
    numbers = {"112", "116111", "116123", "0800147111", "0925250111", "0925250112", "080005005"}
    try:
        data = directory()
        for service in (*data.services, *data.helplines):
            if service.phone:
                numbers.add(_digits(service.phone.value))
    except Exception:  # the redactor must work even without the directory files
        pass
    return frozenset(numbers)


# A henkilötunnus with a wrong check character is not a phone number either.
_HETU_SHAPE = re.compile(r"^\d{6}[-+A-FU-Y]\d{3}[0-9A-Y]?$", re.IGNORECASE)


def phones(text: str) -> Iterator[Span]:
    for m in PHONE.finditer(text):
        number = m.group().rstrip(" -./")
        digits = _digits(number)
        if _HETU_SHAPE.match(number) or _DATE_OR_TIME.match(number):
            continue
        if not 7 <= len(re.sub(r"\D", "", number)) <= 15 or digits in public_numbers():
            continue
        if _UNIT_AFTER.match(text[m.end() :]):  # "0 5 10 15 km" is a distance, not a number to call
            continue
        yield m.start(), m.start() + len(number)


def place_spans(text: str) -> tuple[Span, ...]:
    """Where `text` names a municipality: those words are places, not streets or people."""
    return tuple((p.start, p.end) for p in place_mentions(text))


def _everyday_word(word: str) -> bool:
    """Voikko knows the word, and not only as a name (meidän, elämäntie)."""
    from bot.privacy.names import voikko_classes

    classes = voikko_classes(word)
    return bool(classes - {"etunimi", "sukunimi", "paikannimi", "nimi", ""})


def _simple_word(word: str) -> bool:
    """Voikko knows the word as an everyday word that is not a compound (Ranta, Rinne): not a street's
    name on its own. Compounds (Maapadonpolku) are how streets are named."""
    from bot.privacy.names import voikko_analyses

    return any(
        a.get("CLASS") not in ("etunimi", "sukunimi", "paikannimi", "nimi") and "=" not in a.get("STRUCTURE", "=")[1:]
        for a in voikko_analyses(word)
    )


def _streets_in_words(text: str, folded: str) -> Iterator[Span]:
    places = place_spans(text)
    for m in STREET_MULTI.finditer(folded):
        if any(s < m.end("genitive") and m.start("genitive") < e for s, e in places):
            continue  # "Oulun tori" is a public square
        sentence_start = not text[: m.start()].strip() or bool(re.search(r"[.!?:\n]\s*$", text[: m.start()]))
        genitive = text[m.start("genitive") : m.end("genitive")]
        if not m.group("words") and sentence_start and "-" not in genitive and _everyday_word(genitive):
            continue  # "Meidän katu"; not "Yrjö-Koskisen polku", whatever Voikko makes of the compound
        yield m.start(), m.end()


def _streets_after_living(folded: str) -> Iterator[Span]:
    for m in LIVING_STREET.finditer(folded):
        last = m.group("street").split()[-1].lower()
        if last in ("tie", "tien", "tiella", "tiella") or not _NOT_STREETS.match(last):  # "kaipiaisen tie"
            yield m.start("street"), m.end("street")


def _street_words(text: str, folded: str) -> Iterator[Span]:
    from bot.places.finnish import fold
    from bot.privacy.names import service_words
    from bot.privacy.not_people import one_word_organisation

    places = place_spans(text)
    for m in STREET_WORD.finditer(folded):
        word, start = m.group(), m.start()
        if _NOT_STREETS.match(word.lower()) or word.lower() in service_words() or _VEHICLE.search(word.lower()):
            continue
        if re.match(r"^[^\W\d_]{2}allen", word.lower()):
            continue  # "Kvällen" is the evening, "Ekallén" a street
        if any(s < m.end() and start < e for s, e in places):
            continue  # Pyhäranta is a municipality
        capital = text[start].isupper()
        cue = bool(_LIVING_CUE.search(folded[max(0, start - 30) : start]))
        original = text[start : m.end()]
        if not cue and one_word_organisation(fold(original)):
            continue  # "Linnanmäelle", "Salutorget": a park, a square everyone knows
        if not cue and _GENERIC_STREET.match(word.lower()):
            continue  # "Kotikadulla ajetaan", "Kävelykadulla oli": a kind of street, not its name
        if cue or (capital and not _simple_word(original)):
            yield start, m.end()


def addresses(text: str) -> Iterator[Span]:
    folded = fold_keep_length(text)
    multi = list(_streets_in_words(text, folded))  # first: "Haagan pappilankatu 5" is longer than its second word
    yield from multi
    yield from _streets_after_living(folded)
    for m in STREET.finditer(folded):
        street = m.group("street").lower()
        if (
            _NOT_STREETS.match(street)
            or _MEASURE_AFTER.match(text[m.end() :])
            or _VEHICLE.search(street)
            or _HIGHWAY.match(street)
        ):
            continue
        yield m.start(), m.end()
    yield from _street_words(text, folded)
    for m in ADDRESS_CUE.finditer(folded):
        rest = m.group("rest")
        if any(ch.isdigit() for ch in rest):
            cut = re.search(r"\s+(?:ja|och|mutta|men|eli|joten|sa att)\s", rest)
            end = m.start("rest") + (cut.start() if cut else len(rest.rstrip()))
            yield m.start("rest"), end
