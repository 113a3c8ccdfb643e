"""A first name and a surname written in lower case, which the first passes of the person-name finder
(bot.privacy.names) leave when neither word is listed: "antero hietanenlle", "ja e tore näslund",
"oon loke molin ja", "måst ja ge elliot norman".

The surname is a word no dictionary knows, Voikko's surname, or one with a case ending glued onto a
consonant, which Finnish never does ("grahnlle", "nilssonlle", "hietanenlle"). The first name is a listed
one or Voikko's, or any word no dictionary knows after an introduction ("oon", "ja e") or "ge"/"antaa".
"""

from __future__ import annotations

import re
from typing import Sequence

from bot.privacy import swedish_words
from bot.privacy.name_lexicon import (
    _NORDIC_SURNAME,
    _PERSON_CLASSES,
    NOT_NAMES,
    PROPER_CLASSES,
    _base_name,
    _names,
    voikko_classes,
)
from bot.privacy.name_passes import _function_word, unknown_word

_GLUED = re.compile(r"[^aeiouyäöå\W\d_](?:lle|lla|llä|lta|ltä)$")
# Words before a person who is given something or introduced: "antaa X Y:lle", "oon X Y", in Finnish
# (a Swedish word may be a name there: "oon loke molin"); "ge X Y min adress", "ja e X Y" in Swedish.
_CUES_FI = frozenset({"antaa", "anna", "annan", "oon", "olen"})
_CUES_SV = frozenset({"ge", "ja e", "jag ar", "ja ar", "jag e"})


def glued_case(word: str) -> bool:
    """ "nilssonlle", "hietanenlle": a case ending right after a consonant."""
    return len(word) >= 6 and bool(_GLUED.search(word.lower()))


def _spoken_word(word: str) -> bool:
    """Spoken Finnish Voikko knows once the standard ending is back ("haluu", "sano"), as an everyday
    word: "mikkola" + t is a place's plural to it, no word."""
    word = word.lower()
    candidates = [word + "i", word + "t"]
    if len(word) > 3 and word[-1] == word[-2] and word[-1] in "aeiouyäö":
        candidates += [word[:-1] + "a", word[:-1] + "ä"]
    return any(voikko_classes(c) - PROPER_CLASSES for c in candidates)


def _without_dots(word: str) -> bool:
    """Finnish written without ä and ö that Voikko knows once they are back: "enka" (enkä), "lapsilisa"
    (lapsilisä). Only for short words: each a or o doubles the forms to try."""
    word = word.lower()
    spots = [k for k, ch in enumerate(word) if ch in "ao"]
    if not spots or len(spots) > 4:
        return False
    for mask in range(1, 2 ** len(spots)):
        letters = list(word)
        for bit, k in enumerate(spots):
            if mask >> bit & 1:
                letters[k] = "ä" if letters[k] == "a" else "ö"
        if voikko_classes("".join(letters)) - PROPER_CLASSES:
            return True
    return False


# Spoken Finnish after "oon"/"olen" that no dictionary knows: a past participle ("oon lukinnu itteni",
# "oon ollu", "oon tehny") and the spoken reflexive pronoun, never a first name and a surname.
_SPOKEN_PARTICIPLE = re.compile(r"(?:nu|ny|llu|lly|rru|rry|ssu|ssy)$")
_SPOKEN_SELF = frozenset({"itteni", "ittes", "ittensa", "itteensa", "ittemme", "itseni", "itsesi"})


def _surname_like(tok) -> bool:
    if _function_word(tok) or tok.folded in NOT_NAMES or tok.folded in _SPOKEN_SELF:
        return False
    if glued_case(tok.text):
        return True
    classes = voikko_classes(tok.text.capitalize())
    if "sukunimi" in classes or _NORDIC_SURNAME.search(tok.text):
        return True
    return (
        len(tok.folded) >= 4
        and unknown_word(tok)
        and not _spoken_word(tok.text)
        and not _without_dots(tok.text)
        and not swedish_words.compound(tok.text)
    )


def _first_like(tok) -> bool:
    if _function_word(tok) or tok.folded in NOT_NAMES:
        return False
    base = _base_name(tok.folded)
    if base in _names().ambiguous:
        return False  # "kukaan usko mua": usko is belief
    if voikko_classes(tok.text) - PROPER_CLASSES:
        return base in _names().first and base == tok.folded  # "milloin" is Milloi's genitive to Voikko
    return base in _names().first or bool(voikko_classes(tok.text.capitalize()) & {"etunimi"})


def mark(tokens: Sequence, places: dict, flags: list[bool]) -> None:
    for i in range(1, len(tokens)):
        a, b = tokens[i - 1], tokens[i]
        if flags[i - 1] and flags[i]:
            continue
        if b.sentence_start or not (a.text.islower() and b.text.islower()) or i - 1 in places:
            continue
        if b.gap.strip() or not _surname_like(b):
            continue
        if i in places and not glued_case(b.text):
            continue
        before = tokens[i - 2].folded if i >= 2 and not a.sentence_start else ""
        two = f"{tokens[i - 3].folded} {before}" if i >= 3 and not tokens[i - 2].sentence_start else ""
        unknown = not _function_word(a) and not voikko_classes(a.text) - _PERSON_CLASSES
        sure = "sukunimi" in voikko_classes(b.text.capitalize()) or bool(_NORDIC_SURNAME.search(b.text))
        swedish_cue = before in _CUES_SV or two in _CUES_SV
        participle = before in _CUES_FI and len(a.folded) >= 5 and bool(_SPOKEN_PARTICIPLE.search(a.folded))
        cued = (
            unknown
            and not participle
            and (before in _CUES_FI or (swedish_cue and (sure or not swedish_words.everyday(a.text))))
        )
        if flags[i - 1] or _first_like(a) or cued:
            if voikko_classes(b.text) - PROPER_CLASSES and not glued_case(b.text):
                continue  # "[name] sanoi": a word Voikko knows stays
            flags[i - 1] = flags[i] = True
