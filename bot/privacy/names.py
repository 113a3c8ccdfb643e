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
- context after the word: "… täällä/tässä/här", "… on mun sukunimi", "oon X 15v"; a signature ("-Marja",
  "/Anna"); a label ("Kontakt: …"); a lower-case surname after a first name (Voikko's, or a Nordic
  ending: -sson, -berg, -ström); a name joined to another by "ja"/"och"; "Johans pappa", "Anna:n".
Measured on generated messages: tests/privacy/measure_generated.py (README "Privacy").
Places are never names (the place resolver reads the unredacted text, but stored text should still say
"asun Sallassa"), except a bare municipality name right after a first name: "Jari Lahti".
"""
from __future__ import annotations

import re
import threading
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Iterator, Optional

import yaml

from bot.places.finnish import ENDINGS, fold

Span = tuple[int, int]
DATA = Path(__file__).resolve().parent / "data" / "names.yml"

_WORD = re.compile(r"[^\W\d_]+(?:[-'][^\W\d_]+)*")
_SENTENCE_END = re.compile(r"[.!?:;\n\"'«»()\[\]-]\s*$")
_ENDINGS = frozenset(ENDINGS)

# After these the next word is a name whatever it looks like (unless it is a function word).
STRONG_CUES = (
    "nimeni on", "nimeni", "mun nimi on", "mun nimi", "minun nimeni on", "nimi on", "nimeltaan", "nimelta",
    "nimeksi", "kutsukaa minua", "jag heter", "ja heter", "mitt namn ar", "namnet ar", "hon heter",
    "han heter", "hen heter", "som heter", "kalla mig",
)
# After these a capitalised word or a listed name is a name.
WEAK_CUES = ("olen", "oon", "ma oon", "mina olen", "taalla", "taalla on", "jag ar", "ja ar", "har ar", "heter", "nimella", "nimi", "namn", "namnet", "mottagare", "saaja")
# After a name: "Maria Norrman täällä", "aino tässä", "Sofie Persson här".
AFTER_CUES = frozenset({"täällä", "tässä", "täs", "här", "taalla", "tassa"})  # not folded: har (has) ≠ här
# After these only a name the list or Voikko knows as nothing else, or a capital inside a sentence:
# "det är anna igen" (but "det är sanna ord"), Finland-Swedish "e" for är.
SOFT_CUES = ("det ar", "e")
# A surname told as one: "Laine on mun sukunimi", "Persson är mitt efternamn", "Ojala, Anna heter jag".
SURNAME_AFTER = ("on mun sukunimi", "on minun sukunimeni", "on sukunimeni", "on mun sukunimeni", "ar mitt efternamn",
                 "ar efternamnet", "heter jag")
GREETINGS = frozenset({"moi", "hei", "moikka", "terve", "hej", "hejsan", "tjena", "halloj", "viitta"})
LABELS = frozenset({"kontakt", "yhteydenotto", "asiakas", "klient", "lahettaja", "avsandare", "nimi", "namn",
                    "yhteyshenkilo", "kontaktperson", "saaja", "mottagare", "potilas", "patient"})
CONJUNCTIONS = frozenset({"ja", "och", "tai", "eller", "enka", "inte", "eika", "seka"})
# A genitive before these is a person's: "Johans pappa", "Kaarinan äiti".
FAMILY_AFTER = frozenset({"pappa", "mamma", "isa", "aiti", "bror", "syster", "veli", "sisko", "son", "dotter",
                          "poika", "tytar", "man", "fru", "mies", "vaimo", "exa", "ex"})
# A family word right before a name: "äiti aino sihvonen", "pappa Sundin"; only a name Voikko or the list
# knows as nothing else (äiti toivoi stays).
FAMILY_CUES = ("aiti", "isa", "mamma", "pappa", "perhe", "familjen", "familjehem", "sijaisperhe", "mottagare")
# Sign-offs: the name may follow on the next line or after the abbreviation's full stop.
SIGN_OFFS = ("terveisin", "t", "terv", "halsningar", "mvh", "hal", "halsn", "yst terv", "vanliga halsningar", "ystavallisin terveisin")
RELATION_CUES = (
    "mieheni", "vaimoni", "puolisoni", "kumppanini", "poikaystavani", "tyttoystavani", "avomieheni",
    "avovaimoni", "exani", "eksani", "lapseni", "poikani", "tyttareni", "tyttoni", "vauvani", "siskoni",
    "sisareni", "veljeni", "aitini", "isani", "anoppini", "appeni", "naapurini", "ystavani", "kaverini",
    "mun mies", "mun vaimo", "mun puoliso", "mun kumppani", "mun poikaystava", "mun tyttoystava", "mun kundi",
    "mun muija", "mun ukko", "mun akka", "mun avomies", "mun avovaimo", "mun exa", "mun eksa", "mun poika",
    "mun tytto", "mun lapsi", "mun vauva", "mun sisko", "mun veli", "mun aiti", "mun isa", "mun mutsi",
    "mun faija", "mun kaveri", "mun ystava", "mun naapuri", "meidan poika", "meidan tytto", "meidan lapsi",
    "meidan vauva", "lapsen isa", "lapsen aiti", "vauvan isa", "vauvan aiti", "lasten isa", "lasten aiti",
    "min man", "min fru", "min sambo", "min partner", "min pojkvan", "min flickvan", "min make", "min maka",
    "min son", "min dotter", "min bror", "min syster", "min mamma", "min pappa", "min van", "min vaninna",
    "min kompis", "min granne", "mitt ex", "mitt barn", "var son", "var dotter", "barnets pappa",
    "barnets mamma", "bebisens pappa", "sonen", "dottern", "maken", "sambon",
    "sosiaalityontekija", "sosiaalityontekijamme", "sosiaaliohjaaja", "terveydenhoitaja", "terkka", "sossu",
    "laakari", "kuraattori", "opettaja", "hoitaja", "tyontekija", "ohjaaja", "herra", "rouva", "neiti",
    "tohtori", "asiakkaani", "asiakkaamme", "asiakas", "asiakkaasta", "klienten", "min klient", "var klient",
    "klient", "klienten", "mormor", "morfar", "farmor", "farfar", "mummo", "vaari", "ukki", "pappa", "isapuoli",
    "aitipuoli", "styvpappa", "styvmamma", "exa", "eksa", "socialarbetaren", "socialarbetare", "halsovardaren", "halsovardare", "lakaren", "lakare",
    "kuratorn", "kurator", "lararen", "larare", "handlaggaren", "fru", "herr", "doktor", "dr",
)
# Words that follow a cue but are not names (folded).
STOPWORDS = frozenset("""
on ei en ole oo se sen sita mika mita mika etta et kun jos ja tai mutta mut niin ihan vain vaan viela jo nyt
salainen salaisuus tarkea sama muu muut joku jotain kaikki minun sinun hanen meidan teidan heidan kylla
juo joi juonut lyo loi on oli ollut aina taas myos kanssa tassa talla tuolla siella kotona raskaana huolissani
vasynyt yksin aiti isa lapsi vauva poika tytto mies vaimo tosi aika hyvin paha huono iso pieni uusi vanha
ar inte en ett och eller men att som sa nu redan hemligt viktigt samma ingen nagon alla min din hans hennes
var har hade dricker slar gravid orolig trott ensam hemma mamma pappa barn bebis son dotter man fru ocksa
med har dar just bara mycket lite jag du han hon hen vi de den det vad vem vilken x xx xxx n.n nn
puh p gsm tel tfn mulla mulle multa meilla meille barnen lapset
""".split())
# Capitalised words that are not people (services, organisations, countries, the bot).
NOT_NAMES = frozenset("""
viitta kela kelan kelasta kelaan mieli nollalinja nollinjen neuvola neuvolan neuvolassa kriisipuhelin
kristelefonen facebook instagram whatsapp telegram google suomi suomen suomessa suomeen ruotsi ruotsin
finland finlands sverige jumala gud jeesus joulu jouluna juhannus hus tyks oys tays hal ensikoti turvakoti
lastensuojelu sosiaalipaivystys poliisi poliisille hatakeskus myrkytystietokeskus giftinformationscentralen
folkhalsan mll vaestoliitto a-klinikka a-kliniken hyvinvointialue valfardsomradet ok okei kiitos tack hei hej
moi moikka terve tervehdys huomenta apua hjalp
""".split())


# Voikko's word classes for person names; any other class is an everyday word (or a place).
_PERSON_CLASSES = frozenset({"etunimi", "sukunimi"})
_VOIKKO_LOCK = threading.Lock()  # one libvoikko handle is not safe to share between threads


@lru_cache(maxsize=1)
def _voikko():
    try:
        from voikko import libvoikko

        return libvoikko.Voikko("fi")
    except Exception:  # without the Debian packages the list and the cues still work
        return None


@lru_cache(maxsize=65536)
def voikko_analyses(word: str) -> tuple[dict, ...]:
    engine = _voikko()
    if engine is None or not word:
        return ()
    with _VOIKKO_LOCK:
        return tuple(engine.analyze(word))


@lru_cache(maxsize=65536)
def voikko_classes(word: str) -> frozenset[str]:
    """The word classes Voikko gives `word` (etunimi, sukunimi, paikannimi, nimisana, ...)."""
    return frozenset(a.get("CLASS", "") for a in voikko_analyses(word))


def dictionary_name(word: str) -> Optional[bool]:
    """True: Voikko knows `word` only as a person's name; False: as a name and an everyday word (toivo);
    None: not as a person's name at all."""
    classes = voikko_classes(word)
    if not classes & _PERSON_CLASSES:
        return None
    return not (classes - _PERSON_CLASSES)


