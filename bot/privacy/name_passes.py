"""Second passes of the person-name finder (bot.privacy.names), run on its first flags: names that only
their place in the message shows, mostly written in lower case, which no list or dictionary knows.

- after a relation or child word: "kumppani maarit on", "min dotter nathalie har", "[name] son ahmad";
- in subject position of a question: "miks vesa ei saanu", "varfor fick int kajsa dagisplats";
- a signature that ends the message: "… /abdi", "… -ingmar";
- a name joined to a found one by "o"/"och"/"ja"/"&": "karin o [name]", "[name] ja maarit";
- introducing oneself: "ja e sten o 16", "folke här från Närpes", "sören har hej" (här without its ring).

A candidate is a word that is not a function, cue or everyday word: Voikko (Finnish) and the Swedish word
list (bot.privacy.swedish_words) do not know it, or know it only as a name.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Protocol, Sequence

from bot.privacy import swedish_words
from bot.privacy.name_lexicon import (
    _PERSON_CLASSES,
    FAMILY_AFTER,
    FAMILY_CUES,
    FIRST_PERSON,
    NOT_NAMES,
    PROFESSION_ENDINGS,
    PROPER_CLASSES,
    RELATION_CUES,
    SIGN_OFFS,
    SOFT_CUES,
    STOPWORDS,
    STRONG_CUES,
    WEAK_CUES,
    _base_name,
    _names,
    dictionary_name,
    voikko_classes,
)


class Token(Protocol):
    """What the name passes read of a word (bot.privacy.names._Token)."""

    start: int
    end: int
    text: str
    folded: str
    sentence_start: bool
    gap: str

    @property
    def capital(self) -> bool: ...


_Token = Token


def cue_before(tokens: Sequence[_Token], i: int, cues: tuple[str, ...], across_sentences: bool = False) -> bool:
    """One of `cues` (folded phrases of one to three words) stands right before token i."""
    for n in (3, 2, 1):
        inside = tokens[i - n + 1 : i + (0 if across_sentences else 1)]
        if i - n >= 0 and not any(t.sentence_start for t in inside):
            phrase = " ".join(t.folded for t in tokens[i - n : i])
            if phrase in cues:
                return True
    return False


@lru_cache(maxsize=1)
def cue_words() -> frozenset[str]:
    """Every word of a cue: a word that introduces a name is not one."""
    phrases = (*STRONG_CUES, *WEAK_CUES, *SIGN_OFFS, *RELATION_CUES, *FAMILY_CUES, *SOFT_CUES)
    return frozenset(w for p in phrases for w in p.split() if len(w) > 2) | frozenset(PROFESSION_ENDINGS)


# A relation or child word alone (the pairs "mun mies", "min son" are in RELATION_CUES); not sisko, veli,
# bror: they are names too ("mun vaimo sisko on"); nor "man" alone, Swedish "one" ("behöver man
# tidsbokning"): "min man" is a relation cue.
RELATION_WORDS = frozenset(
    """
