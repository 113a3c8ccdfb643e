"""Which language a message is written in, and whether the writer asked for another one.

A bare place name says nothing about the writer's language ("Jakobstad" looks Swedish to any
detector, "Oulu" Finnish), and one word like "ok" says little; such messages are marked
unreliable so that they never flip the conversation's language.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass
from functools import lru_cache
from typing import Iterable, Optional

from bot.places.finnish import fold

SUPPORTED = ("fi", "sv")
_WORD = re.compile(r"[^\W\d_]+(?:[-'][^\W\d_]+)*")
_MIN_CONFIDENCE = 0.75

# One-word messages that do tell the language (greetings, thanks, farewells).
_TELLTALE = {
    "fi": {
        "moi",
        "moikka",
        "hei",
        "heippa",
        "terve",
        "moro",
        "kiitos",
        "kiitti",
        "kiitoksia",
        "huomenta",
        "päivää",
        "iltaa",
        "joo",
        "juu",
        "kyllä",
        "en",
        "ei",
        "näkemiin",
        "nähdään",
        "okei",
    },
    "sv": {
        "hej",
        "hejsan",
        "tjena",
        "tja",
        "hallå",
        "tack",
        "tackar",
        "hejdå",
        "adjö",
        "morjens",
        "nej",
        "nä",
        "jo",
        "javisst",
        "gärna",
    },
}
_TELLTALE_FOLDED = {lang: {fold(w) for w in words} for lang, words in _TELLTALE.items()}

# Explicit requests for a language, in either language (folded text).
_REQUEST = {
    "sv": re.compile(r"\b(ruotsi(ksi|a|n kiel\w*)|ruotsinkiel\w*|pa svenska|svenska|swedish|svenskt?)\b"),
    "fi": re.compile(r"\b(suomeksi|suomea|suomen kiel\w*|suomenkiel\w*|pa finska|finska|finnish|finskt?)\b"),
}


@dataclass(frozen=True)
class Detection:
    """`language` is the best guess (always set); `reliable` says whether it may switch the conversation."""

    language: str
    confidence: float
    reliable: bool
    requested: Optional[str] = None
    words: int = 0

    def as_dict(self) -> dict:
        return asdict(self)


@lru_cache(maxsize=1)
def _detector():
    from lingua import Language, LanguageDetectorBuilder

    # English is a candidate only so that English text is not forced into fi or sv.
    return LanguageDetectorBuilder.from_languages(Language.FINNISH, Language.SWEDISH, Language.ENGLISH).build()


def _lingua_code(language) -> str:
    return {"FINNISH": "fi", "SWEDISH": "sv"}.get(language.name, "en")


def requested_language(text: str) -> Optional[str]:
    """'voitko puhua ruotsia' -> 'sv', 'på finska tack' -> 'fi', otherwise None."""
    folded = fold(text)
    hits = [lang for lang, pattern in _REQUEST.items() if pattern.search(folded)]
    return hits[0] if len(hits) == 1 else None


def detect(text: str, ignore_spans: Iterable[tuple[int, int]] = (), default: str = "fi") -> Detection:
    """Detect fi/sv, ignoring the character spans of place names."""
    spans = list(ignore_spans)
    words = [m.group() for m in _WORD.finditer(text) if not any(s <= m.start() < e for s, e in spans)]
    requested = requested_language(text)
    if not words:
        return Detection(default, 0.0, False, requested, 0)
    if len(words) == 1:
        word = fold(words[0])
        for lang, telltale in _TELLTALE_FOLDED.items():
            if word in telltale:
                return Detection(lang, 1.0, True, requested, 1)
    values = _detector().compute_language_confidence_values(" ".join(words))
    scores = {code: 0.0 for code in SUPPORTED}
    for v in values:
        code = _lingua_code(v.language)
        if code in scores:
            scores[code] = v.value
    best = max(scores, key=scores.__getitem__)
    confidence = scores[best] / (sum(scores.values()) or 1.0)
    reliable = len(words) >= 2 and confidence >= _MIN_CONFIDENCE and scores[best] >= 0.4
    return Detection(best, round(confidence, 3), reliable, requested, len(words))


def preload() -> None:
    """Load the detector's models now rather than on the first user's message."""
    detect("hei mitä kuuluu")
    detect("hej hur mår du")