@lru_cache(maxsize=1)
def service_words() -> frozenset[str]:
    """Capitalised words of the directory's service names (Toivo, Eloisa): names only after a strong cue."""
    words = {"toivo"}
    try:
        from bot.privacy.identifiers import directory

        data = directory()
        for service in (*data.services, *data.helplines):
            for text in (service.name.fi, service.name.sv):
                words.update(fold(w) for w in _WORD.findall(text or "") if w[:1].isupper())
    except Exception:  # the redactor must work even without the directory files
        pass
    return frozenset(words)


@dataclass(frozen=True)
class _Names:
    first: frozenset[str]
    surnames: frozenset[str]
    ambiguous: frozenset[str]
    stems: dict  # folded stem -> folded name


@dataclass
class _Token:
    start: int
    end: int
    text: str
    folded: str
    sentence_start: bool

    @property
    def capital(self) -> bool:
        return self.text[:1].isupper() and any(c.islower() for c in self.text[1:])


@lru_cache(maxsize=1)
def _names() -> _Names:
    data = yaml.safe_load(DATA.read_text(encoding="utf-8"))
    first = frozenset(fold(n) for group in data["first_names"].values() for n in group.split())
    surnames = frozenset(fold(n) for n in data["surnames"].split())
    index: dict[str, str] = {}
    for name in sorted(first | surnames):
        if len(name) < 4 or "-" in name:
            continue  # short names inflect into everyday words (Pia -> pian "soon")
        for stem in _stems(name):
            if len(stem) >= 4:
                index.setdefault(stem, name)
    return _Names(first, surnames, frozenset(data["ambiguous"].split()), index)


