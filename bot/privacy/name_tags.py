"""A first name marked by what is written right next to it (bot.privacy.names runs this last), whatever the
word is otherwise. Set L's redaction shapes (a development set) showed these:

- an age in brackets: "Anna (7) har ont i magen", "Eetu (4) ei nuku";
- a signature of name, age and place: "– Kari, 29, Jakobstad", "/ helge, 17, Karleby";
- a pet-name compound: "eero-kulta täyttää", "Björn-gubben har feber", "Pikku-Kenth", "lilla Simo".
"""

from __future__ import annotations

import re
from typing import Sequence

from bot.places.finnish import fold
from bot.privacy.name_lexicon import _PERSON_CLASSES, NOT_NAMES, STOPWORDS, _base_name, _names, voikko_classes
from bot.privacy.name_passes import RELATION_WORDS, _function_word, unknown_word

_BRACKETED_AGE = re.compile(r"^\s*\(\s*\d{1,2}\s*(?:v|år|vuotta|kk|mån)?\s*\)")
_AGE_AND_PLACE = re.compile(r"^\s*,\s*\d{1,2}\s*(?:v|år|vuotta)?\s*,\s*[A-ZÅÄÖ][\w-]+\s*[.!]?\s*$")
_PETS = frozenset("kulta pieni rakas raukka muru nuppu gubben gumman lilla lill pikku pikkunen".split())
_LITTLE = frozenset({"lilla", "lille", "pikku"})


def _given(word: str) -> bool:
    """A listed given name or one Voikko knows as a person's name (not a municipality: "Kuopio-kulta")."""
    folded = fold(word)
    if len(folded) < 2 or folded in STOPWORDS or folded in NOT_NAMES or folded in RELATION_WORDS:
        return False
    return _base_name(folded) in _names().first or bool(voikko_classes(word.capitalize()) & _PERSON_CLASSES)


def _pet_compound(tok) -> bool:
    parts = tok.text.split("-")
    if len(parts) < 2:
        return False
    if parts[-1].lower() in _PETS:
        return all(_given(p) for p in parts[:-1])
    return parts[0].lower() in _LITTLE and all(p[:1].isupper() and _given(p) for p in parts[1:])


def _little_before(tokens: Sequence, i: int) -> bool:
    """ "lilla Simo vill inte": capitalised after "lilla"/"pikku" inside a sentence."""
    tok = tokens[i]
    return (
        i >= 1
        and tokens[i - 1].folded in _LITTLE
        and tok.capital
        and not tok.sentence_start
        and not tok.text.isupper()
        and not _function_word(tok)
        and _given(tok.text)
    )


def _tagged(text: str, tokens: Sequence, i: int, places: dict) -> bool:
    tok = tokens[i]
    if _function_word(tok) or i in places:
        return False  # "Oulu (13)", "Kemi (9)": a municipality with a number is no child
    after = text[tok.end : tok.end + 40]
    if _BRACKETED_AGE.match(after):
        return tok.capital or _base_name(tok.folded) in _names().first
    if _AGE_AND_PLACE.match(after):
        return tok.capital or _base_name(tok.folded) in _names().first or unknown_word(tok)
    return False


def mark(text: str, tokens: Sequence, places: dict, flags: list[bool]) -> None:
    for i, tok in enumerate(tokens):
        if flags[i]:
            continue
        if _pet_compound(tok) or _little_before(tokens, i) or _tagged(text, tokens, i, places):
            flags[i] = True