kumppani puoliso vaimo mies avomies avovaimo exa eksa ex poika tytto lapsi vauva
sambo partner fru make maka son dotter pojk pojke flicka tjej kille syster barn bebis
ex-mies ex-vaimo exmies exvaimo vaimonsa miehensa puolisonsa poikansa tyttarensa
""".split()
)
# Finite "be"/"have" verbs that make the word before them a subject: "mun vaimo sisko on raskaana".
_CLAUSE_VERBS = frozenset({"on", "oli", "ois", "olis", "ei", "ar", "e", "va", "var", "har", "hade", "blir"})
# Adverbs that stand between a relation word and its verb: "min man alltid är", "mun poika aina on".
_ADVERBS = frozenset("alltid ocksa aldrig redan fortfarande ju nog typ sjalv bara aina viela taas myos jo nyt".split())
_QUESTION_WORDS = frozenset({"miks", "miksi", "mikset", "miten", "milloin", "kun", "jos", "etta", "et"})
_SV_QUESTION_WORDS = frozenset({"varfor", "varfo", "hur", "nar", "om", "att", "fast"})
_NEGATIONS = frozenset({"ei", "eika", "eiko"})
_SV_NEGATIONS = frozenset({"int", "inte", "inge", "aldrig"})
# The ring of "här" left out (har), then a greeting or a pause: "sören har hej", "Siri har, tack".
_HERE_GREETINGS = frozenset(
    {"hej", "hejsan", "tjena", "tjenare", "hallo", "morjens", "moi", "moikka", "moro", "hei", "tack", "kiitos", "igen"}
)
_JOINS = frozenset({"o", "och", "ja", "&", "seka"})
# "ja e sten o 16", "oon aino ja 15": an age joined by a conjunction after who someone is.
_JOINED_AGE = re.compile(
    r"^\s+(?:o|och|ja|&)\s+(?:(?:oon|olen|e|är|ar)\s+)?\d{1,2}(?:\s*(?:v|år|ar|vuo\w*)\b|\s*[,.!?]|\s*$)", re.IGNORECASE
)


def _function_word(tok: _Token) -> bool:
    return (
        tok.folded in STOPWORDS
        or tok.folded in NOT_NAMES
        or tok.folded in FIRST_PERSON
        or tok.folded in cue_words()
        or tok.folded in RELATION_WORDS
        or len(tok.folded) < 3
    )


def unknown_word(tok: _Token) -> bool:
    """Neither Voikko nor the Swedish list knows the word as anything but a name."""
    if _function_word(tok):
        return False
    classes = voikko_classes(tok.text) | voikko_classes(tok.text.lower())
    if classes - PROPER_CLASSES:
        return False
    return bool(classes & PROPER_CLASSES) or not (swedish_words.everyday(tok.text) or _colloquial(tok.text))


def _colloquial(word: str) -> bool:
    """Spoken Finnish that Voikko knows once the standard ending is back: "haluu" (halua-), "pelkäs"
    (pelkäsi), "saanu" (saanut)."""
    word = word.lower()
    candidates = [word + "i", word + "t"]
    if len(word) > 3 and word[-1] == word[-2] and word[-1] in "aeiouyäö":
        candidates += [word[:-1] + "a", word[:-1] + "ä"]
    return any(voikko_classes(c) - _PERSON_CLASSES for c in candidates)


def _name_or_unknown(tok: _Token, cue_word_too: bool = False) -> bool:
    """A listed name, Voikko's name (even one that is also a word: sisko, armas), or an unknown word;
    with `cue_word_too` also a cue word that is a name (sisko)."""
    if _function_word(tok) and not (cue_word_too and tok.folded in cue_words() and tok.folded not in STOPWORDS):
        return False
    classes = voikko_classes(tok.text) | voikko_classes(tok.text.capitalize())
    return bool(_base_name(tok.folded) in _names().first or classes & _PERSON_CLASSES or unknown_word(tok))


def _relation_before(tokens: Sequence[_Token], i: int) -> bool:
    return (
        i > 0
        and not tokens[i].sentence_start
        and (tokens[i - 1].folded in RELATION_WORDS or cue_before(tokens, i, RELATION_CUES))
    )


def _verb_after(tokens: Sequence[_Token], i: int) -> bool:
    return i + 1 < len(tokens) and not tokens[i + 1].sentence_start and tokens[i + 1].folded in _CLAUSE_VERBS


def after_relation(tokens: Sequence[_Token], i: int) -> bool:
    """ "kumppani maarit on", "min dotter nathalie har", "mun mies alicia": a lower-case word after a
    relation word that no dictionary knows, or a name (also one that is a word) before a verb."""
    tok = tokens[i]
    if not tok.text.islower() or not _relation_before(tokens, i):
        return False
    if unknown_word(tok):
        return True
    if not _verb_after(tokens, i) or tok.folded in _ADVERBS:
        return False
    # the subject of "on"/"är": a name, or a word only the Swedish list knows ("min man klas e slut")
    return _name_or_unknown(tok, cue_word_too=True) or (
        not _function_word(tok) and not voikko_classes(tok.text) - PROPER_CLASSES
    )


def in_subject_position(tokens: Sequence[_Token], i: int) -> bool:
    """ "miks vesa ei saanu", "varfor fick int kajsa dagisplats": a name between a question word and a
    negation (Finnish), or after the question's verb and its negation (Swedish)."""
    tok = tokens[i]
    if not tok.text.islower() or i == 0 or i + 1 >= len(tokens) or tokens[i + 1].sentence_start:
        return False
    if tokens[i - 1].folded in _QUESTION_WORDS and tokens[i + 1].folded in _NEGATIONS:
        # A pronoun is no name, even one that folds into a name's form: "kun mikään ei" (mika + -an).
        return _name_or_unknown(tok, cue_word_too=True) and "asemosana" not in voikko_classes(tok.text)
    return (
        i >= 3
        and tokens[i - 1].folded in _SV_NEGATIONS
        and tokens[i - 3].folded in _SV_QUESTION_WORDS
        and not any(t.sentence_start for t in tokens[i - 2 : i + 1])
        and (unknown_word(tok) or (tok.folded in cue_words() and _name_or_unknown(tok, cue_word_too=True)))
    )


