"""Last passes of the person-name finder (bot.privacy.names): a word that the sentence around it shows to be
a person, whatever the word is otherwise (a brand, a directory service's word, an everyday word that is
also a first name). Run after the brands are cleared, so that they win over them:

- an age told after it: "Tapani on kuusivuotias", "Karin är sex år", "Onni on 3-vuotias";
- after a possessive, relation or child word, before an age, "joka"/"som" or being born:
  "meiän kjell on nyt 2", "vår anita e 2 nu", "tytto marja joka on 8kk", "lapsi viola syntyi";
- the one a message is for: "skriv ett meddelande åt juhana att", "kirjota viesti veikkolle";
- who writes: "he e viola som skriver", "täällä on Aino joka kirjoittaa";
- introducing oneself at the start: "ja e lena, 17,", "moi oon ture ja mun vauva";
- greeting someone: "Hej Elisa, tack för i går"; "Jimmy från Rovaniemi här";
- Swedish "Hans" as a name: capitalised inside a sentence before a verb or a comma, "tvillingar X och Hans";
- a colon before a case ending: "Tuulia:n kanssa";
- a municipality's genitive glued onto a first name's surname: "Juulia Koskin kanssa";
- a surname (a municipality too) told to after a verb of telling: "kirjotin Salolle", "Ilmoitin Kauppilalle".
"""

from __future__ import annotations

import re
from typing import Sequence

from bot.places.finnish import fold
from bot.privacy import not_people, swedish_words
from bot.privacy.name_lexicon import (
    _PERSON_CLASSES,
    FAMILY_AFTER,
    FICTION,
    GREETINGS,
    NOT_NAMES,
    PROPER_CLASSES,
    RELATION_CUES,
    STOPWORDS,
    _base_name,
    _names,
    voikko_analyses,
    voikko_classes,
)
from bot.privacy.name_pairs import glued_case
from bot.privacy.name_passes import RELATION_WORDS, _function_word, unknown_word

_NUMBER_WORDS = (
    "yksi|kaksi|kolme|nelja|neljä|viisi|kuusi|seitseman|seitsemän|kahdeksan|yhdeksan|yhdeksän|kymmenen|"
    "ett|en|två|tva|tre|fyra|fem|sex|sju|åtta|atta|nio|tio|elva|tolv|tretton|fjorton|femton|sexton|sjutton|"
    "arton|nitton"
)
# An age: "6", "6v", "kuusivuotias", "kolme vuotta", "sex år", "sexåring", "8kk", "2 nu och".
_AGE = (
    r"(?:(?:\d{1,2}|" + _NUMBER_WORDS + r")\s?-?\s?(?:v\b|v\.|vuo\w*|kk\b|kuu\w*|år\b|åring\w*|månad\w*|mån\b)"
    r"|\w*vuotia\w*|\w+åring\w*"
    r"|\d{1,2}(?:\s+(?:nu|nyt))?(?:\s+(?:ja|och|o|eikä|mutta|men)\b|\s*[,.!?]|\s*$))"
)
AGE_TOLD = re.compile(
    r"^\s+(?:on|oli|ois|täyttää|täytti|är|ar|e|va|var|blir|fyller|fyllde)\s+"
    r"(?:(?:nyt|nu|jo|redan|juuri|just|vasta|bara|vain|melkein|nästan|snart|kohta)\s+)?" + _AGE,
    re.IGNORECASE,
)
_WHO_OR_BORN = re.compile(
    r"^\s+(?:joka|jolla|jonka|som|syntyi|syntyy|on\s+syntynyt|föddes|föds|är\s+född|e\s+född"
    r"|(?:på\s+)?\d{1,2}\s?(?:mån\w*|år|v|kk|vuo\w*)(?!\w))",
    re.IGNORECASE,
)
# A genitive before these is whom one is with or at: "tapaaminen Mikkolan kanssa", even a place's name.
_WITH = frozenset({"kanssa", "kaa", "kans", "luona", "luokse", "luota"})
# Possessives in their spoken and written forms: "meiän kjell", "vår anita".
_POSSESSIVES = frozenset({"meidan", "meian", "meijan", "mein", "vår", "var", "vara", "varan", "vårt"})
_CHILD_WORDS = frozenset({"tytto", "poika", "vauva", "lapsi", "flicka", "pojke", "bebis", "barn", "flickan", "pojken"})
_MESSAGE_SV = frozenset({"meddelande", "meddelandet", "sms", "brev", "halsning", "halsningar"})
_MESSAGE_FI = frozenset({"viesti", "viestin", "viestia", "tekstari", "tekstarin", "sms", "terveiset", "terveisia"})
_WRITES = frozenset({"skriver", "skriv", "skrivit", "kirjoittaa", "kirjottaa", "kirjoitti", "kirjotti"})
# "oon", "olen", "ja e", "jag är": introducing oneself, at the start of the message or after a greeting.
_INTRO = frozenset({"oon", "olen", "ma oon", "mina olen", "ja e", "jag ar", "ja ar", "jag e", "he e", "de e"})
_TELLING = frozenset(
    {"kirjotin", "kirjoitin", "ilmoitin", "soitin", "sanoin", "lahetin", "laitoin", "puhuin", "kerroin", "valitin"}
)
_ADVERBS = frozenset({"jo", "taas", "eilen", "myos", "viestia", "viestin", "heti", "kerran"})
_VERBS_AFTER_HANS = frozenset(
    "ar e var va har hade sa sager vill kan ska blir fyller fyllde kom kommer gar gick bor och pa fran".split()
)


