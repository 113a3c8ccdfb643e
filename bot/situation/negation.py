"""A cue in the scope of a negation does not count: "ei se oo väkivaltanen", "han blir int våldsam",
"ingen har varit elak eller våldsam" (the same clause, a few words back, two more for each "or" of a list)."""

from __future__ import annotations

import re

from bot.situation import cues


def said(pattern, folded: str) -> bool:
    """A match not in the scope of a negation ("ei se oo väkivaltanen", "han blir int våldsam")."""
    return any(not negated(folded[: m.start()]) for m in pattern.finditer(folded))


_CLAUSE_END = re.compile(r"[.!?;,:\n]")
_WORD = re.compile(r"\w+")


def negated(before: str) -> bool:
    """Whether the words just before a cue negate it: a negation in the same clause, at most two words
    back, and two more for each "or" of a list ("ingen har varit elak eller [våldsam]")."""
    words = _WORD.findall(_CLAUSE_END.split(before)[-1])
    swedish = bool(cues.SWEDISH_CLAUSE_WORDS.intersection(words))
    room = 2
    for word in reversed(words):
        if word in cues.NEGATION_WORDS and not (word == "en" and swedish):
            return True
        if word in cues.CLAUSE_OPENERS:
            return False
        if word in cues.LIST_JOINERS:
            room += 2
            continue
        room -= 1
        if room < 0:
            return False
    return False
