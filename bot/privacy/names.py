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
- what the sentence around it shows (bot.privacy.name_context, name_pairs: ages, introductions, pairs;
  name_frames, name_slots: frames and slots only a person fills, "Lapsi: Ville", "emman luokalta");
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
from typing import Iterator

from bot.places.finnish import fold
from bot.privacy import (
    name_context,
    name_frames,
    name_lists,
    name_pairs,
    name_passes,
    name_slots,
    name_spoken,
    name_tags,
    not_people,
)
from bot.privacy.name_lexicon import (  # noqa: F401  (voikko_* are also used by the street finder)
    _AGE_AFTER,
    _NORDIC_SURNAME,
    _NOUN_OR_NAME,
    _PERSON_CLASSES,
    AFTER_CUES,
    AGE_VERB_AFTER,
    CONJUNCTIONS,
    FAMILY_AFTER,
    FAMILY_CUES,
    FIRST_PERSON,
    GREETINGS,
    LABELS,
    NOT_NAMES,
    PERSON_POSTPOSITIONS,
    PROFESSION_ENDINGS,
    PROPER_CLASSES,
    RELATION_CUES,
    SIGN_OFFS,
    SOFT_CUES,
    STOPWORDS,
    STRONG_CUES,
    SURNAME_AFTER,
    WEAK_CUES,
    _base_name,
    _names,
    _proper_only,
    dictionary_name,
    service_words,
    voikko_analyses,
    voikko_classes,
)
from bot.privacy.name_passes import cue_before as _cue_before
from bot.privacy.name_passes import cue_words as _cue_words
from bot.privacy.name_shapes import (
    glued_surname,
    hyphened_word,
    same_case,
    sentence_start_genitive,
    swedish_sentence_word,
)
from bot.privacy.name_shapes import (
    surname_place as _surname_place,
)
from bot.privacy.public import place_mentions

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
    gap: str = ""  # the text between the previous word and this one

    @property
    def capital(self) -> bool:
        return self.text[:1].isupper() and any(c.islower() for c in self.text[1:])


def _tokens(text: str) -> list[_Token]:
    out: list[_Token] = []
    previous_end = 0
    for m in _WORD.finditer(text):
        between = text[previous_end : m.start()]
        start_of_sentence = not out or bool(_SENTENCE_END.search(between))
        out.append(_Token(m.start(), m.end(), m.group(), fold(m.group()), start_of_sentence, between))
        previous_end = m.end()
    return out


def _find_places(text: str):
    return place_mentions(text)


def _places(text: str, tokens: list[_Token]) -> dict[int, bool]:
    """Token index -> True when the token is a place written in its base form (could be a surname)."""

    found: dict[int, bool] = {}
    for place in _find_places(text):
        for i, tok in enumerate(tokens):
            if tok.start < place.end and place.start < tok.end:
                classes = voikko_classes(tok.text) | voikko_classes(tok.text.capitalize())
                if classes & _PERSON_CLASSES and "paikannimi" not in classes:
                    continue  # a person's name the place resolver took for a near place name ("einari": Inari)
                municipality = fold(place.municipality or "")
                base = municipality == tok.folded or municipality.startswith(tok.folded + " ")  # Koski Tl
                found[i] = base
    return found


def _phrase_after(tokens: list[_Token], i: int, phrases: tuple[str, ...]) -> bool:
    """One of `phrases` follows token i, or follows it after one more capitalised word ("Ojala, Anna heter jag")."""
    starts = [i + 1] + ([i + 2] if i + 1 < len(tokens) and tokens[i + 1].capital else [])
    for start in starts:
        for n in (3, 2):
            following = tokens[start : start + n]
            if len(following) == n and " ".join(t.folded for t in following) in phrases:
                return True
    return False


def _profession_before(tokens: list[_Token], i: int) -> bool:
    """A compound profession right before: "koulukuraattori Anna", "skolkuratorn Nova"."""
    if i == 0 or tokens[i].sentence_start:
        return False
    return tokens[i - 1].folded.endswith(PROFESSION_ENDINGS)