_AT = frozenset({"pa", "fran", "hos", "i"})
_SAID = frozenset({"sa", "sade", "sagt", "ringde", "lovade", "tyckte", "sano", "sanoi"})


def at_an_office(tokens: Sequence[_Token], i: int) -> bool:
    """ "Anna pa socialen sa att …", "Algot från dagis ringde": who said it, where they work, then the
    verb of saying; the word is a name whatever the dictionaries say."""
    tok = tokens[i]
    if not tok.text[:1].isupper() or i + 3 >= len(tokens) or _function_word(tok):
        return False
    at, place, said = tokens[i + 1], tokens[i + 2], tokens[i + 3]
    if any(t.sentence_start for t in (at, place, said)) or at.folded not in _AT or said.folded not in _SAID:
        return False
    named = _base_name(tok.folded) in _names().first or voikko_classes(tok.text) & _PERSON_CLASSES
    if not (named or unknown_word(tok)):
        return False  # "Flickorna på dagis sa"
    return place.text.islower() and (tok.sentence_start or i > 0 and tokens[i - 1].folded in ("nagon", "en"))


def signature(text: str, tokens: Sequence[_Token], i: int) -> bool:
    """The message's last word, right after "/" or " -": "… i morgon. /abdi", "kiitos -marja"."""
    tok = tokens[i]
    if i != len(tokens) - 1 or text[tok.end :].strip(" .!?\n"):
        return False
    before = text[: tok.start]
    if not re.search(r"(?:^|\s)[-/–]{1,2}\s?$", before) or tok.folded in NOT_NAMES:
        return False
    capital_name = bool(voikko_classes(tok.text.capitalize()) & _PERSON_CLASSES)  # "/Hans", "/hans"
    return capital_name or _base_name(tok.folded) is not None or _name_or_unknown(tok, cue_word_too=True)


def introducing(text: str, tokens: Sequence[_Token], i: int) -> bool:
    """ "ja e sten o 16", "folke här från Närpes", "sören har hej", "Siri har, tack för hjälpen"."""
    tok = tokens[i]
    after = tokens[i + 1] if i + 1 < len(tokens) and not tokens[i + 1].sentence_start else None
    cue = cue_before(tokens, i, WEAK_CUES) or cue_before(tokens, i, SOFT_CUES)
    if cue and _JOINED_AGE.match(text[tok.end : tok.end + 16]) and not _function_word(tok):
        return True
    again = i + 1 < len(tokens) and tokens[i + 1].folded in ("igen", "taas", "uudestaan")
    if cue and again and (_base_name(tok.folded) is not None or _name_or_unknown(tok)):
        return True  # "det är per igen", "täällä taas aino"
    if after is None or not (tok.sentence_start or cue or (i > 0 and tokens[i - 1].folded in _HERE_GREETINGS)):
        return False
    here = after.text.lower() in ("här", "täällä", "tässä", "täs")
    unringed = after.text.lower() in ("har", "tas", "tassa", "taalla") and (
        text[after.end : after.end + 2].lstrip()[:1] in (",", "!", ".", "")
        or (i + 2 < len(tokens) and tokens[i + 2].folded in _HERE_GREETINGS)
    )
    if unringed and (i == 0 or tokens[i - 1].folded in _HERE_GREETINGS):
        return not _function_word(tok)  # "Rune har, tack": whatever the word, it opens the message
    return (here or unringed) and (_base_name(tok.folded) is not None or _name_or_unknown(tok))


