"""A first name typed in lower case, in a spoken frame that leaves no other reading (bot.privacy.names runs
this last). Set J's redaction shapes showed these; each frame needs a word the lists or Voikko know as a
name, or one no dictionary knows, so that an everyday word in the same place stays:

- back again after a greeting: "heippa täs karoliina taas", "hejsan katri igen";
- a name, then who that is: "no se on veijo, mun poika", "he e gunvor, min pojk";
- introducing oneself before a place or a comma: "ja e sören från Hesa", "Stadist moi, oon arne, mun";
- oneself and the other one: "mig och sophia har bråk", "mä ja tapio ollaan erottu";
- capitalised inside a sentence after one's own possessive, a given name that is also a word: "mun Orvokki on";
- right after a relation word or one's own possessive: "Anoppi teija haluu", "Grannen elliot på nedre
  våningen", "Våran kajsa har börja bita" (set L, a development set).
"""

from __future__ import annotations

from typing import Sequence

from bot.privacy import not_people
from bot.privacy.name_frames import _RELATIONS as FRAME_RELATIONS
from bot.privacy.name_lexicon import (
    _PERSON_CLASSES,
    GREETINGS,
    NOT_NAMES,
    STOPWORDS,
    _base_name,
    _names,
    voikko_classes,
)
from bot.privacy.name_passes import RELATION_WORDS, unknown_word

_HERE = frozenset({"tas", "tassa", "taalla", "taal", "tal"})
_AGAIN = frozenset({"taas", "igen", "jalleen", "uudestaan"})
_OWN = frozenset({"mun", "minun", "miun", "meidan", "meijan", "meian", "min", "mitt", "var", "vart", "vara"})
_WHO = frozenset(
    "poika poikani tytto tyttoni lapsi lapseni vauva mies miehe vaimo avomies avovaimo exa ex puoliso "
    "pojk pojke son dotter flicka tos barn man fru sambo ex-man exman".split()
)
_KIN = frozenset(
    """anoppi appi kaveri kamu frendi serkku isoveli pikkuveli isosisko pikkusisko siskonpoika siskontytto
    veljenpoika veljentytto naapuri kummi kummitati kompis kusin granne grannen svager svagerska
    svarmor svarfar pojkvan flickvan mormor farmor morfar farfar mummo vaari ukki pappa""".split()
)
_INTRO = (("ja", "e"), ("jag", "e"), ("jag", "ar"), ("ja", "ar"), ("he", "e"), ("de", "e"), ("det", "e"))
_INTRO_FI = frozenset({"oon", "olen"})
_FROM = frozenset({"fran", "ifran", "fra", "i", "pa"})
_ME = frozenset({"jag", "mig", "ja", "ma", "mie", "mina", "maa"})
_AND = frozenset({"och", "o", "ja"})


def _lower_word(tok) -> bool:
    return (
        tok.text.islower()
        and len(tok.folded) >= 3
        and not (
            tok.folded in STOPWORDS
            or tok.folded in NOT_NAMES
            or tok.folded in RELATION_WORDS
            or tok.folded in GREETINGS
        )
    )


def _named(tok) -> bool:
    """A listed first name or one Voikko knows as a name, and no everyday word Voikko knows in lower case
    ("veli", "maja" are words too and stay)."""
    listed = _base_name(tok.folded) in _names().first
    if not (listed or voikko_classes(tok.text.capitalize()) & _PERSON_CLASSES):
        return False
    return not voikko_classes(tok.text) - _PERSON_CLASSES - {"paikannimi"}


def _listed_first(tok) -> bool:
    return _base_name(tok.folded) in _names().first  # not Voikko's surnames: "barnet Springer"


def _name_or_unknown(tok) -> bool:
    """Where the frame leaves no other reading, a listed name even if it is a word too ("se on anna, mun
    poika", "hejsan tapani igen"), and a word no dictionary knows ("gunvor", "sören": no list has every name)."""
    listed = _base_name(tok.folded) in _names().first or voikko_classes(tok.text.capitalize()) & _PERSON_CLASSES
    return bool(listed) or unknown_word(tok)


def _joined(tokens: Sequence, start: int, end: int) -> bool:
    return not any(t.sentence_start for t in tokens[start + 1 : end + 1])


def _back_again(tokens: Sequence, i: int) -> bool:
    if i + 1 >= len(tokens) or tokens[i + 1].folded not in _AGAIN or not _joined(tokens, i, i + 1):
        return False
    k = i - 1
    while k >= 0 and (tokens[k].folded in _HERE or tokens[k].folded in GREETINGS) and _joined(tokens, k, i):
        k -= 1
    return k < i - 1 and (k < 0 or tokens[k + 1].sentence_start)


