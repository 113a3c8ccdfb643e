"""Frames around a word that make it a person's name, whatever the word is otherwise; run last by the
person-name finder (bot.privacy.names), after the organisations and fictional characters are cleared:

- greetings from someone at a message's end: "terkkuja brittalta", "terveisiä Kaarinalta", "hälsningar
  från lovisa" (Finnish: a name's ablative; Swedish: the word after "från");
- thanks, a comma and a last word: "okei kiitos paljon, mika", "okej tack så mycket, jonny";
- a name signing before a phone number: "kiitti. Kent 040 123 4567", "Inget mer, tack. Johan 040…";
- a name glossed by a relation in brackets: "Veikko (mun avokki)", "Armas (min son)", "Helén (Annas
  mamma)";
- a sentence opened by a given name and a Swedish verb: "Per har 39 i feber", "Johan har astma";
- a sentence opened by a given name's adessive and "on" (who has something), in either vowel harmony
  as people type it: "Marjalla on kuumetta", "Orvokkillä on astma";
- a municipality that is also a given name, in a case a person takes and the town does not: "kysyin
  Kaarinalta", "soitin Lovisalle" (the towns are "Kaarinassa", "Lovisassa").
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Sequence

from bot.places.finnish import fold
from bot.privacy import not_people, swedish_words
from bot.privacy.name_lexicon import (
    _PERSON_CLASSES,
    FAMILY_AFTER,
    FICTION,
    GREETINGS,
    NOT_NAMES,
    PROFESSION_ENDINGS,
    PROPER_CLASSES,
    STOPWORDS,
    _base_name,
    _names,
    service_words,
    voikko_classes,
)
from bot.privacy.name_passes import RELATION_WORDS, _function_word, unknown_word

_GREETINGS_FROM_FI = frozenset({"terkkuja", "terkut", "terveisia", "terveiset", "tervehdys", "haleja", "halauksia"})
_GREETINGS_FROM_SV = frozenset({"halsningar", "halsning", "kram", "kramar", "kramis", "halsn"})
_THANKS = frozenset({"kiitos", "kiitti", "kiitoksia", "kiitokset", "tack", "tackar", "tacksam", "kiittaa"})
_BRACKETED = re.compile(r"^\s*\(([^()]{2,40})\)")
_RELATIONS = (
    RELATION_WORDS
    | FAMILY_AFTER
    | frozenset(
        """avokki avokkini avomies avovaimo miesystava poikaystava tyttoystava pojkvan flickvan sambon
    anoppi appi svarmor svarfar mummo pappa mormor farmor morfar farfar kaveri kompis vaninen systerson
    broidi sisko veli isa aiti aitee faija mutsi bror syster kusin serkku lapsi barnet sonen dottern""".split()
    )
)
_POSSESSIVES = frozenset({"mun", "minun", "meidan", "meian", "min", "mitt", "mina", "var", "vart", "hans", "hennes"})
# Not the copula: "Tor var åskguden", "Frej är en gud" define a word.
_SV_VERBS = frozenset(
    """har hade fick ska skulle vill kan sa sade sager hotar dricker ringde tycker mar behover borjar
    slar sover""".split()
)
_SV_SUBJECTS = frozenset({"han", "hon", "jag", "ja", "vi", "de", "dom", "ni", "man", "det", "du", "den"})
_AHEAD_FI = frozenset({"on", "oli", "ei", "ois", "olis"})


@lru_cache(maxsize=1)
def _listed() -> frozenset[str]:
    return _names().first | _names().surnames


def _name_word(tok) -> bool:
    """A listed given name or surname (also one that is a word), Voikko's name, or a word no dictionary knows."""
    if _function_word(tok) or tok.folded in service_words():
        return False
    base = _base_name(tok.folded)
    classes = voikko_classes(tok.text) | voikko_classes(tok.text.capitalize())
    return bool((base and base in _listed()) or classes & _PERSON_CLASSES or unknown_word(tok))


def _last_word(text: str, tokens: Sequence, i: int) -> bool:
    return i == len(tokens) - 1 and not text[tokens[i].end :].strip(" .!?\n:)")


