"""Finnish place-name morphology, just enough to recognise inflected municipality names.

People write "Oulussa", "rovaniemelt", "uudessakaupungissa" or "sodankylasta". Instead of a
full morphological generator we derive the few stems a name can take (strong/weak consonant
grade, e-stems of old i-words, -nen and -s words) and strip a closed set of case endings from
the word at hand. Everything works on *folded* text (lower case, ä→a, ö→o, å→a) so that a
missing ä/ö costs nothing.
"""

from __future__ import annotations

import unicodedata

_FOLD = str.maketrans({"ä": "a", "ö": "o", "å": "a", "é": "e", "ü": "u", "–": "-", "—": "-"})


def fold(text: str) -> str:
    """Lower-case and strip Nordic diacritics: 'Sodankylä' -> 'sodankyla'."""
    text = unicodedata.normalize("NFC", text).lower().translate(_FOLD)
    return text


# Case endings (folded). Standard forms first, then the clipped forms of spoken Finnish
# ("Oulus", "Rovaniemelt", "Porist") and illatives, which depend on the stem's last vowel.
_CASES = (
    "ssa",
    "sta",
    "lla",
    "lta",
    "lle",
    "na",
    "ksi",
    "n",
    "a",
    "ta",
    "s",
    "st",
    "l",
    "lt",
    "ll",
    "lt",
    "ks",
    "an",
    "en",
    "in",
    "on",
    "un",
    "yn",
    "han",
    "hen",
    "hin",
    "hon",
    "hun",
    "hyn",
    "seen",
    "siin",
    "sen",
    "ten",
    "den",
    "tten",
)
_CLITICS = ("", "kin", "kaan", "ka", "han", "ko", "pa", "s")

ENDINGS: tuple[str, ...] = tuple(
    sorted({case + clitic for case in _CASES for clitic in _CLITICS} | set(_CLITICS[1:]), key=len, reverse=True)
)

# Consonant gradation pairs (strong -> weak) of the last syllable; applied in both directions
# because we cannot know which grade the written form uses.
_GRADATION = (
    ("kk", "k"),
    ("pp", "p"),
    ("tt", "t"),
    ("nk", "ng"),
    ("nt", "nn"),
    ("mp", "mm"),
    ("lt", "ll"),
    ("rt", "rr"),
    ("ht", "hd"),
    ("lk", "l"),
    ("rk", "r"),
    ("hk", "h"),
    ("lp", "lv"),
    ("rp", "rv"),
    ("t", "d"),
    ("p", "v"),
    ("k", ""),
)
_VOWELS = "aeiouy"

# Old two-syllable i-words take an e-stem: joki -> joe-, järvi -> järve-, lahti -> lahde-.
_E_STEM_WORDS = {
    "joki": ("joe", "joke"),
    "maki": ("mae", "make"),
    "jarvi": ("jarve",),
    "niemi": ("nieme",),
    "lahti": ("lahde", "lahte"),
    "salmi": ("salme",),
    "vesi": ("vede", "vete"),
    "koski": ("koske",),
    "saari": ("saare",),
    "lampi": ("lamme", "lampe"),
    "nummi": ("numme",),
    "suomi": ("suome",),
    "kivi": ("kive",),
    "veteli": ("vetele",),
    "loppi": ("lope", "loppe"),
}


def _grade_variants(stem: str) -> set[str]:
    """The stem itself plus its other consonant grade(s), changing only the last consonant run."""
    out = {stem}
    # Find the consonant run before the final vowel(s).
    i = len(stem)
    while i > 0 and stem[i - 1] in _VOWELS:
        i -= 1
    j = i
    while j > 0 and stem[j - 1] not in _VOWELS:
        j -= 1
    if i == len(stem) or j == 0:
        return out
    head, cons, tail = stem[:j], stem[j:i], stem[i:]
    for strong, weak in _GRADATION:
        if cons.endswith(strong):
            out.add(head + cons[: -len(strong)] + weak + tail)
        if weak and cons.endswith(weak):
            out.add(head + cons[: -len(weak)] + strong + tail)
    return out


def stems(name: str) -> set[str]:
    """All stems a (folded, single-word) Finnish place name may take before a case ending."""
    name = fold(name)
    result = {name}
    for word, e_stems in _E_STEM_WORDS.items():
        if name.endswith(word):
            base = name[: -len(word)]
            result.update(base + e for e in e_stems)
    if name.endswith("nen"):
        base = name[:-3]
        result.update({base + "se", base + "si", base + "s", base + "st"})
    elif (
        name.endswith("as") or name.endswith("es") or name.endswith("us") or name.endswith("os") or name.endswith("is")
    ):
        base = name[:-1]
        # Muhos -> Muhokse-, Alavus -> Alavude-, Pihtipudas -> Pihtiputaa-, Korsnäs -> Korsnäsi-.
        result.update({base + "kse", base + "de", name + "i"})
        if name.endswith("das"):
            result.add(name[:-3] + "taa")
    elif name.endswith("t"):
        # Plural names: Virrat -> Virroi-/Virro-.
        base = name[:-2]
        result.update({base + "oi", base + "o", base + "oje"})
    elif name[-1] not in _VOWELS:
        # Swedish-origin names inflected in Finnish take an -i: Korsnäsissä, Närpesissä.
        result.add(name + "i")
    elif name.endswith("e"):
        result.add(name + "e")  # Kitee- / Pälkänee-
    graded: set[str] = set()
    for stem in result:
        graded |= _grade_variants(stem)
    return {s for s in graded if len(s) >= 2}