_IT_IS = frozenset({("se", "on"), ("se", "oli"), ("he", "e"), ("de", "e"), ("det", "e"), ("det", "ar"), ("det", "var")})


def _who_after(text: str, tokens: Sequence, i: int) -> bool:
    """ "se on X, mun poika": "it is", never "he is", before, which an adjective could follow."""
    if i < 2 or tuple(t.folded for t in tokens[i - 2 : i]) not in _IT_IS or not _joined(tokens, i - 2, i):
        return False
    if i + 2 >= len(tokens) or text[tokens[i].end : tokens[i + 1].start].strip() != ",":
        return False
    own, who = tokens[i + 1], tokens[i + 2]
    return own.folded in _OWN and who.folded in _WHO and _joined(tokens, i, i + 2)


def _introduced(text: str, tokens: Sequence, i: int) -> bool:
    before = tuple(t.folded for t in tokens[max(0, i - 2) : i])
    finnish = i >= 1 and tokens[i - 1].folded in _INTRO_FI
    if not (before in _INTRO or finnish) or not _joined(tokens, i - len(before) + (1 if finnish else 0), i):
        return False
    following = tokens[i + 1] if i + 1 < len(tokens) else None
    if following is None or text[tokens[i].end : following.start].strip() == ",":
        return _named(tokens[i])  # "ja e ensamstående, min son": an adjective the lists do not know
    from_place = following.folded in _FROM and not following.capital and i + 2 < len(tokens) and tokens[i + 2].capital
    return from_place and _name_or_unknown(tokens[i])


def _with_me(tokens: Sequence, i: int) -> bool:
    return (
        i >= 2
        and tokens[i - 1].folded in _AND
        and tokens[i - 2].folded in _ME
        and _joined(tokens, i - 2, i)
        and i + 1 < len(tokens)
        and not tokens[i + 1].sentence_start
    )


def _owned_capital(tokens: Sequence, i: int) -> bool:
    """ "mun Orvokki on kaksikielinen": a listed or Voikko's given name, capitalised inside a sentence after
    one's own possessive, even if it is a word too (orvokki: a pansy); not a brand ("meidän Elisa-liittymä")."""
    tok = tokens[i]
    if i < 1 or tok.sentence_start or not tok.capital or tok.text.isupper() or not _own(tokens[i - 1]):
        return False
    if tok.folded in STOPWORDS or tok.folded in NOT_NAMES or not_people.one_word_organisation(tok.folded):
        return False
    return _base_name(tok.folded) in _names().first or "etunimi" in voikko_classes(tok.text)


def _own(tok) -> bool:
    """One's own possessive; Swedish "vår" only with its å ("Helgen var lång": was)."""
    if tok.folded in ("var", "vart", "vara", "varan"):
        return tok.text.lower().startswith("vå")
    return tok.folded in _OWN


def _after_kin(tokens: Sequence, i: int) -> bool:
    """ "Anoppi teija haluu", "Grannen elliot på": not the pronoun "man" ("söker man specialvårdspenning")."""
    if i < 1 or i + 1 >= len(tokens) or tokens[i + 1].sentence_start or not _joined(tokens, i - 1, i):
        return False
    before = tokens[i - 1]
    if before.folded == "man":
        return i >= 2 and _own(tokens[i - 2])
    return before.folded in _KIN


def _after_relation(tokens: Sequence, i: int) -> bool:
    """After any relation or child word only a known name: "barnet springer" is a verb the lists lack."""
    return (
        i >= 1 and i + 1 < len(tokens) and not tokens[i + 1].sentence_start and tokens[i - 1].folded in FRAME_RELATIONS
    )


def _after_own(tokens: Sequence, i: int) -> bool:
    return i >= 1 and i + 1 < len(tokens) and not tokens[i + 1].sentence_start and _own(tokens[i - 1])


def mark(text: str, tokens: Sequence, places: dict, flags: list[bool]) -> None:
    for i, tok in enumerate(tokens):
        if flags[i] or i in places:
            continue
        if _owned_capital(tokens, i):
            flags[i] = True
            continue
        if not _lower_word(tok):
            continue
        framed = _back_again(tokens, i) or _who_after(text, tokens, i)
        paired = _with_me(tokens, i) or _after_kin(tokens, i)
        if (framed and _name_or_unknown(tok)) or (paired and (_named(tok) or unknown_word(tok))):
            flags[i] = True
        elif (
            (_after_own(tokens, i) or _after_relation(tokens, i)) and _named(tok) and _listed_first(tok)
        ):  # "Vår hemgata", "min exman": compounds no list knows
            flags[i] = True
        elif _introduced(text, tokens, i):
            flags[i] = True