def _candidate(tok, place: bool = False) -> bool:
    """A listed name, Voikko's name (even one that is also a word), or a word no dictionary knows."""
    if place or _function_word(tok):
        return False
    names = _names()
    base = _base_name(tok.folded)
    person = voikko_classes(tok.text.capitalize()) & _PERSON_CLASSES
    if not person and base != tok.text.lower() and voikko_classes(tok.text) - PROPER_CLASSES:
        return False  # "lasten isä lähti": Lahti only with its ä folded away, and Voikko knows the verb
    return bool((base and (base in names.first or base in names.surnames)) or person or unknown_word(tok))


def _intro_before(tokens: Sequence, i: int) -> bool:
    for n in (2, 1):
        k = i - n
        if k < 0 or any(t.sentence_start for t in tokens[k + 1 : i + 1]):
            continue
        if " ".join(t.folded for t in tokens[k:i]) in _INTRO:
            return k == 0 or tokens[k].sentence_start or tokens[k - 1].folded in GREETINGS
    return False


def _age_after(text: str, tok) -> bool:
    return bool(AGE_TOLD.match(text[tok.end : tok.end + 40]))


def _hans(tokens: Sequence, i: int) -> bool:
    """Capitalised "Hans" before a verb, a comma, a surname or at the end is a name, not "his"."""
    tok = tokens[i]
    if tok.folded != "hans" or not tok.text[:1].isupper():
        return False
    following = tokens[i + 1] if i + 1 < len(tokens) and not tokens[i + 1].sentence_start else None
    if following is None:
        return i == len(tokens) - 1 or not tok.sentence_start  # "t. Hans"
    if following.capital:
        return True  # "työkaveri Hans Prismasta", "Hans Andersson"
    return not tok.sentence_start and (following.gap.strip() == "," or following.folded in _VERBS_AFTER_HANS)


