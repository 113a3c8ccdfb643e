"""Name passes over a whole message: a municipality used as a surname ("erik lahti"), names listed
together ("Tina, Eerik ja Aukusti"), and a name alone at the end after a sign-off ("mvh lillemor").
They run after bot.privacy.names has marked the words that are names by themselves."""

from __future__ import annotations

from typing import Sequence

from bot.privacy import swedish_words
from bot.privacy.name_lexicon import (
    _PERSON_CLASSES,
    AFTER_CUES,
    FIRST_PERSON,
    NOT_NAMES,
    RELATION_CUES,
    SIGN_OFFS,
    SOFT_CUES,
    STOPWORDS,
    WEAK_CUES,
    _base_name,
    _names,
    dictionary_name,
    voikko_classes,
)
from bot.privacy.name_passes import Token as _Token
from bot.privacy.name_passes import cue_before as _cue_before
from bot.privacy.name_passes import cue_words as _cue_words

# Who signs with the writer: "… ja lapset", "… och ungarna".
_GROUPS = frozenset(
    "lapset lapsi tytot pojat perhe muksut skidit ungarna barnen pojkarna flickorna familjen tjejerna grabbarna".split()
)


def _first_name_like(tok: _Token) -> bool:
    return _base_name(tok.folded) in _names().first or "etunimi" in voikko_classes(tok.text.capitalize())


def surname_places(tokens: Sequence[_Token], places: dict[int, bool], flags: list[bool]) -> None:
    """A municipality's base form right after a first name is a surname, in any case: "erik lahti",
    "Terttu Kivijärvi". A first name that is also a word (orvokki) needs a cue around it."""
    for i in range(1, len(tokens)):
        before, word = tokens[i - 1], tokens[i]
        if (
            not places.get(i)
            or word.sentence_start
            or i - 1 in places
            or before.folded in STOPWORDS
            or before.folded in NOT_NAMES
            or before.folded in _cue_words()
        ):
            continue
        if not (flags[i - 1] or _first_name_like(before)):
            continue
        listed = _base_name(before.folded)
        sure = (
            flags[i - 1]
            or before.capital
            or dictionary_name(before.text.capitalize())
            or (listed in _names().first and listed not in _names().ambiguous)
        )
        following = tokens[i + 1].text.lower() if i + 1 < len(tokens) else ""
        cue = following in AFTER_CUES or any(
            _cue_before(tokens, i - 1, cues) for cues in (WEAK_CUES, SOFT_CUES, RELATION_CUES)
        )
        if sure or cue:
            flags[i - 1] = flags[i] = True


def lists(tokens: Sequence[_Token], places: dict[int, bool], flags: list[bool]) -> None:
    """Names listed together ("kustaa ja sven on kaksoset", "lapset on Tina, Eerik ja Aukusti"): when one
    item is a name (or a given name Voikko knows as nothing else), so are the others that could be one."""
    joins = ("ja", "och", "seka")
    i = 0
    while i < len(tokens):
        items, j, joined = [i], i, False
        while j + 1 < len(tokens) and not tokens[j + 1].sentence_start:
            if _comma_between(tokens[j + 1]):
                j += 1
            elif (
                tokens[j + 1].folded in joins
                and j + 2 < len(tokens)
                and not tokens[j + 2].sentence_start
                and tokens[j + 1].gap.strip() == ""
                and tokens[j + 2].gap.strip() == ""
            ):
                j += 2
                joined = True
            else:
                break
            items.append(j)
            if joined:
                break
        if joined:
            last = items[-1]
            closed = (
                last + 1 >= len(tokens)
                or tokens[last + 1].sentence_start
                or tokens[last + 1].folded
                in ("on", "ovat", "oli", "olivat", "ar", "var", "ja", "och", "kanssa", "med", "seka")
            )
            candidates = [
                k
                for k in items
                if _could_be_name(tokens[k], k in places)
                and tokens[k].folded not in FIRST_PERSON
                and (closed or k != last or voikko_classes(tokens[k].text) or tokens[k].capital)
            ]
            sure = [
                k
                for k in candidates
                if flags[k]
                or (
                    dictionary_name(tokens[k].text.capitalize())
                    and _base_name(tokens[k].folded) not in _names().ambiguous
                )
            ]
            if sure and len(candidates) >= 2:
                for k in candidates:
                    flags[k] = True
        i = j + 1 if joined else i + 1


def _comma_between(tok: _Token) -> bool:
    return tok.gap.strip() == ","


def _could_be_name(tok: _Token, place: bool) -> bool:
    if tok.folded in STOPWORDS or tok.folded in NOT_NAMES or tok.folded in _cue_words() or place:
        return False
    classes = voikko_classes(tok.text)
    return bool(
        classes & _PERSON_CLASSES or _base_name(tok.folded) or not (classes or swedish_words.everyday(tok.text))
    )


def sign_off_last(text: str, tokens: Sequence[_Token], places: dict[int, bool], flags: list[bool]) -> None:
    """The last word of a message, alone after a sign-off or a closing sentence: "mvh lillemor",
    "kiitos avusta! Kaarina", "tack för hjälpen! Per"."""
    i = len(tokens) - 1
    if i >= 3 and tokens[i].folded in _GROUPS and tokens[i - 1].folded in ("ja", "och"):
        i -= 2  # "mvh milton och ungarna", "t. armas ja lapset": the name before the family
    tok = tokens[i]
    if (
        i < 1
        or flags[i]
        or tok.folded in STOPWORDS
        or tok.folded in NOT_NAMES
        or tok.folded in _cue_words()
        or len(tok.folded) < 2
        or (i == len(tokens) - 1 and text[tok.end :].strip(" .!?\n"))
    ):
        return
    after_sign_off = _cue_before(tokens, i, SIGN_OFFS, across_sentences=True)
    closing = tok.sentence_start and text[tokens[i - 1].end : tok.start].strip() in ("!", ".", "!!", "-", ",")
    if after_sign_off and len(tok.folded) >= 3:
        flags[i] = True
    elif (
        closing
        and (tok.capital or _first_name_like(tok))
        and (_could_be_name(tok, False) or places.get(i))
        and (
            _base_name(tok.folded)
            or places.get(i)
            or not voikko_classes(tok.text) - {"etunimi", "sukunimi", "paikannimi", "nimi"}
        )
    ):
        flags[i] = True