def _stem_is_first_name(stem: str) -> bool:
    base = _base_name(fold(stem))
    return bool(
        (base and base in _names().first and fold(stem) == base) or "etunimi" in voikko_classes(stem.capitalize())
    )


def _greeting_from(text: str, tokens: Sequence, i: int, places: dict) -> bool:
    """ "terkkuja brittalta", "hälsningar från lovisa": the last word after greetings from someone."""
    tok = tokens[i]
    if i < 1 or not _last_word(text, tokens, i) or tok.sentence_start:
        return False
    before = tokens[i - 1].folded
    if i in places:  # "terkkuja kaarinalta": the town would be "Kaarinasta"
        return before in _GREETINGS_FROM_FI and _municipality_first_name(tok)
    if before in _GREETINGS_FROM_FI and tok.folded.endswith("lta") and len(tok.folded) >= 5:
        stem = tok.text[:-3]
        everyday = voikko_classes(tok.text) - PROPER_CLASSES
        return _stem_is_first_name(stem) or (not everyday and _name_word(tok))
    if before in ("fran", "av") and i >= 2 and tokens[i - 2].folded in _GREETINGS_FROM_SV:
        return tok.folded not in STOPWORDS and _name_word(tok) or _stem_is_first_name(tok.text)
    return False


def _thanks_vocative(text: str, tokens: Sequence, i: int, places: dict) -> bool:
    """ "okei kiitos paljon, mika": thanks in the same sentence, a comma, and the message's last word."""
    tok = tokens[i]
    if i < 1 or not _last_word(text, tokens, i) or i in places or tok.sentence_start:
        return False
    if tok.gap.strip() != "," or tok.folded in GREETINGS or tok.folded in ("moi", "hei", "heippa", "hejda", "da"):
        return False
    thanked = False
    for k in range(i - 1, max(-1, i - 5), -1):
        if tokens[k].folded in _THANKS:
            thanked = True
            break
        if tokens[k].sentence_start:
            break
    if not thanked:
        return False
    everyday = voikko_classes(tok.text.lower()) - PROPER_CLASSES - {"nimisana_laatusana"}
    if swedish_words.everyday(tok.text) and not _stem_is_first_name(tok.text):
        return False
    return not everyday and (_name_word(tok) or _stem_is_first_name(tok.text))


def _before_phone(text: str, tokens: Sequence, i: int, places: dict, phone_starts) -> bool:
    """ "kiitti. Kent 040 123 4567": a capitalised word opening a sentence or after a comma, then a phone number."""
    tok = tokens[i]
    if not (tok.text[:1].isupper() and tok.text[1:].islower()) or i in places:
        return False
    if not (tok.sentence_start or tok.gap.strip() == ","):
        return False
    after = text[tok.end : tok.end + 4]
    gap = len(after) - len(after.lstrip(" \t\n,:"))
    if tok.end + gap not in phone_starts():
        return False
    everyday = voikko_classes(tok.text) - PROPER_CLASSES
    if (everyday or swedish_words.everyday(tok.text)) and not _stem_is_first_name(tok.text):
        return False
    return _name_word(tok) or _stem_is_first_name(tok.text)


def _bracketed_relation(text: str, tokens: Sequence, i: int, places: dict) -> bool:
    """ "Veikko (mun avokki)", "Armas (min son)", "Helén (Annas mamma)"."""
    tok = tokens[i]
    if not tok.text[:1].isupper() or tok.text.isupper() or i in places:
        return False
    m = _BRACKETED.match(text[tok.end : tok.end + 44])
    if not m:
        return False
    words = [fold(w) for w in re.findall(r"[^\W\d_]+", m.group(1))]
    if not words or len(words) > 3 or words[-1] not in _RELATIONS:
        return False
    if len(words) > 1 and not (words[0] in _POSSESSIVES or words[0].endswith(("s", "n"))):
        return False
    # the gloss says who the word is: any word but a function word ("Armas (min son)"); a directory's word
    # only with a possessive gloss ("Simon (min son)"), which no service has
    return not _function_word(tok) and (len(words) > 1 or tok.folded not in service_words())