def unknown_sentence_start(tokens: Sequence[_Token], i: int) -> bool:
    """ "Lykkes dagis ringde", "Chens har lovat": a genitive opening a sentence that neither Voikko nor
    the Swedish list knows, nor its stem, before a lower-case word."""
    tok = tokens[i]
    following = tokens[i + 1] if i + 1 < len(tokens) else None
    if not (tok.sentence_start and tok.text[:1].isupper() and tok.text[1:].islower() and len(tok.folded) >= 3):
        return False
    if following is None or following.sentence_start or not following.text.islower():
        return False
    if voikko_classes(tok.text) - PROPER_CLASSES or not unknown_word(tok):
        return False
    if not tok.folded.endswith("s") or len(tok.folded) < 4:
        return False  # without the genitive, too many compounds and loan words open a sentence
    stem = tok.text[:-1]
    return not (voikko_classes(stem) - PROPER_CLASSES or swedish_words.everyday(stem) or _colloquial(stem))


def genitive_before_family(tokens: Sequence[_Token], i: int) -> bool:
    """ "christines mamma dricker", "roopes pappa": a lower-case genitive -s of a name or of a word no
    dictionary knows, before a family word."""
    tok = tokens[i]
    if not (tok.text.islower() and tok.folded.endswith("s") and len(tok.folded) >= 4) or i + 1 >= len(tokens):
        return False
    if tokens[i + 1].sentence_start or tokens[i + 1].folded not in FAMILY_AFTER or _function_word(tok):
        return False
    stem = tok.text[:-1]
    if voikko_classes(tok.text) - PROPER_CLASSES or swedish_words.everyday(tok.text):
        return False  # "barns pappa"
    return bool(
        _base_name(stem) in _names().first
        or voikko_classes(stem.capitalize()) & _PERSON_CLASSES
        or not (voikko_classes(stem) - PROPER_CLASSES or swedish_words.everyday(stem))
    )


def joined(tokens: Sequence[_Token], places, flags: list[bool]) -> None:
    """ "karin o [name]", "[name] och walter": a word joined to a found name by "o"/"och"/"ja" is a name
    when it is one by the list or Voikko, or no dictionary knows it. Repeated: "a, b o [name]" carries."""
    changed = True
    while changed:
        changed = False
        for i in range(len(tokens)):
            if not flags[i]:
                continue
            for j, k in ((i - 2, i - 1), (i + 2, i + 1)):
                if not 0 <= j < len(tokens) or flags[j] or j in places or tokens[k].folded not in _JOINS:
                    continue
                if tokens[max(j, i)].sentence_start or tokens[k].sentence_start:
                    continue
                other = tokens[j]
                if _base_name(other.folded) in _names().first or unknown_word(other):
                    flags[j] = changed = True
    # Two unfound lower-case words joined, both names or unknown, one a name by the list or Voikko:
    # "gunnar o robert".
    for k in range(1, len(tokens) - 1):
        a, join, b = tokens[k - 1], tokens[k], tokens[k + 1]
        if join.folded not in _JOINS or flags[k - 1] or flags[k + 1] or join.sentence_start or b.sentence_start:
            continue
        if not (a.text.islower() and b.text.islower()):
            continue  # "Tor och fre", "Berg och dalbana": capitals are read by the first passes
        if k - 1 in places or k + 1 in places or not (_name_or_unknown(a) and _name_or_unknown(b)):
            continue
        named = any(_base_name(t.folded) in _names().first or dictionary_name(t.text.capitalize()) for t in (a, b))
        if named and not any(voikko_classes(t.text) - PROPER_CLASSES for t in (a, b)):  # not "illalla ja aamulla"
            flags[k - 1] = flags[k + 1] = True
