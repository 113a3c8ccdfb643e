"""Slots in a sentence that only a person fills, read after every other pass of the person-name finder
(bot.privacy.names): the word in the slot is a name when it is a given name by the list or by Voikko, even
in lower case and even when it is also a word, because the slot leaves no other reading:

- a child's label and a colon in a form: "Lapsi: Ville", "Barn: Elsa";
- thanks and a last word without a comma: "ok kiitti maarit", "ok tack stina";
- a lower-case genitive before a postposition: "villen puolesta", "emman luokalta", "maijan kaa" (also
  the genitive glued onto the base form as people type it, "gunnarn kaa"); "koiran kaa" stays, koira is
  no given name;
- a lower-case adessive after "onks": "Onks emilialla oikeus ...";
- Swedish: "bor ihop med jonas", "vår elsa är två", "i elsas klass", "för tapanis räkning", "Har jonas
  rätt", "kan jonathan få byta grupp", and in either language a name ranked among the children: "Elsa är vår äldsta", "Kari on meidän
  esikoinen".
"""

from __future__ import annotations

from typing import Sequence

from bot.places.finnish import fold
from bot.privacy import not_people, swedish_words
from bot.privacy.name_lexicon import (
    FICTION,
    GREETINGS,
    NOT_NAMES,
    PROPER_CLASSES,
    STOPWORDS,
    _base_name,
    _names,
    service_words,
    voikko_classes,
)
from bot.privacy.name_passes import RELATION_WORDS, unknown_word

_CHILD_LABELS = frozenset({"lapsi", "lapset", "lapsen", "poika", "tytto", "barn", "barnet", "son", "dotter"})
_THANKS = frozenset({"kiitos", "kiitti", "kiitoksia", "kiitokset", "kiitoksii", "tack", "tackar", "tacka"})
# Postpositions a person's genitive takes; the first group also follows everyday nouns that are names
# too ("rauhan puolesta", "uskon kanssa"), so there the name must be nothing else in lower case.
_POSTPOSITIONS_ANY = frozenset({"puolesta", "kanssa", "kans", "mielesta", "takia", "vuoksi"})
_POSTPOSITIONS_PERSON = frozenset(
    {"kaa", "luo", "luokalta", "luokalla", "luokalle", "luokkaan", "luona", "luokse", "luota"}
)
_RELATION_GENITIVES = frozenset(
    "siskon veljen kaverin ystavan tyton pojan aidin isan miehen vaimon lapsen tyttaren serkun naapurin".split()
)
_RELATIONS = RELATION_WORDS | frozenset(
    "tyttoystava poikaystava miesystava naisystava avokki kihlattu flickvan pojkvan sambon fastman".split()
)
# Words between a relation word and its verb that are also given names: "poika aina on" (always).
_ADVERBS = frozenset("aina viela taas myos jo nyt kylla sitten ihan tosi alltid ocksa aldrig redan ju nog".split())
_SERVICES_SV = frozenset(
    "radgivningen dagis daghemmet skolan socialen fpa kela halsocentralen barnskyddet mottagningen".split()
)
_SERVICES_FI = frozenset("neuvolan kelan koulun paivakodin terveysaseman lastensuojelun sossun".split())
_AHEAD_FI = frozenset({"ei", "on", "oli", "sanoi", "sano", "soitti", "neuvoi"})
_HAS_FI = frozenset({"onks", "onko", "onkohan", "onkos", "oisko", "olisko"})
_SV_OWNED = frozenset({"klass", "klassen", "grupp", "gruppen", "rakning", "vagnar", "skull", "dagisplats", "larare"})
_SV_AFTER_OURS = frozenset({"ar", "har", "var", "ska", "kan", "vill", "blir", "gar", "fick", "fyller", "borjar"})
_RANKS = frozenset(
    """aldsta yngsta mellersta forstfodda forstfodde minsta esikoinen kuopus vanhin nuorin keskimmainen
    esikoisemme kuopuksemme""".split()
)
_OURS = frozenset({"var", "vart", "min", "mitt", "meidan", "meian", "mun", "minun", "meijan"})


def _first_name(word: str) -> bool:
    """A given name by the list (also one that is a word) or by Voikko."""
    folded = fold(word)
    base = _base_name(folded)
    return bool((base and base == folded and base in _names().first) or "etunimi" in voikko_classes(word.capitalize()))


def _finnish_word(word: str) -> bool:
    """Voikko knows the lower-case word as an everyday word (tapani: my habit, kari: a reef)."""
    return bool(voikko_classes(word.lower()) - PROPER_CLASSES)


def _plain(tok) -> bool:
    return tok.folded not in STOPWORDS and tok.folded not in NOT_NAMES and tok.folded not in service_words()


def _child_label(text: str, tokens: Sequence, i: int) -> bool:
    """ "Lapsi: Ville.", "Barn: Elsa": a capitalised given name after a child's label and a colon."""
    tok = tokens[i]
    if i < 1 or tokens[i - 1].folded not in _CHILD_LABELS or text[tokens[i - 1].end : tok.start].strip() != ":":
        return False
    if not tok.text[:1].isupper() or tok.folded in NOT_NAMES or tok.folded in service_words():
        return False
    return _first_name(tok.text) or unknown_word(tok)  # "Barn: Mika" although mika folds to mikä (what)