def _stems(name: str) -> set[str]:
    """The stems a (folded) name takes before a case ending: Mikko -> mikko, miko (Mikon); Virtanen ->
    virtase, virtas (Virtasen, Virtasta); Elias -> eliakse (Eliakselle); Oliver -> oliveri (Oliverille).
    Deliberately narrower than place-name stems: every extra stem is a chance to hit an everyday word."""
    out = {name}
    if name.endswith("nen"):
        out |= {name[:-3] + "se", name[:-3] + "s"}
    elif name.endswith("s"):
        out |= {name[:-1] + "kse", name + "e"}
    elif name[-1] not in "aeiouy":
        out.add(name + "i")
    elif len(name) > 3 and name[-3:-1] in ("kk", "pp", "tt"):
        out.add(name[:-2] + name[-1])  # weak grade: Mikko -> Mikon, Matti -> Matin, Pekka -> Pekan
    return out


def _base_name(folded: str) -> Optional[str]:
    """The listed name a (folded) word is a form of: mikolle -> mikko, virtasen -> virtanen, annas -> anna."""
    names = _names()
    if folded in names.first or folded in names.surnames:
        return folded
    if "-" in folded:
        parts = [_base_name(p) for p in folded.split("-")]
        return next((p for p in parts if p and p not in names.ambiguous), None)
    for cut in range(len(folded) - 1, 3, -1):
        if folded[cut:] in _ENDINGS and folded[:cut] in names.stems:
            return names.stems[folded[:cut]]
    return None


def _tokens(text: str) -> list[_Token]:
    out = []
    previous_end = 0
    for m in _WORD.finditer(text):
        between = text[previous_end:m.start()]
        start_of_sentence = not out or bool(_SENTENCE_END.search(between))
        out.append(_Token(m.start(), m.end(), m.group(), fold(m.group()), start_of_sentence))
        previous_end = m.end()
    return out