_FAMILY_FI = frozenset({"perhe", "perheen", "perheelle", "perheella", "perheessa", "perheesta", "perhetta"})
_FAMILY_SV = frozenset({"familj", "familjen", "familjs"})


def _surname_like(stem: str) -> bool:
    folded = fold(stem)
    base = _base_name(folded)
    classes = voikko_classes(stem.capitalize())
    return bool(
        (base and base == folded and base in _listed())
        or classes & _PERSON_CLASSES
        or (not classes - PROPER_CLASSES and not swedish_words.everyday(stem))
    )


def _family_genitive(tokens: Sequence, i: int, places: dict) -> bool:
    """ "Karhun perheen asiat", "Hokkanenn perheen", "Berglunds familj": a surname's genitive (as people
    type it, also glued onto the base form) before the word for family."""
    tok = tokens[i]
    if not (tok.text[:1].isupper() and tok.text[1:].islower()) or i in places or _function_word(tok):
        return False
    if i + 1 >= len(tokens) or tokens[i + 1].sentence_start or tokens[i + 1].gap.strip():
        return False
    following = tokens[i + 1].folded
    if following in _FAMILY_FI and tok.folded.endswith("n") and len(tok.folded) >= 4:
        stem = tok.text[:-1]
        if _surname_like(stem) and (not voikko_classes(tok.text) - PROPER_CLASSES or fold(stem) in _names().surnames):
            return True  # "Grahnn", "Nilssonn": the genitive's -n glued on
        return "sukunimi" in voikko_classes(stem.capitalize()) or _base_name(fold(stem)) in _names().surnames
    if following in _FAMILY_SV and tok.folded.endswith("s") and len(tok.folded) >= 4:
        return _surname_like(tok.text[:-1]) and tok.folded not in STOPWORDS
    return False


def _swedish_subject(tokens: Sequence, i: int, places: dict) -> bool:
    """ "Per har 39 i feber", "Johan har astma": a given name opening a sentence before a Swedish verb."""
    tok = tokens[i]
    if not tok.sentence_start or not (tok.text[:1].isupper() and tok.text[1:].islower()) or i in places:
        return False
    if i + 1 >= len(tokens) or tokens[i + 1].sentence_start or tokens[i + 1].folded not in _SV_VERBS:
        return False
    if tokens[i + 1].gap.strip() or tok.folded in service_words() or tok.folded in NOT_NAMES:
        return False
    if i + 2 < len(tokens) and tokens[i + 2].folded in _SV_SUBJECTS:
        return False  # "Vilja har han": an object put first
    return _stem_is_first_name(tok.text)  # not any unknown word: "Arbis har kurser" (an institute)


def _adessive_owner(tokens: Sequence, i: int, places: dict) -> bool:
    """ "Marjalla on kuumetta", "Orvokkillä on astma": a sentence opened by a given name's adessive, then "on"."""
    tok = tokens[i]
    if not tok.sentence_start or not tok.text[:1].isupper() or i in places or not tok.folded.endswith("lla"):
        return False
    if i + 1 >= len(tokens) or tokens[i + 1].folded not in _AHEAD_FI or tokens[i + 1].sentence_start:
        return False
    if tok.folded in service_words():
        return False
    stem = tok.text[:-3]
    if _stem_is_first_name(stem) and fold(stem) not in service_words():
        return True
    if stem.endswith("i") and _stem_is_first_name(stem[:-1]) and fold(stem[:-1]) not in service_words():
        return True  # "Orvokkillä": Orvokki is written Orvoki- inflected, people keep the double k
    return False


def _municipality_person_case(tokens: Sequence, i: int, places: dict) -> bool:
    """ "kysyin jo Kaarinalta", "soitin Lovisalle": a municipality that is also a given name, inside a
    sentence, in the ablative or allative (a town of that name takes -ssa, -sta, -an)."""
    tok = tokens[i]
    if i not in places or tok.sentence_start or not tok.text[:1].isupper():
        return False
    return _municipality_first_name(tok)


def _municipality_first_name(tok) -> bool:
    if not tok.folded.endswith(("lta", "lle")):
        return False
    stem = tok.text[:-3]
    base = _base_name(fold(stem))
    return bool(base and base == fold(stem) and base in _names().first and base not in _names().ambiguous)


