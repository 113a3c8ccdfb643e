"""Person names in Finnish and Swedish text, found by a curated name list and by context.

A token is a name when it is
- a listed given name or surname in any inflected form (Mikko, Mikolle, Virtasen, Annas), unless the
  name is also an everyday word (anna, satu, saga): those need a capital inside a sentence or a cue;
- the word after a cue: "nimeni on", "jag heter" (any word that is not a function word), "olen",
  "mun mies", "min son", "sosiaalityöntekijä" (a capitalised word or a listed name);
- a capitalised word or a listed surname right after a name (Mikko Laine, Anna Lindqvist);
- a word Voikko's Finnish dictionary knows only as a given name or surname (Kustaa, Pääkkönen, Lundgren:
  it has Finland's Finnish and Swedish names), unless it is also an everyday word (toivo, onni, sisko:
  then as an ambiguous listed name); in lower case only next to a name or after a cue;
- an unknown capitalised word right before a surname (Jennie Bergman), or inside a sentence;
- context after the word: "… täällä/tässä/här", "… on mun sukunimi", "oon X 15v"; a signature ("-Marja",
  "/Anna"); a label ("Kontakt: …"); a lower-case surname after a first name (Voikko's, or a Nordic
  ending: -sson, -berg, -ström); a name joined to another by "ja"/"och"; "Johans pappa", "Anna:n".
Measured on generated messages: tests/privacy/measure_generated.py (README "Privacy").
Places are never names (the place resolver reads the unredacted text, but stored text should still say
"asun Sallassa"), except a bare municipality name right after a first name: "Jari Lahti".
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterator

from bot.places.finnish import fold
from bot.privacy.name_lexicon import (  # noqa: F401  (voikko_* are also used by the street finder)
    _AGE_AFTER, _NORDIC_SURNAME, _NOUN_OR_NAME, _PERSON_CLASSES, AFTER_CUES, CONJUNCTIONS, FAMILY_AFTER,
    FAMILY_CUES, GREETINGS, LABELS, NOT_NAMES, PROFESSION_ENDINGS, RELATION_CUES, SIGN_OFFS, SOFT_CUES,
    STOPWORDS, STRONG_CUES, SURNAME_AFTER, WEAK_CUES, _base_name, _names, _proper_only, dictionary_name,
    service_words, voikko_analyses, voikko_classes,
)

Span = tuple[int, int]

_WORD = re.compile(r"[^\W\d_]+(?:[-'][^\W\d_]+)*")
_SENTENCE_END = re.compile(r"[.!?:;\n\"'«»()\[\]-]\s*$")




@dataclass
class _Token:
    start: int
    end: int
    text: str
    folded: str
    sentence_start: bool

    @property
    def capital(self) -> bool:
        return self.text[:1].isupper() and any(c.islower() for c in self.text[1:])



def _tokens(text: str) -> list[_Token]:
    out = []
    previous_end = 0
    for m in _WORD.finditer(text):
        between = text[previous_end:m.start()]
        start_of_sentence = not out or bool(_SENTENCE_END.search(between))
        out.append(_Token(m.start(), m.end(), m.group(), fold(m.group()), start_of_sentence))
        previous_end = m.end()
    return out


def _cue_before(tokens: list[_Token], i: int, cues: tuple[str, ...], across_sentences: bool = False) -> bool:
    for n in (3, 2, 1):
        inside = tokens[i - n + 1:i + (0 if across_sentences else 1)]
        if i - n >= 0 and not any(t.sentence_start for t in inside):
            phrase = " ".join(t.folded for t in tokens[i - n:i])
            if phrase in cues:
                return True
    return False


def _find_places(text: str):
    from bot.privacy.identifiers import place_mentions

    return place_mentions(text)


def _places(text: str, tokens: list[_Token]) -> dict[int, bool]:
    """Token index -> True when the token is a place written in its base form (could be a surname)."""

    found: dict[int, bool] = {}
    for place in _find_places(text):
        for i, tok in enumerate(tokens):
            if tok.start < place.end and place.start < tok.end:
                municipality = fold(place.municipality or "")
                base = municipality == tok.folded or municipality.startswith(tok.folded + " ")  # Koski Tl
                found[i] = base
    return found


@lru_cache(maxsize=1)
def _cue_words() -> frozenset[str]:
    """Every word of a cue: a word that introduces a name is not one."""
    phrases = (*STRONG_CUES, *WEAK_CUES, *SIGN_OFFS, *RELATION_CUES, *FAMILY_CUES, *SOFT_CUES)
    return frozenset(w for p in phrases for w in p.split() if len(w) > 2) | frozenset(PROFESSION_ENDINGS)



def _phrase_after(tokens: list[_Token], i: int, phrases: tuple[str, ...]) -> bool:
    """One of `phrases` follows token i, or follows it after one more capitalised word ("Ojala, Anna heter jag")."""
    starts = [i + 1] + ([i + 2] if i + 1 < len(tokens) and tokens[i + 1].capital else [])
    for start in starts:
        for n in (3, 2):
            following = tokens[start:start + n]
            if len(following) == n and " ".join(t.folded for t in following) in phrases:
                return True
    return False



def _profession_before(tokens: list[_Token], i: int) -> bool:
    """A compound profession right before: "koulukuraattori Anna", "skolkuratorn Nova"."""
    if i == 0 or tokens[i].sentence_start:
        return False
    return tokens[i - 1].folded.endswith(PROFESSION_ENDINGS)


def _nordic_surname(tok: _Token) -> bool:
    return (len(tok.folded) >= 4 and tok.text.islower() and bool(_NORDIC_SURNAME.search(tok.text))
            and not voikko_classes(tok.text) and tok.folded not in STOPWORDS)


def _is_name(text: str, tokens: list[_Token], i: int, places: dict[int, bool], previous_is_name: bool) -> bool:
    names = _names()
    tok = tokens[i]
    if tok.folded in NOT_NAMES or len(tok.folded) < 2:
        return False
    base = _base_name(tok.folded)
    if base and base != tok.folded and voikko_classes(tok.text) and not voikko_classes(tok.text) & _PERSON_CLASSES:
        base = None  # an inflected form Voikko knows only as an everyday word: "riitaa" (quarrel), not Riitta
    # A function word is one, except a listed name capitalised inside a sentence ("min kompis Hans").
    stop = tok.folded in STOPWORDS and not (tok.capital and not tok.sentence_start and base in names.first)
    if _cue_before(tokens, i, STRONG_CUES) or _phrase_after(tokens, i, SURNAME_AFTER):
        return not stop and (i not in places or places[i])
    known = dictionary_name(tok.text) if len(tok.folded) >= 3 and not stop else None
    if known and (base in names.ambiguous or tok.folded in names.ambiguous):
        known = False  # the list knows it is also a word (Swedish "sanna" = true), whatever Voikko says
    # A name by the list, by Voikko alone, or by its capital; Voikko's name that is also a word needs the
    # capital ("terveydenhoitaja, milloin": Voikko knows a Milloi).
    name_like = bool(base or known or (tok.capital and not stop))
    # A municipality is a name only in its base form and with a cue (Jari Lahti, olen Kaarina):
    # "asun Sallassa" stays.
    if i in places and not (places[i] and tok.capital):
        return False  # "lasten isä lähti" is not Lahti
    # A signature: "-Marja", "/Anna" at the start of a line or after a space.
    signature = tok.start > 0 and text[tok.start - 1] in "-/" and (tok.start == 1 or text[tok.start - 2].isspace())
    if (_cue_before(tokens, i, SIGN_OFFS, across_sentences=True) or signature) and name_like:
        return True
    if i in places and not previous_is_name and not (
            _cue_before(tokens, i, WEAK_CUES) or _cue_before(tokens, i, RELATION_CUES)
            or _cue_before(tokens, i, FAMILY_CUES)):
        return False
    if previous_is_name and not stop and (tok.capital or base in names.surnames or known is not None
                                          or _proper_only(tok.text)):
        return True  # "Mikko Laine", "irmeli syrjälä", "[name] järvi"
    following = tokens[i + 1] if i + 1 < len(tokens) and not tokens[i + 1].sentence_start else None
    after = tokens[i + 2] if i + 2 < len(tokens) and not tokens[i + 2].sentence_start else None
    if following is not None and following.text.lower() in AFTER_CUES and name_like:
        return True
    # Introducing oneself at the start: "ragnar här, ...", "moi! kent tässä": any word that is not a
    # function or cue word, even one no dictionary knows.
    if (following is not None and following.text.lower() in AFTER_CUES and not stop and len(tok.folded) >= 3
            and tok.folded not in _cue_words() and (tok.sentence_start or tokens[i - 1].folded in GREETINGS)):
        return True
    # A label and a colon: "Kontakt: Mika Lehtinen", "Yhteydenotto: Helmi Peltoniemi".
    if (i > 0 and tokens[i - 1].folded in LABELS and text[tokens[i - 1].end:tok.start].strip() == ":"
            and tok.capital and (base or known is not None or not voikko_classes(tok.text) or _proper_only(tok.text))):
        return True
    if (after is not None and after.text.lower() in AFTER_CUES and name_like
            and (_base_name(following.folded) or dictionary_name(following.text) is not None or following.capital)):
        return True  # "tapani [name] tässä"
    if (_cue_before(tokens, i, WEAK_CUES) or _cue_before(tokens, i, RELATION_CUES) or _profession_before(tokens, i)) \
            and name_like:
        return True
    if (_cue_before(tokens, i, WEAK_CUES) or _cue_before(tokens, i, SOFT_CUES)) and not stop \
            and _AGE_AFTER.match(text[tok.end:tok.end + 16]):
        return True  # "oon urban 15v", "e viking 15 år": who someone is, then their age
    if (previous_is_name or _cue_before(tokens, i, SOFT_CUES)) and _nordic_surname(tok):
        return True  # "[name] forsberg", "e benny forsberg"
    if (_cue_before(tokens, i, SOFT_CUES) or _cue_before(tokens, i, FAMILY_CUES)) and not stop and (
            known or (base and base not in names.ambiguous) or (tok.capital and not tok.sentence_start)):
        return True
    if i in places or tok.folded in service_words():
        return False
    # "Anna:n isä": a colon before a case ending marks a proper noun; "Johans pappa", "Kaarinan äiti".
    if tok.capital and not stop and re.match(r":[^\W\d_]{1,4}\b", text[tok.end:tok.end + 6]) \
            and not re.match(r"[^\W\d_a-zåäö]{2}", tok.text):
        return True
    if following is not None and following.folded in FAMILY_AFTER and tok.capital and tok.folded[-1] in "sn":
        stem = tok.text[:-1]
        if (base or known is not None or _base_name(fold(stem)) or dictionary_name(stem) is not None
                or (not voikko_classes(tok.text) and not tok.folded.endswith(("ens", "ets", "ns", "rnas")))):
            return True  # "Johans pappa", "Christels pappa"; not "Barnens pappa"
    if base is None:
        if known is None:
            # A capitalised word inside a sentence that no dictionary knows is a proper noun: in
            # Swedish sentences (Voikko is Finnish) and for Swedish names in Finnish ones (Rickard).
            return (tok.capital and not tok.sentence_start and not voikko_classes(tok.text)
                    and not re.match(r"[^\W\d_a-zåäö]{2}", tok.text)  # HAL-poliklinik: an acronym
                    and not voikko_classes(tok.text.lower()) and not stop)
        # Voikko's name: only a name (Pääkkönen) counts capitalised anywhere; a name that is also a
        # word (Sisko, Onni) only capitalised inside a sentence, like the ambiguous listed names.
        return tok.capital and (known or not tok.sentence_start)
    if base in names.ambiguous or tok.folded in names.ambiguous:
        return tok.capital and not tok.sentence_start
    return True


def names(text: str) -> Iterator[Span]:
    """Spans of person names in `text`."""
    tokens = _tokens(text)
    if not tokens:
        return
    places = _places(text, tokens)
    flags: list[bool] = []
    for i in range(len(tokens)):
        previous = bool(flags) and flags[-1] and not tokens[i].sentence_start
        flags.append(_is_name(text, tokens, i, places, previous))
    # Written all in lower case: a first name (list or Voikko) and a word Voikko knows only as a surname,
    # or one with a Nordic surname ending: "aino sihvonen", "axel lindberg".
    for i in range(1, len(tokens)):
        before, word = tokens[i - 1], tokens[i]
        if flags[i] and flags[i - 1] or word.sentence_start or not word.text.islower() or i in places:
            continue
        surname = voikko_classes(word.text) == frozenset({"sukunimi"}) or _nordic_surname(word)
        first = _base_name(before.folded) in _names().first or "etunimi" in voikko_classes(before.text)
        if surname and (first or flags[i - 1]) and before.folded not in STOPWORDS and before.folded not in NOT_NAMES:
            flags[i - 1] = flags[i] = True
        elif flags[i - 1] and before.text.islower() and len(word.folded) >= 4 and word.folded not in STOPWORDS \
                and voikko_classes(word.text) and voikko_classes(word.text) <= _NOUN_OR_NAME:
            flags[i] = True  # "[name] peltoniemi", "[name] järvi": a lower-case name, then a noun
    # An everyday-word first name is a name when a surname follows ("uppgifter: Lena Karlsson"), and
    # so is a capitalised word no dictionary knows ("Jennie Bergman"); right to left, so that it carries.
    for i in range(len(tokens) - 1, 0, -1):
        if flags[i] and not flags[i - 1] and not tokens[i].sentence_start and i - 1 not in places:
            before, word = tokens[i - 1], tokens[i]
            surname = (_base_name(word.folded) in _names().surnames or "sukunimi" in voikko_classes(word.text)
                       or word.capital)
            first = _base_name(before.folded) in _names().first or "etunimi" in voikko_classes(before.text)
            cue_word = before.folded in _cue_words() and not (first and before.capital)
            if not surname or before.folded in NOT_NAMES or cue_word \
                    or (before.folded in STOPWORDS and not (first and before.capital and not before.sentence_start)):
                continue  # "Hälsningar Anna", "Socialarbetaren Anna": the cue, not a first name
            listed = _base_name(before.folded)
            listed = listed in _names().first and listed not in _names().ambiguous
            if (first and (before.capital or listed)) or (before.capital and not voikko_classes(before.text)) \
                    or (before.capital and _proper_only(before.text)):
                flags[i - 1] = True  # "mun sisko Jenni": sisko stays
    # Names joined by "ja"/"och" ("Kari ja [name]", "[name] enkä Tuulia"): the other one is a name too
    # when it is capitalised and a name by the list or Voikko.
    for i in range(len(tokens)):
        if not flags[i]:
            continue
        for j, k in ((i - 2, i - 1), (i + 2, i + 1)):
            if 0 <= j < len(tokens) and not flags[j] and tokens[k].folded in CONJUNCTIONS and j not in places:
                other = tokens[j]
                if other.capital and other.folded not in NOT_NAMES and other.folded not in STOPWORDS \
                        and other.folded not in _cue_words() and (
                        _base_name(other.folded) or dictionary_name(other.text) is not None
                        or not voikko_classes(other.text)):
                    flags[j] = True
    for tok, flag in zip(tokens, flags):
        if flag:
            yield tok.start, tok.end