def _by_sentence(text: str, tokens: Sequence, i: int, places: dict) -> bool:
    tok = tokens[i]
    place = i in places
    previous = tokens[i - 1] if i > 0 and not tok.sentence_start else None
    after = text[tok.end : tok.end + 40]
    if _hans(tokens, i):
        return True
    if tok.text[:1].isupper() and not place and tok.folded not in NOT_NAMES and _age_after(text, tok):
        return _candidate(tok) or (tok.folded == "hans" and tok.sentence_start)
    kin = previous is not None and (previous.folded in RELATION_WORDS or previous.folded in _CHILD_WORDS)
    if previous is not None and tok.text.islower():
        if (previous.folded in _POSSESSIVES or kin) and (_age_after(text, tok) or _WHO_OR_BORN.match(after)):
            return _candidate(tok, place) or (kin and tok.folded == "hans")
        if _relation_cue(tokens, i) and (_candidate(tok, place) or (tok.folded == "hans" and _verb_next(tokens, i))):
            return True  # "mitt ex viola skickar", "mun mies toivo", "min man hans e slut"
    if kin and tok.capital and not place and tok.folded not in NOT_NAMES:
        if tok.folded == "hans" or _candidate(tok):
            return True  # "Mitt ex Hans hotar", "vaimonsa Orvokki"
        # "Flickan Tilde började": any word in its base form, not "lapsi Kelalta"
        analyses = voikko_analyses(tok.text)
        return not _function_word(tok) and all(a.get("SIJAMUOTO") in (None, "nimento") for a in analyses)
    if tok.sentence_start and tok.capital and re.match(r"^\s+(?:och\s+jag|ja\s+(?:minä|mä|ma))\b", after):
        return _candidate(tok, place)  # "Svea och jag är sambor"
    if tok.sentence_start and tok.capital and tok.folded.endswith("s") and i + 1 < len(tokens):
        stem = tok.text[:-1]
        if tokens[i + 1].folded in FAMILY_AFTER and len(stem) >= 3 and fold(stem) not in STOPWORDS:
            return _base_name(fold(stem)) in _names().first  # "Karis pappa": a listed name, even one that is a word
    if i >= 2 and previous is not None and not tokens[i - 1].sentence_start:
        if tokens[i - 1].folded in ("at", "till") and tokens[i - 2].folded in _MESSAGE_SV:
            return _candidate(tok, place) and not swedish_words.everyday(tok.text) or _listed_first(tok)
    if previous is not None and previous.folded in _MESSAGE_FI and tok.folded.endswith("lle") and not place:
        stem = tok.text[:-3]
        return _listed_first(tok) or bool(
            voikko_classes(tok.text.capitalize()) & _PERSON_CLASSES
            or (len(stem) >= 3 and not voikko_classes(tok.text) and not voikko_classes(stem) - _PERSON_CLASSES)
        )
    if (
        i + 2 < len(tokens)
        and tokens[i + 1].folded in ("som", "joka")
        and tokens[i + 2].folded in _WRITES
        and not tokens[i + 1].sentence_start
    ):
        return _candidate(tok, place)
    if _intro_before(tokens, i) and _candidate(tok, place):
        if re.match(r"^\s*,\s*\d{1,2}\s*(?:,|\.|!|och|ja|o\b|$)", after):
            return True  # "ja e lena, 17, och"
        # "moi oon ture ja", "ja e anna och": a listed or Voikko's name; in Finnish also a word Voikko
        # does not know (the Swedish list knows too few adjectives: "jag är ensamstående och")
        named = _listed_first(tok) or bool(voikko_classes(tok.text.capitalize()) & _PERSON_CLASSES)
        finnish = tokens[i - 1].folded in ("oon", "olen")
        if re.match(r"^\s+(?:ja|och|o)\s", after) and (named or (finnish and not swedish_words.everyday(tok.text))):
            return True
    return False


def _verb_next(tokens: Sequence, i: int) -> bool:
    return i + 1 < len(tokens) and not tokens[i + 1].sentence_start and tokens[i + 1].folded in _VERBS_AFTER_HANS


def _appointment(tokens: Sequence, i: int, places: dict) -> bool:
    """ "ja fick tid hos Syrjälä", "en tid hos Mäkelä": whom one has an appointment with, a capitalised
    surname Voikko knows only as a proper noun; not a municipality nor a brand (hos Mehiläinen)."""
    tok = tokens[i]
    if i < 2 or not tok.capital or tok.sentence_start or i in places or tok.folded in NOT_NAMES:
        return False
    if tokens[i - 1].folded != "hos" or tokens[i - 2].folded != "tid" or tokens[i - 1].sentence_start:
        return False
    classes = voikko_classes(tok.text)
    return not not_people.one_word_organisation(tok.folded) and not classes - PROPER_CLASSES and not _function_word(tok)