_OFFICE_FI = re.compile(
    r"^(?:paivakodi|neuvola|koulu|sossu|kela|terveyskeskukse|terveysasema|sosiaalitoimisto|sosiaalitoime"
    r"|lastensuojelu|paivahoido|kunna|perheneuvola|kirjasto|seurakunna)(?:sta|lta|ssa|lla)$"
)
_OFFICE_SV_AT = frozenset({"pa", "hos", "fran"})


def _at_office(tokens: Sequence, i: int, places: dict) -> bool:
    """ "Se Kuisma päiväkodista puhuu", "tala me Kian på socialen", "frågade Simon på rådgivningen": a
    name inside a sentence, then the office it works at."""
    tok = tokens[i]
    if tok.sentence_start or not (tok.text[:1].isupper() and tok.text[1:].islower()) or i + 1 >= len(tokens):
        return False
    after = tokens[i + 1]
    if after.sentence_start or after.gap.strip() or not after.text.islower():
        return False
    if i in places and (places[i] or after.folded not in ("pa", "hos") or not _stem_is_first_name(tok.text)):
        return False  # "Simon på rådgivningen": a town's Finnish genitive in a Swedish sentence is no town
    if not (_name_word(tok) or _stem_is_first_name(tok.text)):
        return False
    if _OFFICE_FI.match(after.folded):
        return not voikko_classes(tok.text) - PROPER_CLASSES or _stem_is_first_name(tok.text)
    if after.folded in _OFFICE_SV_AT and i + 2 < len(tokens):
        office = tokens[i + 2]
        return (
            not office.sentence_start
            and office.text.islower()
            and (
                office.folded in ("dagis", "fpa", "jobbet")
                or (office.folded.endswith(("en", "et")) and swedish_words.everyday(office.text))
            )
            and office.folded not in STOPWORDS
        )
    return False


_SV_INTRO = (("det", "ar"), ("det", "e"), ("de", "e"), ("ja", "e"), ("jag", "e"), ("jag", "ar"))


def _introduced_after_greeting(text: str, tokens: Sequence, i: int, places: dict) -> bool:
    """ "hej det är karina, jag har två barn": a greeting, "det är" and a word before a comma or the end."""
    tok = tokens[i]
    if i < 3 or i in places or tok.sentence_start or tokens[i - 1].sentence_start or tokens[i - 2].sentence_start:
        return False
    if (tokens[i - 2].folded, tokens[i - 1].folded) not in _SV_INTRO or tokens[i - 3].folded not in GREETINGS:
        return False
    rest = text[tok.end :].lstrip()
    if rest[:1] not in (",", "!", ".", "") or _function_word(tok):
        return False
    if _stem_is_first_name(tok.text):
        return True
    return not swedish_words.everyday(tok.text) and not voikko_classes(tok.text) - PROPER_CLASSES and _name_word(tok)


_SAID_SV = frozenset({"sa", "sade", "sagt", "tyckte", "lovade"})
_OPENERS = frozenset({"jamen", "men", "ja", "jo", "alltsa", "och", "o", "fast", "nej", "joo", "mut", "mutta"})


def _said_that(tokens: Sequence, i: int, places: dict) -> bool:
    """ "jamen pär sa att", "men inger sa att ni kan": the one who said it, opening the clause."""
    tok = tokens[i]
    if i in places or i + 2 >= len(tokens) or tokens[i + 1].folded not in _SAID_SV or tokens[i + 2].folded != "att":
        return False
    if any(t.sentence_start for t in tokens[i + 1 : i + 3]) or _function_word(tok):
        return False
    if not (tok.sentence_start or (i > 0 and tokens[i - 1].folded in _OPENERS)):
        return False
    if _stem_is_first_name(tok.text) or "etunimi" in voikko_classes(tok.text.capitalize()):
        return True
    return not swedish_words.everyday(tok.text) and unknown_word(tok)