def _nordic_surname(tok: _Token) -> bool:
    return (
        len(tok.folded) >= 4
        and tok.text.islower()
        and bool(_NORDIC_SURNAME.search(tok.text))
        and not voikko_classes(tok.text)
        and tok.folded not in STOPWORDS
    )


CHILD_WORDS = frozenset(
    {
        "tytto",
        "poika",
        "vauva",
        "lapsi",
        "flicka",
        "pojke",
        "son",
        "dotter",
        "bebis",
        "barn",
        "tyttoni",
        "poikani",
        "lapseni",
        "sonen",
        "dottern",
        "flickan",
        "pojken",
    }
)


def _inflected(word: str) -> bool:
    """Voikko reads `word` as a local case form (Valtterilla, Heikille), long enough not to be a short
    everyday word; never a genitive, which Swedish definite forms look like."""
    analyses = voikko_analyses(word)
    return (
        len(word) >= 6
        and bool(analyses)
        and all(a.get("SIJAMUOTO") not in (None, "nimento") for a in analyses)
        and fold(word).endswith(("lla", "lta", "lle", "ssa", "sta", "ksi"))
    )  # not -n: Swedish "helgen"


def _swedish_genitive_of_name(tok: _Token) -> bool:
    """ "Bertils", "Kivinens", "sonjas": a listed name or one Voikko knows only as a name, plus -s."""
    if not tok.folded.endswith("s") or len(tok.folded) < 4 or tok.folded in STOPWORDS:
        return False
    stem = tok.text[:-1]
    listed = _base_name(fold(stem))
    return bool(
        (listed and listed not in _names().ambiguous and fold(stem) == listed) or dictionary_name(stem.capitalize())
    )


def _noun_in_base_form(word: str) -> bool:
    """Voikko knows `word` as an everyday noun or adjective, and only in the nominative (ilta, päivä)."""
    analyses = voikko_analyses(word)
    return any(a.get("CLASS") in ("nimisana", "laatusana") for a in analyses) and all(
        a.get("SIJAMUOTO") == "nimento" for a in analyses
    )


def _genitive_of_name(tok: _Token, base, place: bool) -> bool:
    """`tok` (…n) reads as the genitive of a person's name: listed, Voikko's name, or no word at all."""
    classes = voikko_classes(tok.text)
    if place:
        return tok.capital and not (classes - {"paikannimi", "etunimi", "sukunimi"})
    if classes & _PERSON_CLASSES:
        return tok.capital or not (classes - _PERSON_CLASSES)
    if base:
        return tok.capital or base not in _names().ambiguous
    return (
        not classes
        and tok.capital
        and not tok.sentence_start
        or (not classes and tok.text.islower() and not voikko_classes(tok.text[:-1]))
    )


def _with_first_person(tokens: list[_Token], i: int) -> bool:
    """ "X ja minä", "Ingemar och jag", "Mulla ja Kaarinalla": a name joined to the writer."""
    for conj, other in ((i + 1, i + 2), (i - 1, i - 2)):
        if (
            0 <= other < len(tokens)
            and tokens[conj].folded in ("ja", "och")
            and tokens[other].folded in FIRST_PERSON
            and not tokens[max(conj, other)].sentence_start
            and not tokens[max(conj, i)].sentence_start
        ):
            return True
    return False