def _relation_cue(tokens: Sequence, i: int) -> bool:
    """A two-word relation cue right before: "mitt ex", "min man", "mun mies"."""
    return (
        i >= 2
        and not tokens[i - 1].sentence_start
        and f"{tokens[i - 2].folded} {tokens[i - 1].folded}" in RELATION_CUES
    )


def _with_genitive(tokens: Sequence, i: int, places: dict, flags: list[bool]) -> bool:
    """ "tapaaminen Mikkolan kanssa", "Laura Kankaanpään kanssa": a capitalised genitive that Voikko knows only
    as a proper noun (a village, a municipality, a surname) or not at all, before "kanssa"/"luona"."""
    tok = tokens[i]
    if not tok.capital or tok.sentence_start or not tok.folded.endswith("n") or tok.folded in NOT_NAMES:
        return False
    if i + 1 >= len(tokens) or tokens[i + 1].sentence_start or tokens[i + 1].folded not in _WITH:
        return False
    if i in places:
        return flags[i - 1]  # "Laura Kankaanpään kanssa", unlike "Helsingin kanssa" (with the city)
    return not voikko_classes(tok.text) - (_PERSON_CLASSES | {"paikannimi"}) and not _function_word(tok)


def _listed_first(tok) -> bool:
    return _base_name(tok.folded) in _names().first and tok.folded not in STOPWORDS


def _greeted_or_here(tokens: Sequence, i: int, places: dict) -> bool:
    """ "Hej Elisa, tack": a capitalised word after the message's greeting, before a comma or "!";
    "Jimmy från Rovaniemi här", "Aino Oulusta täällä"."""
    tok = tokens[i]
    if not tok.text[:1].isupper() or tok.text.isupper() or tok.folded in NOT_NAMES or _function_word(tok):
        return False
    if i in places:
        return False
    following = tokens[i + 1] if i + 1 < len(tokens) else None
    if i == 1 and tokens[0].folded in GREETINGS and following is not None and following.gap.strip()[:1] in (",", "!"):
        return True
    if following is None or following.sentence_start or not (tok.sentence_start or tokens[i - 1].folded in GREETINGS):
        return False
    if following.folded in ("fran", "ifran") and i + 3 < len(tokens) and tokens[i + 3].text.lower() == "här":
        return not any(t.sentence_start for t in tokens[i + 1 : i + 4])
    if (
        following.folded.endswith(("sta", "lta"))
        and i + 2 < len(tokens)
        and tokens[i + 2].folded in ("taalla", "tassa")
    ):
        return not tokens[i + 2].sentence_start and "paikannimi" in voikko_classes(following.text)
    return False


def _slash_signature(text: str, tokens: Sequence, i: int) -> bool:
    """ "//ina", "tack! /loke": the message's last word right after a slash that opens the line or follows
    a space, even a word the Swedish list knows; not one Voikko knows as an everyday word."""
    tok = tokens[i]
    if i != len(tokens) - 1 or text[tok.end :].strip(" .!?\n") or not re.search(r"(?:^|\s)/{1,2}$", text[: tok.start]):
        return False
    return not _function_word(tok) and tok.folded not in NOT_NAMES and not voikko_classes(tok.text) - _PERSON_CLASSES


def _glued_first(tok) -> bool:
    """ "Svenlta tuli viesti", "Robertlle": a capitalised name with a case ending glued onto its last
    consonant, which no Finnish word has."""
    if not tok.text[:1].isupper() or tok.folded in NOT_NAMES or not glued_case(tok.text):
        return False
    stem = tok.text[:-3]
    classes = voikko_classes(stem)
    return bool(_base_name(fold(stem)) in _names().first or classes & _PERSON_CLASSES or not classes)