def _swedish_genitive_before_noun(tokens: Sequence, i: int, places: dict) -> bool:
    """ "Aris lärare ringde", "för Elisas räkning": a given name's genitive -s before a Swedish noun."""
    tok = tokens[i]
    if not (tok.text[:1].isupper() and tok.text[1:].islower()) or not tok.folded.endswith("s") or i in places:
        return False
    if i + 1 >= len(tokens) or tokens[i + 1].sentence_start or tokens[i + 1].gap.strip():
        return False
    following = tokens[i + 1]
    if not following.text.islower() or not swedish_words.everyday(following.text) or voikko_classes(following.text):
        return False
    stem = tok.text[:-1]
    base = _base_name(fold(stem))
    if not (base and base == fold(stem) and base in _names().first) or fold(stem) in service_words():
        return False
    return not voikko_classes(tok.text) - PROPER_CLASSES


_ROLES = _RELATIONS | frozenset(
    """terkkari terveydenhoitaja opettaja opettajan rehtori kuraattori sossu lastenhoitaja lakari
    svarmor svarfar svarmorn exman exmake exfru exsambo exflickvan expojkvan lararen fröken froken
    rektorn kuratorn""".split()
)


def _after_role(tokens: Sequence, i: int, places: dict) -> bool:
    """ "svärmor Mari lägger sig", "terkkari Mari käski", "Min exman Simo hotar", "erityisopettaja
    Pohjola": a capitalised name right after a relation or role word; a municipality only in its base
    form and when it is also a given name or a surname."""
    tok = tokens[i]
    if i < 1 or tok.sentence_start or not (tok.text[:1].isupper() and tok.text[1:].islower()):
        return False
    before = tokens[i - 1].folded
    if not (before in _ROLES or before.endswith(PROFESSION_ENDINGS)) or tok.gap.strip():
        return False
    base = _base_name(tok.folded)
    listed_first = base == tok.folded and base in _names().first and base not in _names().ambiguous
    if _function_word(tok) or (tok.folded in service_words() and not listed_first):
        return False  # "exman Simo": a municipality's service word that is a given name too
    if base != tok.folded and not voikko_classes(tok.text) & _PERSON_CLASSES and tok.folded.endswith(_LOCATIVES):
        return False  # "opettaja Wilmassa": the school system, in a place's case
    if listed_first:
        return True
    if i in places:
        base = _base_name(tok.folded)
        return bool(places[i] and (base == tok.folded and base in _listed() or _surname_like_voikko(tok.text)))
    return _name_word(tok) or _stem_is_first_name(tok.text)


_LOCATIVES = ("ssa", "sta", "lla", "lta", "lle", "an", "en", "in", "on", "un", "yn")


def _surname_like_voikko(word: str) -> bool:
    return "sukunimi" in voikko_classes(word) or "etunimi" in voikko_classes(word)


_PHONE_START = re.compile(r"(?<![\w+])(?:\(?\+\d{1,3}\)?|0)[\s\-.]?\d[\d\s\-.()]{4,}\d")


def mark(text: str, tokens: Sequence, places: dict, flags: list[bool]) -> None:
    organisations = [span for span in not_people.phrase_spans(tokens, not_people.organisations()) if len(span) > 1]
    kept = {k for span in organisations + not_people.phrase_spans(tokens, FICTION) for k in span}
    phones: list = []

    def phone_starts() -> set:
        if not phones:
            # Where a phone number may start; a loose shape is enough here (identifiers finds the number itself,
            # and it reads names, so this module cannot read it).
            phones.append({m.start() for m in _PHONE_START.finditer(text)})
        return phones[0]

    for i in range(len(tokens)):
        if flags[i] or i in kept:
            continue
        if (
            _greeting_from(text, tokens, i, places)
            or _thanks_vocative(text, tokens, i, places)
            or _before_phone(text, tokens, i, places, phone_starts)
            or _bracketed_relation(text, tokens, i, places)
            or _swedish_subject(tokens, i, places)
            or _adessive_owner(tokens, i, places)
            or _municipality_person_case(tokens, i, places)
            or _family_genitive(tokens, i, places)
            or _at_office(tokens, i, places)
            or _introduced_after_greeting(text, tokens, i, places)
            or _said_that(tokens, i, places)
            or _swedish_genitive_before_noun(tokens, i, places)
            or _after_role(tokens, i, places)
        ):
            flags[i] = True
