"""What a single word's shape says about it, for the person-name finder (bot.privacy.names):

- a surname with a case ending glued onto its base form, as people write them: "Ahonenille",
  "Nousiainenlta", "Saloille" (Finnish would say Ahoselle, Salolle);
- a place's name in a person's case after a profession word: "sairaanhoitaja Salolta";
- a Swedish genitive or family plural at the start of a sentence: "Perssons har lovat", "Tapanis dagis";
- not a name: a capitalised Swedish everyday word opening a sentence ("Febern var 38", "Simhallen i
  Jakobstad"), which Voikko (Finnish) does not know; a hyphenated compound ending in an everyday word
  ("D-vitamin", "Karl-Johan-svampar", "Kanta-sidor");
- whether a lower-case word can be the surname of an inflected first name: only in the same case
  ("liisalla järvellä"; "liisalla oikeus" is a name and a noun).
"""

from __future__ import annotations

from typing import Optional, Protocol

from bot.places.finnish import fold
from bot.privacy import swedish_words
from bot.privacy.name_lexicon import (
    _NORDIC_SURNAME,
    _PERSON_CLASSES,
    NOT_NAMES,
    PROPER_CLASSES,
    STOPWORDS,
    _base_name,
    _names,
    dictionary_name,
    voikko_analyses,
    voikko_classes,
)

# Endings glued onto a surname's base form; -n and other short endings would make everyday words.
_GLUED = ("ille", "illa", "ilta", "lle", "lla", "lta")


class _Token(Protocol):
    text: str
    folded: str
    sentence_start: bool

    @property
    def capital(self) -> bool: ...


def _everyday(word: str) -> bool:
    """Voikko knows `word` as an everyday word (not only as a name or a place)."""
    return bool(voikko_classes(word) - PROPER_CLASSES)


def _simple_everyday(word: str) -> bool:
    """Voikko reads `word` as an everyday word that is not a compound (saloille: to the backwoods);
    "Saarinen=ille" is a compound it makes up."""
    return any(
        a.get("CLASS") not in PROPER_CLASSES and "=" not in a.get("STRUCTURE", "=")[1:] for a in voikko_analyses(word)
    )


def glued_surname(tok: _Token) -> bool:
    """ "Ahonenille", "Haverinenille", "Nousiainenlta", "Saloille": a listed surname, Voikko's surname or a
    -nen name, then a case ending Finnish would not put there. At a sentence's start never an everyday word
    ("Koskille" there may be to the rapids)."""
    word = tok.text
    if not tok.capital or (tok.sentence_start and _simple_everyday(word)):
        return False
    for ending in _GLUED:
        stem = word[: -len(ending)]
        if not fold(word).endswith(ending) or len(stem) < 4:
            continue
        folded = fold(stem)
        if folded in _names().surnames or "sukunimi" in voikko_classes(stem):
            return ending.startswith("i") or folded.endswith("nen")  # Saloille; Salolle is Finnish
        if folded.endswith("nen") and not _simple_everyday(word):
            return True
    return False


def surname_place(tok: _Token, base_form: bool) -> bool:
    """A place whose name is also a surname, in its base form or a case people take: "Salolta", "Salo"
    (the town is "Salossa"); "Espoossa" is never one."""
    if base_form:
        stem = tok.text
    else:
        cut = next((e for e in ("lla", "lta", "lle", "n") if tok.folded.endswith(e)), None)
        if cut is None:
            return False
        stem = tok.text[: -len(cut)]
    return bool(fold(stem) in _names().surnames or "sukunimi" in voikko_classes(stem.capitalize()))


def sentence_start_genitive(tok: _Token, base: Optional[str]) -> bool:
    """ "Perssons har lovat", "Tapanis dagis", "Elos har": a sentence opened by a name's genitive -s, the
    name listed, Voikko's, or with a Nordic surname's ending."""
    if not (tok.sentence_start and tok.capital and tok.folded.endswith("s") and len(tok.folded) >= 4):
        return False
    stem = tok.text[:-1]
    folded = fold(stem)
    if folded in NOT_NAMES or folded in STOPWORDS or _everyday(tok.text) or swedish_words.everyday(tok.text):
        return False
    listed = _base_name(folded) == folded and folded in (_names().first | _names().surnames)
    return bool(
        listed or voikko_classes(stem) & _PERSON_CLASSES or (_NORDIC_SURNAME.search(stem) and not voikko_classes(stem))
    )


def swedish_sentence_word(tok: _Token, base: Optional[str]) -> bool:
    """A capitalised Swedish everyday word opening a sentence, not a listed name nor Voikko's."""
    return (
        tok.sentence_start
        and tok.capital
        and base is None
        and dictionary_name(tok.text) is None
        and swedish_words.everyday(tok.text)
    )


def hyphened_word(tok: _Token) -> bool:
    """ "D-vitamin", "Kanta-sidor", "Karl-Johan-svampar": a compound whose last part is a lower-case
    everyday word; "Virtanen-perhe" (a name and one word) and "Anna-liisa" stay names."""
    parts = tok.text.split("-")
    last = parts[-1]
    if len(parts) < 2 or not last.islower() or len(last) < 3 or _base_name(fold(last)):
        return False
    if not (_everyday(last) or swedish_words.everyday(last)):
        return False
    first = parts[0]
    return len(parts) > 2 or not (_base_name(fold(first)) or voikko_classes(first) & _PERSON_CLASSES)


def same_case(first: _Token, word: _Token) -> bool:
    """`word` can be the surname of the name `first`: `first` is in its base form, or `word` ends like it."""
    base = _base_name(first.folded)
    return base is None or base == first.folded or word.folded[-2:] == first.folded[-2:]
