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
- an unknown capitalised word right before a surname (Jennie Bergman).
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
WEAK_CUES = ("olen", "oon", "ma oon", "mina olen", "taalla", "taalla on", "jag ar", "ja ar", "har ar",
             "e", "heter", "nimella", "nimi", "namn", "namnet", "mottagare", "saaja")
# After a name: "Maria Norrman täällä", "aino tässä", "Sofie Persson här".
AFTER_CUES = frozenset({"täällä", "tässä", "täs", "här", "taalla", "tassa"})  # not folded: har (has) ≠ här
# A family word right before a name: "äiti aino sihvonen", "pappa Sundin"; only a name Voikko or the list
# knows as nothing else (äiti toivoi stays).
FAMILY_CUES = ("aiti", "isa", "mamma", "pappa", "perhe", "familjen", "familjehem", "sijaisperhe", "mottagare")
# Sign-offs: the name may follow on the next line or after the abbreviation's full stop.
SIGN_OFFS = ("terveisin", "t", "terv", "halsningar", "mvh", "hal", "vanliga halsningar", "ystavallisin terveisin")
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
        from bot.directory.loader import read_data

        data = read_data()
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


@lru_cache(maxsize=256)
def _find_places(text: str):
    from bot.places.resolver import find_places

    return tuple(find_places(text))


def _places(text: str, tokens: list[_Token]) -> dict[int, bool]:
    """Token index -> True when the token is a place written in its base form (could be a surname)."""

    found: dict[int, bool] = {}
    for place in _find_places(text):
        for i, tok in enumerate(tokens):
            if tok.start < place.end and place.start < tok.end:
                base = fold(place.municipality or "") == tok.folded
                found[i] = base
    return found


def _is_name(tokens: list[_Token], i: int, places: dict[int, bool], previous_is_name: bool) -> bool:
    names = _names()
    tok = tokens[i]
    if tok.folded in NOT_NAMES or len(tok.folded) < 2:
        return False
    base = _base_name(tok.folded)
    if i in places:
        # "asun Sallassa" stays; "Jari Lahti" is a surname.
        return previous_is_name and places[i] and tok.capital
    if _cue_before(tokens, i, STRONG_CUES):
        return tok.folded not in STOPWORDS
    if tok.folded in service_words():
        return False
    known = dictionary_name(tok.text) if len(tok.folded) >= 3 and tok.folded not in STOPWORDS else None
    if previous_is_name and (tok.capital and tok.folded not in STOPWORDS or base in names.surnames or known
                             or voikko_classes(tok.text) & {"paikannimi"} == voikko_classes(tok.text) != frozenset()):
        return True  # "irmeli syrjälä": after a name, a word only known as a proper noun
    following = tokens[i + 1] if i + 1 < len(tokens) and not tokens[i + 1].sentence_start else None
    if following is not None and following.text.lower() in AFTER_CUES and tok.folded not in STOPWORDS:
        if base or known is not None or tok.capital:
            return True
    if (_cue_before(tokens, i, WEAK_CUES) or _cue_before(tokens, i, RELATION_CUES)
            or _cue_before(tokens, i, SIGN_OFFS, across_sentences=True)):
        if base or known is not None or (tok.capital and tok.folded not in STOPWORDS):
            return True
    if _cue_before(tokens, i, FAMILY_CUES) and (known or (base and base not in names.ambiguous)
                                                or (tok.capital and not tok.sentence_start)):
        return True
    if base is None:
        if known is None:
            # A capitalised word inside a sentence that no dictionary knows is a proper noun: in
            # Swedish sentences (Voikko is Finnish) and for Swedish names in Finnish ones (Rickard).
            return (tok.capital and not tok.sentence_start and not voikko_classes(tok.text)
                    and not re.match(r"[^\W\d_a-zåäö]{2}", tok.text)  # HAL-poliklinik: an acronym
                    and not voikko_classes(tok.text.lower()) and tok.folded not in STOPWORDS)
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
        flags.append(_is_name(tokens, i, places, previous))
    # An everyday-word first name is a name when a surname follows ("uppgifter: Lena Karlsson"), and
    # so is a capitalised word no dictionary knows ("Jennie Bergman"); right to left, so that it carries.
    for i in range(len(tokens) - 1, 0, -1):
        if flags[i] and not flags[i - 1] and not tokens[i].sentence_start and i - 1 not in places:
            before, word = tokens[i - 1], tokens[i]
            surname = (_base_name(word.folded) in _names().surnames or "sukunimi" in voikko_classes(word.text)
                       or word.capital)
            first = _base_name(before.folded) in _names().first or "etunimi" in voikko_classes(before.text)
            if not surname or before.folded in NOT_NAMES or (before.folded in STOPWORDS and not (first and before.capital)):
                continue
            listed = _base_name(before.folded)
            listed = listed in _names().first and listed not in _names().ambiguous
            if (first and (before.capital or listed)) or (before.capital and not voikko_classes(before.text)):
                flags[i - 1] = True  # "mun sisko Jenni": sisko stays
    for tok, flag in zip(tokens, flags):
        if flag:
            yield tok.start, tok.end
