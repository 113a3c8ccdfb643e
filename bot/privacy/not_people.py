"""Capitalised words that are not people to protect: well-known brands and organisations
(data/organisations.yml: "Clas Ohlsonilta", "Reiman haalari", "Röda Korset") and fictional characters
(name_lexicon.FICTION: "Peppi Pitkätossu", "Alfons Åberg-böckerna"), in any case form.

The name finder clears its flags on them last, after every other pass; a brand that is also a given
name (Elisa, Wilma) stays a name after a strong cue or next to another name outside the phrase.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Protocol, Sequence

import yaml

from bot.places.finnish import ENDINGS, fold
from bot.privacy.name_lexicon import FICTION, PERSON_POSTPOSITIONS

DATA = Path(__file__).resolve().parent / "data" / "organisations.yml"
_ENDINGS = frozenset(ENDINGS) | {"s"}  # Finnish case endings; Swedish genitive -s ("Hartwalls läsk")


class _Token(Protocol):
    folded: str
    sentence_start: bool


@lru_cache(maxsize=1)
def organisations() -> tuple[tuple[str, ...], ...]:
    lines = yaml.safe_load(DATA.read_text(encoding="utf-8"))["organisations"].splitlines()
    return tuple(tuple(fold(line).split()) for line in lines if line.strip())


def inflected_form(folded: str, word: str) -> bool:
    """`folded` is `word`, a case form of it (lidlista: Lidl + i + stä; reiman), its genitive -s, or a
    hyphenated compound starting with it (wrede-institutet, aberg-bockerna)."""
    if folded == word:
        return True
    if folded.startswith(word) and folded[len(word) :].startswith("-"):
        return True
    stems = {word}
    if len(word) > 3 and word[-3:-1] in ("kk", "pp", "tt"):
        stems.add(word[:-2] + word[-1])  # weak grade: Lastensuojeluliitto -> Lastensuojeluliiton
    if word.endswith("maki"):
        stems.add(word[:-4] + "mae")  # Linnanmäki -> Linnanmäelle
    for stem in stems:
        rest = folded[len(stem) :] if folded.startswith(stem) else None
        if rest is not None and (
            rest in _ENDINGS or (stem[-1] not in "aeiouy" and rest[:1] == "i" and rest[1:] in _ENDINGS)
        ):
            return True
    return False


def one_word_organisation(folded: str) -> bool:
    """`folded` is a one-word organisation or attraction in any form: "linnanmaelle", "salutorget"."""
    return any(len(p) == 1 and inflected_form(folded, p[0]) for p in organisations())


_INDEXES: dict[int, tuple] = {}


def _index(phrases) -> tuple[dict, dict]:
    """Phrases by their first word (several words: that word as written) and one-word phrases by the
    stems their forms start with, so that a message is not compared with every phrase."""
    key = id(phrases)
    if key not in _INDEXES:
        by_first: dict[str, list] = {}
        by_stem: dict[str, list] = {}
        for phrase in phrases:
            if len(phrase) > 1:
                by_first.setdefault(phrase[0], []).append(phrase)
                continue
            word = phrase[0]
            stems = {word}
            if len(word) > 3 and word[-3:-1] in ("kk", "pp", "tt"):
                stems.add(word[:-2] + word[-1])
            if word.endswith("maki"):
                stems.add(word[:-4] + "mae")
            for stem in stems:
                by_stem.setdefault(stem, []).append(phrase)
        _INDEXES[key] = (phrases, by_first, by_stem)  # keeps `phrases` alive, so its id stays its own
    return _INDEXES[key][1], _INDEXES[key][2]


def phrase_spans(tokens: Sequence[_Token], phrases) -> list[range]:
    """Token ranges where one of `phrases` stands: every word as written, the last one in any form."""
    by_first, by_stem = _index(phrases)
    found = []
    for i, tok in enumerate(tokens):
        folded = tok.folded
        for phrase in by_first.get(folded, ()):
            n = len(phrase)
            inside = tokens[i : i + n]
            if (
                len(inside) == n
                and all(t.folded == w for t, w in zip(inside[:-1], phrase[:-1]))
                and inflected_form(inside[-1].folded, phrase[-1])
            ):
                found.append(range(i, i + n))
        seen = set()
        for cut in range(1, len(folded) + 1):
            for phrase in by_stem.get(folded[:cut], ()):
                if phrase not in seen and inflected_form(folded, phrase[0]):
                    seen.add(phrase)
                    found.append(range(i, i + 1))
    return found


def clear(tokens: Sequence[_Token], flags: list[bool], after_cue) -> None:
    """Clear the flags on brands, organisations and fictional characters. `after_cue(i)`: token i follows
    a cue that names a person ("nimeni on", "min dotter"), which a one-word brand does not override."""
    for span in phrase_spans(tokens, FICTION):
        for k in span:
            flags[k] = False
    spans = phrase_spans(tokens, organisations())
    inside = {k for span in spans for k in span}
    for span in spans:
        outside = [k for k in (span.start - 1, span.stop) if 0 <= k < len(tokens) and k not in inside]
        person_after = span.stop < len(tokens) and tokens[span.stop].folded in PERSON_POSTPOSITIONS
        if len(span) == 1 and (after_cue(span.start) or person_after or any(flags[k] for k in outside)):
            continue  # "nimeni on Elisa", "Elisa Lindqvist", "Wilman kanssa": the person, not the operator
        for k in span:
            flags[k] = False