def _colon_case(text: str, tok) -> bool:
    """ "Tuulia:n", "Orvokki:lle": a colon before a case ending marks a proper noun."""
    return (
        tok.text[:1].isupper()
        and not tok.text.isupper()
        and tok.folded not in NOT_NAMES
        and bool(re.match(r":(?:n|lle|lla|lta|sta|ssa|a|ä|ta|tä|kin)\b", text[tok.end : tok.end + 5]))
    )


def _told_to(tokens: Sequence, i: int) -> bool:
    """ "kirjotin Salolle", "Ilmoitin jo Kauppilalle": a capitalised surname (or a -la/-lo/-nen word
    spelt like a place) in the case of whom one tells, after a verb of telling."""
    tok = tokens[i]
    if not tok.text[:1].isupper() or tok.sentence_start or tok.folded in NOT_NAMES:
        return False
    k = i - 1
    if k > 0 and tokens[k].folded in _ADVERBS:
        k -= 1
    if k < 0 or tokens[k].folded not in _TELLING or any(t.sentence_start for t in tokens[k + 1 : i + 1]):
        return False
    ending = next((e for e in ("lle", "lta") if tok.folded.endswith(e)), None)
    if ending is None:
        return False
    stem = tok.text[: -len(ending)]
    folded = tok.folded[: -len(ending)]
    classes = voikko_classes(stem)
    proper_only = bool(classes) and not classes - (_PERSON_CLASSES | {"paikannimi"})
    return folded in _names().surnames or "sukunimi" in classes or (proper_only and folded.endswith(("la", "lo")))


def _glued_genitive(tokens: Sequence, i: int, places: dict, flags: list[bool]) -> bool:
    """ "Juulia Koskin kanssa", "olen Mikko Sundin": after a found first name, a municipality with a
    genitive -in is the surname (the town's own genitive would be "Kosken")."""
    tok = tokens[i]
    return (
        i in places
        and i > 0
        and flags[i - 1]
        and not tok.sentence_start
        and tok.text[:1].isupper()
        and tok.folded.endswith("in")
        and (_listed_first(tokens[i - 1]) or "etunimi" in voikko_classes(tokens[i - 1].text))
    )


def mark(text: str, tokens: Sequence, places: dict, flags: list[bool]) -> None:
    # Inside an organisation of several words or a fictional character's name no rule here applies
    # ("Folkhälsans familjeklubb", "Pettson och Findus"); a one-word brand may be a person (Elisa, Wilma).
    organisations = [span for span in not_people.phrase_spans(tokens, not_people.organisations()) if len(span) > 1]
    kept = {k for span in organisations + not_people.phrase_spans(tokens, FICTION) for k in span}
    for i, tok in enumerate(tokens):
        if flags[i] or i in kept:
            continue
        if (
            _by_sentence(text, tokens, i, places)
            or _greeted_or_here(tokens, i, places)
            or _colon_case(text, tok)
            or _glued_first(tok)
            or _slash_signature(text, tokens, i)
            or _told_to(tokens, i)
            or _glued_genitive(tokens, i, places, flags)
            or _with_genitive(tokens, i, places, flags)
            or _appointment(tokens, i, places)
        ):
            flags[i] = True
    # A capitalised word inside a sentence joined to a found name: "tvillingar Armas och Hans".
    for i in range(1, len(tokens) - 1):
        if not flags[i]:
            continue
        for j, k in ((i - 2, i - 1), (i + 2, i + 1)):
            if not 0 <= j < len(tokens) or flags[j] or j in places or tokens[k].folded not in ("och", "ja", "o"):
                continue
            other = tokens[j]
            if (
                other.text[:1].isupper()
                and not other.text.isupper()
                and not any(t.sentence_start for t in tokens[min(i, j) + 1 : max(i, j) + 1])
                and not other.sentence_start
                and not _function_word(other)
                and other.folded not in NOT_NAMES
            ):
                flags[j] = True