def _cue_before(tokens: list[_Token], i: int, cues: tuple[str, ...], across_sentences: bool = False) -> bool:
    for n in (3, 2, 1):
        inside = tokens[i - n + 1:i + (0 if across_sentences else 1)]
        if i - n >= 0 and not any(t.sentence_start for t in inside):
            phrase = " ".join(t.folded for t in tokens[i - n:i])
            if phrase in cues:
                return True
    return False


def _find_places(text: str):
    from bot.privacy.identifiers import place_mentions

    return place_mentions(text)


def _places(text: str, tokens: list[_Token]) -> dict[int, bool]:
    """Token index -> True when the token is a place written in its base form (could be a surname)."""

    found: dict[int, bool] = {}
    for place in _find_places(text):
        for i, tok in enumerate(tokens):
            if tok.start < place.end and place.start < tok.end:
                municipality = fold(place.municipality or "")
                base = municipality == tok.folded or municipality.startswith(tok.folded + " ")  # Koski Tl
                found[i] = base
    return found


@lru_cache(maxsize=1)
def _cue_words() -> frozenset[str]:
    """Every word of a cue: a word that introduces a name is not one."""
    phrases = (*STRONG_CUES, *WEAK_CUES, *SIGN_OFFS, *RELATION_CUES, *FAMILY_CUES, *SOFT_CUES)
    return frozenset(w for p in phrases for w in p.split() if len(w) > 2) | frozenset(PROFESSION_ENDINGS)


_NOUN_OR_NAME = frozenset({"nimisana", "etunimi", "sukunimi", "paikannimi", "nimi"})


def _proper_only(word: str) -> bool:
    """Voikko knows `word`, and only as a proper noun (Hannula, Mari, Syrjälä)."""
    classes = voikko_classes(word)
    return bool(classes) and not classes - {"etunimi", "sukunimi", "paikannimi", "nimi"}


def _phrase_after(tokens: list[_Token], i: int, phrases: tuple[str, ...]) -> bool:
    """One of `phrases` follows token i, or follows it after one more capitalised word ("Ojala, Anna heter jag")."""
    starts = [i + 1] + ([i + 2] if i + 1 < len(tokens) and tokens[i + 1].capital else [])
    for start in starts:
        for n in (3, 2):
            following = tokens[start:start + n]
            if len(following) == n and " ".join(t.folded for t in following) in phrases:
                return True
    return False


# "15v", "15 v.", "15-vuotias", "15 år", "15-åring"
_AGE_AFTER = re.compile(r"^\s*,?\s*\d{1,2}\s?-?\s?(?:v\b|v\.|vuo\w*|år\b|åring\w*|ar\b)", re.IGNORECASE)
# How Finland-Swedish and Swedish surnames end; for a lower-case word no dictionary knows.
_NORDIC_SURNAME = re.compile(r"(?:sson|berg|ström|strom|lund|gren|qvist|kvist|blad|dahl|holm|mark|bäck|borg|fors|"
                             r"stedt|sen|én)$")
PROFESSION_ENDINGS = ("kuraattori", "kuratorn", "terveydenhoitaja", "sosiaalityontekija", "sosiaaliohjaaja",
                      "tyontekija", "socialarbetaren", "halsovardaren", "lakaren", "laakari", "ohjaaja", "hoitaja",
                      "handledaren", "radgivaren", "terapeutti", "terapeuten", "psykologi", "psykologen")


def _profession_before(tokens: list[_Token], i: int) -> bool:
    """A compound profession right before: "koulukuraattori Anna", "skolkuratorn Nova"."""
    if i == 0 or tokens[i].sentence_start:
        return False
    return tokens[i - 1].folded.endswith(PROFESSION_ENDINGS)


def _nordic_surname(tok: _Token) -> bool:
    return (len(tok.folded) >= 4 and tok.text.islower() and bool(_NORDIC_SURNAME.search(tok.text))
            and not voikko_classes(tok.text) and tok.folded not in STOPWORDS)