def _is_name(text: str, tokens: list[_Token], i: int, places: dict[int, bool], previous_is_name: bool) -> bool:
    names = _names()
    tok = tokens[i]
    if tok.folded in NOT_NAMES or len(tok.folded) < 2:
        return False
    base = _base_name(tok.folded)
    if (
        base
        and base != tok.folded
        and voikko_classes(tok.text)
        and not voikko_classes(tok.text) & (_PERSON_CLASSES | {"paikannimi"})
    ):
        base = None  # an inflected form Voikko knows only as an everyday word: "riitaa" (quarrel), not Riitta
    if base and base != tok.folded and tok.text.islower() and voikko_classes(tok.text) - PROPER_CLASSES:
        base = None  # in lower case, an inflected form Voikko also knows as a word: "päiviltä" (days), not Päivi
    if base is None and glued_surname(tok):
        return True  # "Ahonenille", "Saloille": a surname's base form with a case ending glued on
    if (
        base
        and any(c in "äöå" for c in tok.text.lower())
        and voikko_classes(tok.text)
        and not voikko_classes(tok.text) & _PERSON_CLASSES
    ):
        base = None  # matched only with its ä/ö/å folded away, and Voikko knows only a word: "lähti" (left), not Lahti
    # A function word is one, except a listed name capitalised inside a sentence ("min kompis Hans").
    stop = tok.folded in STOPWORDS and not (tok.capital and not tok.sentence_start and base in names.first)
    if _cue_before(tokens, i, STRONG_CUES) or _phrase_after(tokens, i, SURNAME_AFTER):
        return not stop and (i not in places or places[i])
    if i in places and tok.capital and _profession_before(tokens, i) and _surname_place(tok, places[i]):
        return True  # "sairaanhoitaja Salolta", "sjukskötaren Salo": a place's name, a person's case
    if i not in places and (
        name_passes.after_relation(tokens, i)
        or name_passes.in_subject_position(tokens, i)
        or name_passes.signature(text, tokens, i)
        or name_passes.introducing(text, tokens, i)
        or name_passes.at_an_office(tokens, i)
        or name_passes.genitive_before_family(tokens, i)
    ):
        return True
    next_word = tokens[i + 1].folded if i + 1 < len(tokens) else ""
    family_after = next_word in FAMILY_AFTER or next_word in PERSON_POSTPOSITIONS  # "Linnean isä"
    if (swedish_sentence_word(tok, base) and not family_after) or hyphened_word(tok):
        return False  # "Febern var 38", "Simhallen i Jakobstad", "D-vitamin", "Karl-Johan-svampar"
    if (sentence_start_genitive(tok, base) or name_passes.unknown_sentence_start(tokens, i)) and i not in places:
        return True  # "Perssons har lovat", "Tapanis dagis", "Lykkes dagis"
    known = dictionary_name(tok.text) if len(tok.folded) >= 3 and not stop else None
    if known and (tok.folded in names.ambiguous or (base in names.ambiguous and base == tok.folded)):
        known = False  # the list knows it is also a word (Swedish "sanna" = true), whatever Voikko says
    # A name by the list, by Voikko alone, or by its capital; Voikko's name that is also a word needs the
    # capital ("terveydenhoitaja, milloin": Voikko knows a Milloi).
    name_like = bool(base or known or (tok.capital and not stop))
    following = tokens[i + 1] if i + 1 < len(tokens) and not tokens[i + 1].sentence_start else None
    # A genitive before a postposition or a family word is a person's, even one spelt like a place:
    # "Kävin Kaarinan luona", "Kallion perhe", "kävin tellervon luona".
    if (
        following is not None
        and tok.folded.endswith("n")
        and len(tok.folded) >= 4
        and not stop
        and (following.folded in PERSON_POSTPOSITIONS or following.folded in FAMILY_AFTER)
        and tok.folded not in _cue_words()
        and _genitive_of_name(tok, base, i in places)
    ):
        return True
    # A capitalised word opening a sentence before a noun in the same (base) case is an adjective or a
    # noun, not a name: "Tyyne ilta rannalla" (calm evening), unlike "Tyyne soitti".
    if (
        tok.sentence_start
        and following is not None
        and following.text.islower()
        and not _cue_before(tokens, i, SIGN_OFFS, True)
        and (base is None or base in names.ambiguous)
        and _noun_in_base_form(following.text)
        and following.folded not in FAMILY_AFTER
        and voikko_analyses(tok.text)
        and all(a.get("SIJAMUOTO") == "nimento" for a in voikko_analyses(tok.text))
    ):
        return False
    if (
        not stop
        and len(tok.folded) >= 3
        and tok.folded not in _cue_words()
        and (
            (
                tok.capital
                and (base or known is not None or not voikko_classes(tok.text) or (i in places and not places[i]))
            )
            or (base and base not in names.ambiguous)
            or known
        )
    ):
        after_text = text[tok.end : tok.end + 40]
        if _AGE_AFTER.match(after_text) or (AGE_VERB_AFTER.match(after_text) and i not in places):
            return True  # "Tyttö Anna 3v", "Hans (4 år)", "Martta on 15 ja karkaa"
        if _with_first_person(tokens, i):
            return True  # "Ingemar och jag", "Mulla ja Kaarinalla"
    # A municipality is a name only in its base form and with a cue (Jari Lahti, olen Kaarina):
    # "asun Sallassa" stays.
    if i in places and not (places[i] and tok.capital):
        return False  # "lasten isä lähti" is not Lahti
    # A signature: "-Marja", "/Anna" at the start of a line or after a space.
    signature = tok.start > 0 and text[tok.start - 1] in "-/" and (tok.start == 1 or text[tok.start - 2].isspace())
    if (_cue_before(tokens, i, SIGN_OFFS, across_sentences=True) or signature) and name_like:
        return True
    if (
        i in places
        and not previous_is_name
        and not (
            _cue_before(tokens, i, WEAK_CUES)
            or _cue_before(tokens, i, RELATION_CUES)
            or _cue_before(tokens, i, FAMILY_CUES)
        )
    ):
        return False
    if (
        previous_is_name
        and not stop
        and (tok.capital or base in names.surnames or known is not None or _proper_only(tok.text))
    ):
        return True  # "Mikko Laine", "irmeli syrjälä", "[name] järvi"
    after = tokens[i + 2] if i + 2 < len(tokens) and not tokens[i + 2].sentence_start else None
    if following is not None and following.text.lower() in AFTER_CUES and name_like:
        return True
    # Introducing oneself at the start: "ragnar här, ...", "moi! kent tässä": any word that is not a
    # function or cue word, even one no dictionary knows.
    if (
        following is not None
        and following.text.lower() in AFTER_CUES
        and not stop
        and len(tok.folded) >= 3
        and tok.folded not in _cue_words()
        and tok.folded not in GREETINGS  # "heippa täs Karoliina"
        and (tok.sentence_start or tokens[i - 1].folded in GREETINGS)
    ):
        return True
    # A label and a colon: "Kontakt: Mika Lehtinen", "Yhteydenotto: Helmi Peltoniemi".
    if (
        i > 0
        and tokens[i - 1].folded in LABELS
        and text[tokens[i - 1].end : tok.start].strip() == ":"
        and tok.capital
        and (base or known is not None or not voikko_classes(tok.text) or _proper_only(tok.text))
    ):
        return True
    if (
        following is not None
        and after is not None
        and after.text.lower() in AFTER_CUES
        and name_like
        and (_base_name(following.folded) or dictionary_name(following.text) is not None or following.capital)
    ):
        return True  # "tapani [name] tässä"
    if (
        _cue_before(tokens, i, WEAK_CUES) or _cue_before(tokens, i, RELATION_CUES) or _profession_before(tokens, i)
    ) and (name_like or _nordic_surname(tok)):
        return True
    if (
        i > 0
        and not stop
        and (tokens[i - 1].folded in CHILD_WORDS or _cue_before(tokens, i, RELATION_CUES))
        and len(tok.folded) >= 3
        and (_AGE_AFTER.match(text[tok.end : tok.end + 16]) or AGE_VERB_AFTER.match(text[tok.end : tok.end + 40]))
    ):
        return True  # "poikani tord on 6v", "tyttö vesa 9v"
    if (
        (_cue_before(tokens, i, WEAK_CUES) or _cue_before(tokens, i, SOFT_CUES))
        and not stop
        and _AGE_AFTER.match(text[tok.end : tok.end + 16])
    ):
        return True  # "oon urban 15v", "e viking 15 år": who someone is, then their age
    if (previous_is_name or _cue_before(tokens, i, SOFT_CUES)) and _nordic_surname(tok):
        return True  # "[name] forsberg", "e benny forsberg"
    if (
        (_cue_before(tokens, i, SOFT_CUES) or _cue_before(tokens, i, FAMILY_CUES))
        and not stop
        and (known or (base and base not in names.ambiguous) or (tok.capital and not tok.sentence_start))
    ):
        return True
    if following is not None and not tok.sentence_start or tok.capital:
        if (
            _swedish_genitive_of_name(tok)
            and following is not None
            and (tok.capital or following.folded in FAMILY_AFTER)
        ):
            return True  # "Bertils pappa", "Kivinens hund", "sonjas mamma"
    if i in places or tok.folded in service_words():
        return False
    # "Anna:n isä": a colon before a case ending marks a proper noun; "Johans pappa", "Kaarinan äiti".
    if (
        tok.capital
        and not stop
        and re.match(r":[^\W\d_]{1,4}\b", text[tok.end : tok.end + 6])
        and not re.match(r"[^\W\d_a-zåäö]{2}", tok.text)
    ):
        return True
    if (
        following is not None
        and following.folded in FAMILY_AFTER
        and tok.capital
        and tok.folded[-1] in "sn"
        and not stop
    ):
        stem = tok.text[:-1]
        if (
            base
            or known is not None
            or _base_name(fold(stem))
            or dictionary_name(stem) is not None
            or (not voikko_classes(tok.text) and not tok.folded.endswith(("ens", "ets", "ns", "rnas")))
        ):
            return True  # "Johans pappa", "Christels pappa"; not "Barnens pappa"
    if base is None:
        if known is None:
            # A capitalised word inside a sentence that no dictionary knows is a proper noun: in
            # Swedish sentences (Voikko is Finnish) and for Swedish names in Finnish ones (Rickard).
            return (
                tok.capital
                and not tok.sentence_start
                and not voikko_classes(tok.text)
                and not re.match(r"[^\W\d_a-zåäö]{2}", tok.text)  # HAL-poliklinik: an acronym
                and not voikko_classes(tok.text.lower())
                and not stop
            )
        # Voikko's name: only a name (Pääkkönen) counts capitalised anywhere; a name that is also a
        # word (Sisko, Onni) only capitalised inside a sentence, like the ambiguous listed names.
        return (tok.capital and (known or not tok.sentence_start)) or (known and _inflected(tok.text))
    if known and tok.folded != base:
        return tok.capital or _inflected(tok.text)  # "Mikalta tuli viesti", "valtterilla on vaikeeta"
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
        surname = (
            voikko_classes(word.text) == frozenset({"sukunimi"})
            or _nordic_surname(word)
            or (
                re.search(r"[aeiouy]nen$", word.folded) is not None
                and len(word.folded) >= 6
                and not voikko_classes(word.text) - _PERSON_CLASSES
            )
        )
        first = (
            _base_name(before.folded) in _names().first
            or "etunimi" in voikko_classes(before.text)
            or (
                re.search(r"(?:sson|qvist|kvist|ström|[aeiouyäö]nen)$", word.text) is not None
                and not voikko_classes(before.text)
                and len(before.folded) >= 3
                and before.folded not in _cue_words()
            )
        )
        if surname and (first or flags[i - 1]) and before.folded not in STOPWORDS and before.folded not in NOT_NAMES:
            flags[i - 1] = flags[i] = True
        elif (
            flags[i - 1]
            and before.text.islower()
            and len(word.folded) >= 4
            and word.folded not in STOPWORDS
            and word.folded not in PERSON_POSTPOSITIONS  # "emman puolesta": Voikko reads puolesta as a noun
            and same_case(before, word)  # "liisalla oikeus": a surname takes the first name's case
            and voikko_classes(word.text)
            and voikko_classes(word.text) <= _NOUN_OR_NAME
        ):
            flags[i] = True  # "[name] peltoniemi", "[name] järvi": a lower-case name, then a noun
    # An everyday-word first name is a name when a surname follows ("uppgifter: Lena Karlsson"), and
    # so is a capitalised word no dictionary knows ("Jennie Bergman"); right to left, so that it carries.
    for i in range(len(tokens) - 1, 0, -1):
        if flags[i] and not flags[i - 1] and not tokens[i].sentence_start and i - 1 not in places:
            before, word = tokens[i - 1], tokens[i]
            surname = (
                _base_name(word.folded) in _names().surnames or "sukunimi" in voikko_classes(word.text) or word.capital
            )
            first = _base_name(before.folded) in _names().first or "etunimi" in voikko_classes(before.text)
            # "FPA-handläggaren Vanja": a compound profession is a cue too, not a first name
            cue = before.folded in _cue_words() or before.folded.endswith(PROFESSION_ENDINGS)
            cue_word = cue and not (first and before.capital)
            if (
                not surname
                or before.folded in NOT_NAMES
                or cue_word
                or swedish_sentence_word(before, _base_name(before.folded))
                or (before.folded in STOPWORDS and not (first and before.capital))
            ):
                continue  # "Hälsningar Anna", "Socialarbetaren Anna": the cue, not a first name
            before_base = _base_name(before.folded)
            listed = before_base in _names().first and before_base not in _names().ambiguous
            if (
                (first and (before.capital or listed))
                or (before.capital and not voikko_classes(before.text))
                or (before.capital and _proper_only(before.text))
                or (before.capital and word.capital and _sure_surname(word) and _first_name_slot(before))
            ):
                flags[i - 1] = True  # "mun sisko Jenni": sisko stays; "Tina Andersson" (tina: tin)
    # Names joined by "ja"/"och" ("Kari ja [name]", "[name] enkä Tuulia"): the other one is a name too
    # when it is capitalised and a name by the list or Voikko.
    for i in range(len(tokens)):
        if not flags[i]:
            continue
        for j, k in ((i - 2, i - 1), (i + 2, i + 1)):
            if 0 <= j < len(tokens) and not flags[j] and tokens[k].folded in CONJUNCTIONS and j not in places:
                other = tokens[j]
                if (
                    other.capital
                    and other.folded not in NOT_NAMES
                    and other.folded not in STOPWORDS
                    and other.folded not in _cue_words()
                    and (
                        _base_name(other.folded)
                        or dictionary_name(other.text) is not None
                        or not voikko_classes(other.text)
                    )
                ):
                    flags[j] = True
    name_lists.surname_places(tokens, places, flags)
    name_lists.lists(tokens, places, flags)
    name_passes.joined(tokens, places, flags)
    name_lists.sign_off_last(text, tokens, places, flags)
    not_people.clear(
        tokens,
        flags,
        lambda k: any(_cue_before(tokens, k, cues) for cues in (STRONG_CUES, WEAK_CUES, RELATION_CUES, SIGN_OFFS)),
    )
    name_pairs.mark(tokens, places, flags)
    name_context.mark(text, tokens, places, flags)
    name_frames.mark(text, tokens, places, flags)
    name_slots.mark(text, tokens, places, flags)
    name_spoken.mark(text, tokens, places, flags)
    name_tags.mark(text, tokens, places, flags)
    for tok, flag in zip(tokens, flags):
        if flag:
            yield tok.start, tok.end


def _sure_surname(tok: _Token) -> bool:
    """A surname by the list, by Voikko, or by its ending (-nen, -sson, -berg, -ström ...)."""
    return bool(
        _base_name(tok.folded) in _names().surnames
        or "sukunimi" in voikko_classes(tok.text)
        or (_NORDIC_SURNAME.search(tok.text) and not voikko_classes(tok.text) - _PERSON_CLASSES)
        or (tok.folded.endswith("nen") and not voikko_classes(tok.text) - _PERSON_CLASSES)
    )


def _first_name_slot(tok: _Token) -> bool:
    """A capitalised everyday word in its base form right before a sure surname is a first name
    ("Tina Andersson", "Kari Karhu"); not a Swedish word opening a sentence, nor a case form."""
    analyses = voikko_analyses(tok.text)
    return (
        tok.gap.strip() in ("", ":", ".", "!")
        and not swedish_sentence_word(tok, _base_name(tok.folded))
        and all(a.get("SIJAMUOTO") in (None, "nimento") for a in analyses)
        and tok.folded not in _cue_words()
    )
