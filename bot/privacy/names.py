"""Person names in Finnish and Swedish text, found by a curated name list and by context.

A token is a name when it is
- a listed given name or surname in any inflected form (Mikko, Mikolle, Virtasen, Annas), unless the
  name is also an everyday word (anna, satu, saga): those need a capital inside a sentence or a cue;
- the word after a cue: "nimeni on", "jag heter" (any word that is not a function word), "olen",
  "mun mies", "min son", "sosiaalityöntekijä" (a capitalised word or a listed name);
- a capitalised word or a listed surname right after a name (Mikko Laine, Anna Lindqvist).
Places are never names (the place resolver reads the unredacted text, but stored text should still say
"asun Sallassa"), except a bare municipality name right after a first name: "Jari Lahti".
"""
from __future__ import annotations

import re
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
WEAK_CUES = ("olen", "oon", "ma oon", "mina olen", "taalla", "taalla on", "jag ar", "ja ar", "har ar")
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
    "tohtori", "socialarbetaren", "socialarbetare", "halsovardaren", "halsovardare", "lakaren", "lakare",
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


def _places(text: str, tokens: list[_Token]) -> dict[int, bool]:
    """Token index -> True when the token is a place written in its base form (could be a surname)."""
    from bot.places.resolver import find_places

    found: dict[int, bool] = {}
    for place in find_places(text):
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
    if previous_is_name and (tok.capital and tok.folded not in STOPWORDS or base in names.surnames):
        return True
    if _cue_before(tokens, i, STRONG_CUES):
        return tok.folded not in STOPWORDS
    if (_cue_before(tokens, i, WEAK_CUES) or _cue_before(tokens, i, RELATION_CUES)
            or _cue_before(tokens, i, SIGN_OFFS, across_sentences=True)):
        if base or (tok.capital and tok.folded not in STOPWORDS):
            return True
    if base is None:
        return False
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
    # An everyday-word first name is a name when a surname follows: "uppgifter: Lena Karlsson".
    for i in range(1, len(tokens)):
        if flags[i] and not flags[i - 1] and not tokens[i].sentence_start and i - 1 not in places:
            before = _base_name(tokens[i - 1].folded)
            if before in _names().first and _base_name(tokens[i].folded) in _names().surnames:
                flags[i - 1] = True
    for tok, flag in zip(tokens, flags):
        if flag:
            yield tok.start, tok.end