def _thanked(text: str, tokens: Sequence, i: int) -> bool:
    """ "ok kiitti maarit", "ok tack stina": the message's last word right after thanks."""
    tok = tokens[i]
    if i < 1 or i != len(tokens) - 1 or text[tok.end :].strip(" .!?:)"):
        return False
    if tokens[i - 1].folded not in _THANKS or tok.gap.strip() or tok.folded in GREETINGS or not _plain(tok):
        return False
    listed = _base_name(tok.folded) == tok.folded and tok.folded in _names().first
    if listed:
        return True
    swedish = tokens[i - 1].folded.startswith("tack")
    everyday = swedish_words.everyday(tok.text) if swedish else _finnish_word(tok.text)
    if "etunimi" in voikko_classes(tok.text.capitalize()) and not everyday:
        return True
    return not swedish and unknown_word(tok)  # Swedish: the word list is too small to call a word unknown


def _genitive_stem_is_name(word: str) -> bool:
    """ "emman", "riston", "gunnarn", "kyllikin": a given name's genitive, also glued onto the base form."""
    if len(word) < 4 or not fold(word).endswith("n"):
        return False
    base = _base_name(fold(word))
    if base and base in _names().first:
        return True
    stem = word[:-1]
    if _first_name(stem):
        return True
    # Weak grade undone: "kyllikin" -> Kyllikki, "matin" -> Matti.
    return len(stem) >= 4 and stem[-2] in "kpt" and _first_name(stem[:-1] + stem[-2] + stem[-1])


def _family_genitive(word: str) -> bool:
    """ "Seppänenien luo", "Virtasten luona": a capitalised surname's plural genitive, also glued onto the
    base form as people type it."""
    if not word[:1].isupper() or not fold(word).endswith(("ien", "sten")):
        return False
    stem = word[:-3]
    base = _base_name(fold(word))
    return bool(
        (base and base in _names().surnames) or "sukunimi" in voikko_classes(stem) or fold(stem) in _names().surnames
    )


def _genitive_before_postposition(tokens: Sequence, i: int, places: dict) -> bool:
    """ "villen puolesta", "emman luokalta", "maijan kaa"; not "koiran kaa", "rauhan puolesta"."""
    tok = tokens[i]
    if i + 1 >= len(tokens) or tokens[i + 1].sentence_start or tokens[i + 1].gap.strip() or not _plain(tok):
        return False
    following = tokens[i + 1].folded
    if following not in _POSTPOSITIONS_ANY and following not in _POSTPOSITIONS_PERSON:
        return False
    if i in places and not tok.text[:1].isupper():
        return False
    if not (_genitive_stem_is_name(tok.text) or _family_genitive(tok.text)):
        return False
    relation = i > 0 and tokens[i - 1].folded in _RELATION_GENITIVES  # "siskon tapanin puolesta"
    return following in _POSTPOSITIONS_PERSON or relation or not _finnish_word(tok.text)


def _adessive_after_has(tokens: Sequence, i: int, places: dict) -> bool:
    """ "Onks emilialla oikeus", "onko perlla": a given name's adessive right after "onks"."""
    tok = tokens[i]
    if i < 1 or tokens[i - 1].folded not in _HAS_FI or not tok.folded.endswith("lla") or not _plain(tok):
        return False
    stem = tok.text[:-3]
    if len(stem) < 2 or _finnish_word(tok.text) and not _first_name(stem):
        return False
    base = _base_name(fold(stem))
    if fold(stem) in service_words():
        return False
    # A word no dictionary knows only in lower case: "sophiella"; "Folkhälsanilla" is an organisation.
    unknown = tok.text.islower() and len(stem) >= 4 and unknown_word(tok)
    # A surname with the ending glued onto the base form, which no town's form is: "Onko Riihimäkilla"
    # (the town: Riihimäellä); "Onko Lohjalla" is the town's own form, which Voikko knows.
    listed = "sukunimi" in voikko_classes(stem) or (base and base in _names().surnames)
    surname = listed and (i not in places or not voikko_classes(tok.text))
    return bool((base and base in _names().first) or _first_name(stem) or unknown or surname)


def _introduced_last(text: str, tokens: Sequence, i: int, places: dict) -> bool:
    """ "… jos on paha olla, oon mari", "ja e johan": the message's last word after "I am"."""
    tok = tokens[i]
    if i < 1 or i != len(tokens) - 1 or text[tok.end :].strip(" .!?:)") or tok.gap.strip() or not _plain(tok):
        return False
    before = tokens[i - 1].folded
    swedish = before in ("e", "ar") and i >= 2 and tokens[i - 2].folded in ("ja", "jag")
    if before not in ("oon", "olen") and not swedish:
        return False
    if i in places:  # "oon kaarina": the town would be "Kaarinassa"
        return _first_name(tok.text)
    if swedish:  # the Swedish word list is too small to call a word unknown: "ja e ledsen"
        return _first_name(tok.text) and not swedish_words.everyday(tok.text)
    return _first_name(tok.text) or (len(tok.folded) >= 3 and unknown_word(tok))