def _is_name(text: str, tokens: list[_Token], i: int, places: dict[int, bool], previous_is_name: bool) -> bool:
    names = _names()
    tok = tokens[i]
    if tok.folded in NOT_NAMES or len(tok.folded) < 2:
        return False
    base = _base_name(tok.folded)
    if base and base != tok.folded and voikko_classes(tok.text) and not voikko_classes(tok.text) & _PERSON_CLASSES:
        base = None  # an inflected form Voikko knows only as an everyday word: "riitaa" (quarrel), not Riitta
    if base and any(c in "äöå" for c in tok.text.lower()) and voikko_classes(tok.text) \
            and not voikko_classes(tok.text) & _PERSON_CLASSES:
        base = None  # matched only with its ä/ö/å folded away, and Voikko knows only a word: "lähti" (left), not Lahti
    # A function word is one, except a listed name capitalised inside a sentence ("min kompis Hans").
    stop = tok.folded in STOPWORDS and not (tok.capital and not tok.sentence_start and base in names.first)
    if _cue_before(tokens, i, STRONG_CUES) or _phrase_after(tokens, i, SURNAME_AFTER):
        return not stop and (i not in places or places[i])
    known = dictionary_name(tok.text) if len(tok.folded) >= 3 and not stop else None
    if known and (base in names.ambiguous or tok.folded in names.ambiguous):
        known = False  # the list knows it is also a word (Swedish "sanna" = true), whatever Voikko says
    # A name by the list, by Voikko alone, or by its capital; Voikko's name that is also a word needs the
    # capital ("terveydenhoitaja, milloin": Voikko knows a Milloi).
    name_like = bool(base or known or (tok.capital and not stop))
    # A municipality is a name only in its base form and with a cue (Jari Lahti, olen Kaarina):
    # "asun Sallassa" stays.
    if i in places and not (places[i] and tok.capital):
        return False  # "lasten isä lähti" is not Lahti
    # A signature: "-Marja", "/Anna" at the start of a line or after a space.
    signature = tok.start > 0 and text[tok.start - 1] in "-/" and (tok.start == 1 or text[tok.start - 2].isspace())
    if (_cue_before(tokens, i, SIGN_OFFS, across_sentences=True) or signature) and name_like:
        return True
    if i in places and not previous_is_name and not (
            _cue_before(tokens, i, WEAK_CUES) or _cue_before(tokens, i, RELATION_CUES)
            or _cue_before(tokens, i, FAMILY_CUES)):
        return False
    if previous_is_name and not stop and (tok.capital or base in names.surnames or known is not None
                                          or _proper_only(tok.text)):
        return True  # "Mikko Laine", "irmeli syrjälä", "[name] järvi"
    following = tokens[i + 1] if i + 1 < len(tokens) and not tokens[i + 1].sentence_start else None
    after = tokens[i + 2] if i + 2 < len(tokens) and not tokens[i + 2].sentence_start else None
    if following is not None and following.text.lower() in AFTER_CUES and name_like:
        return True
    # Introducing oneself at the start: "ragnar här, ...", "moi! kent tässä": any word that is not a
    # function or cue word, even one no dictionary knows.
    if (following is not None and following.text.lower() in AFTER_CUES and not stop and len(tok.folded) >= 3
            and tok.folded not in _cue_words() and (tok.sentence_start or tokens[i - 1].folded in GREETINGS)):
        return True
    # A label and a colon: "Kontakt: Mika Lehtinen", "Yhteydenotto: Helmi Peltoniemi".
    if (i > 0 and tokens[i - 1].folded in LABELS and text[tokens[i - 1].end:tok.start].strip() == ":"
            and tok.capital and (base or known is not None or not voikko_classes(tok.text) or _proper_only(tok.text))):
        return True
    if (after is not None and after.text.lower() in AFTER_CUES and name_like
            and (_base_name(following.folded) or dictionary_name(following.text) is not None or following.capital)):
        return True  # "tapani [name] tässä"
    if (_cue_before(tokens, i, WEAK_CUES) or _cue_before(tokens, i, RELATION_CUES) or _profession_before(tokens, i)) \
            and name_like:
        return True
    if (_cue_before(tokens, i, WEAK_CUES) or _cue_before(tokens, i, SOFT_CUES)) and not stop \
            and _AGE_AFTER.match(text[tok.end:tok.end + 16]):
        return True  # "oon urban 15v", "e viking 15 år": who someone is, then their age
    if (previous_is_name or _cue_before(tokens, i, SOFT_CUES)) and _nordic_surname(tok):
        return True  # "[name] forsberg", "e benny forsberg"
    if (_cue_before(tokens, i, SOFT_CUES) or _cue_before(tokens, i, FAMILY_CUES)) and not stop and (
            known or (base and base not in names.ambiguous) or (tok.capital and not tok.sentence_start)):
        return True
    if i in places or tok.folded in service_words():
        return False
    # "Anna:n isä": a colon before a case ending marks a proper noun; "Johans pappa", "Kaarinan äiti".
    if tok.capital and not stop and re.match(r":[^\W\d_]{1,4}\b", text[tok.end:tok.end + 6]) \
            and not re.match(r"[^\W\d_a-zåäö]{2}", tok.text):
        return True
    if following is not None and following.folded in FAMILY_AFTER and tok.capital and tok.folded[-1] in "sn":
        stem = tok.text[:-1]
        if (base or known is not None or _base_name(fold(stem)) or dictionary_name(stem) is not None
                or (not voikko_classes(tok.text) and not tok.folded.endswith(("ens", "ets", "ns", "rnas")))):
            return True  # "Johans pappa", "Christels pappa"; not "Barnens pappa"
    if base is None:
        if known is None:
            # A capitalised word inside a sentence that no dictionary knows is a proper noun: in
            # Swedish sentences (Voikko is Finnish) and for Swedish names in Finnish ones (Rickard).
            return (tok.capital and not tok.sentence_start and not voikko_classes(tok.text)
                    and not re.match(r"[^\W\d_a-zåäö]{2}", tok.text)  # HAL-poliklinik: an acronym
                    and not voikko_classes(tok.text.lower()) and not stop)
        # Voikko's name: only a name (Pääkkönen) counts capitalised anywhere; a name that is also a
        # word (Sisko, Onni) only capitalised inside a sentence, like the ambiguous listed names.
        return tok.capital and (known or not tok.sentence_start)
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
        surname = voikko_classes(word.text) == frozenset({"sukunimi"}) or _nordic_surname(word)
        first = _base_name(before.folded) in _names().first or "etunimi" in voikko_classes(before.text)
        if surname and (first or flags[i - 1]) and before.folded not in STOPWORDS and before.folded not in NOT_NAMES:
            flags[i - 1] = flags[i] = True
        elif flags[i - 1] and before.text.islower() and len(word.folded) >= 4 and word.folded not in STOPWORDS \
                and voikko_classes(word.text) and voikko_classes(word.text) <= _NOUN_OR_NAME:
            flags[i] = True  # "[name] peltoniemi", "[name] järvi": a lower-case name, then a noun
    # An everyday-word first name is a name when a surname follows ("uppgifter: Lena Karlsson"), and
    # so is a capitalised word no dictionary knows ("Jennie Bergman"); right to left, so that it carries.
    for i in range(len(tokens) - 1, 0, -1):
        if flags[i] and not flags[i - 1] and not tokens[i].sentence_start and i - 1 not in places:
            before, word = tokens[i - 1], tokens[i]
            surname = (_base_name(word.folded) in _names().surnames or "sukunimi" in voikko_classes(word.text)
                       or word.capital)
            first = _base_name(before.folded) in _names().first or "etunimi" in voikko_classes(before.text)
            cue_word = before.folded in _cue_words() and not (first and before.capital)
            if not surname or before.folded in NOT_NAMES or cue_word \
                    or (before.folded in STOPWORDS and not (first and before.capital and not before.sentence_start)):
                continue  # "Hälsningar Anna", "Socialarbetaren Anna": the cue, not a first name
            listed = _base_name(before.folded)
            listed = listed in _names().first and listed not in _names().ambiguous
            if (first and (before.capital or listed)) or (before.capital and not voikko_classes(before.text)) \
                    or (before.capital and _proper_only(before.text)):
                flags[i - 1] = True  # "mun sisko Jenni": sisko stays
    # Names joined by "ja"/"och" ("Kari ja [name]", "[name] enkä Tuulia"): the other one is a name too
    # when it is capitalised and a name by the list or Voikko.
    for i in range(len(tokens)):
        if not flags[i]:
            continue
        for j, k in ((i - 2, i - 1), (i + 2, i + 1)):
            if 0 <= j < len(tokens) and not flags[j] and tokens[k].folded in CONJUNCTIONS and j not in places:
                other = tokens[j]
                if other.capital and other.folded not in NOT_NAMES and other.folded not in STOPWORDS \
                        and other.folded not in _cue_words() and (
                        _base_name(other.folded) or dictionary_name(other.text) is not None
                        or not voikko_classes(other.text)):
                    flags[j] = True
    for tok, flag in zip(tokens, flags):
        if flag:
            yield tok.start, tok.end