def _relation_subject(tokens: Sequence, i: int) -> bool:
    """ "Tyttöystävä orvokki on viiltäny": a relation word opening the sentence, a given name, then a verb."""
    tok = tokens[i]
    if i < 1 or i + 1 >= len(tokens) or tokens[i + 1].sentence_start or not _plain(tok):
        return False
    relation = tokens[i - 1]
    if relation.folded not in _RELATIONS or not relation.sentence_start or tok.folded in _ADVERBS:
        return False
    if tokens[i + 1].folded not in ("on", "oli", "ei", "ar", "var", "har", "e"):
        return False
    return _first_name(tok.text) or (len(tok.folded) >= 3 and unknown_word(tok))


def _swedish_slot(tokens: Sequence, i: int) -> bool:
    """ "bor ihop med jonas", "vår elsa är två", "Har jonas rätt"."""
    tok = tokens[i]
    if i < 1 or not _plain(tok) or len(tok.folded) < 2:
        return False
    before = tokens[i - 1].folded
    nxt = tokens[i + 1].folded if i + 1 < len(tokens) and not tokens[i + 1].sentence_start else ""

    def name() -> bool:  # looked up only in a slot: Voikko is the cost
        return _first_name(tok.text) and not (swedish_words.everyday(tok.text) and not _base_name(tok.folded))

    if before == "med" and i >= 2 and tokens[i - 2].folded in ("ihop", "tillsammans"):
        return name() or unknown_word(tok)
    if before in ("var", "vart") and tokens[i - 1].text.lower().startswith("vå") and nxt in _SV_AFTER_OURS:
        return name()
    if before == "har" and tokens[i - 1].sentence_start and nxt == "ratt":
        return name() or unknown_word(tok)
    if before == "kan" and nxt == "fa" and tok.text.islower():
        return name()  # "kan jonathan få byta grupp"
    return False


def _swedish_owner(tokens: Sequence, i: int) -> bool:
    """ "i elsas klass", "för terttus räkning", "Ingas dagisplats": a given name's -s before what is theirs."""
    tok = tokens[i]
    if i + 1 >= len(tokens) or tokens[i + 1].sentence_start or tokens[i + 1].folded not in _SV_OWNED:
        return False
    if not tok.folded.endswith("s") or len(tok.folded) < 4 or not _plain(tok):
        return False
    return _first_name(tok.text[:-1])


def _at_service(tokens: Sequence, i: int) -> bool:
    """ "Onni på rådgivningen hann inte", "Neuvolan Orvokki ei ehtiny": who works there, opening the
    sentence (Swedish) or after the service's genitive (Finnish); a given name or a word no dictionary knows."""
    tok = tokens[i]
    if not (tok.text[:1].isupper() and tok.text[1:].islower()) or not _plain(tok) or i + 2 >= len(tokens):
        return False
    if any(t.sentence_start for t in tokens[i + 1 : i + 3]):
        return False
    after, service = tokens[i + 1], tokens[i + 2]
    swedish = tok.sentence_start and after.folded in ("pa", "fran", "vid") and service.folded in _SERVICES_SV
    finnish = i > 0 and tokens[i - 1].folded in _SERVICES_FI and after.folded in _AHEAD_FI and not tok.sentence_start
    if not (swedish or finnish):
        return False
    return _first_name(tok.text) or unknown_word(tok)


def _ranked_child(tokens: Sequence, i: int) -> bool:
    """ "Elsa är vår äldsta", "Kari on meidän esikoinen": a capitalised given name ranked among the children."""
    tok = tokens[i]
    if i + 3 >= len(tokens) or not tok.text[:1].isupper() or not _plain(tok):
        return False
    verb, ours, rank = tokens[i + 1], tokens[i + 2], tokens[i + 3]
    if verb.folded not in ("ar", "on", "e") or ours.folded not in _OURS or rank.folded not in _RANKS:
        return False
    return _first_name(tok.text) or unknown_word(tok)


def mark(text: str, tokens: Sequence, places: dict, flags: list[bool]) -> None:
    # Brands and fictional characters stay, one-word ones too ("Koulun Wilma on sekaisin": the school app).
    phrases = not_people.phrase_spans(tokens, FICTION) + not_people.phrase_spans(tokens, not_people.organisations())
    kept = {k for span in phrases for k in span}
    for i in range(len(tokens)):
        if flags[i] or i in kept:
            continue
        if (
            _child_label(text, tokens, i)
            or _thanked(text, tokens, i)
            or _genitive_before_postposition(tokens, i, places)
            or _adessive_after_has(tokens, i, places)
            or _introduced_last(text, tokens, i, places)
            or _relation_subject(tokens, i)
            or _swedish_slot(tokens, i)
            or _swedish_owner(tokens, i)
            or _ranked_child(tokens, i)
            or _at_service(tokens, i)
        ):
            flags[i] = True
