"""Find the municipality or county a message mentions, however it is written.

"asun kemissä", "Uudessakaupungissa", "i Karleby", "sodankylasta", "rovanimi" and "Lapissa" all
resolve to a canonical Finnish municipality name and its county slug. Matching is exact on
folded names and stems first, then Voikko's analysis of proper nouns, then one-edit typos.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Optional

from bot.places import registry
from bot.places.finnish import ENDINGS, fold, stems

_TOKEN = re.compile(r"(?i:s:t)|[^\W\d_]+(?:[-'][^\W\d_]+)*")
_MAX_NGRAM = 3
_MIN_FUZZY_LEN = 6

# Words that announce a place ("asun ...", "bor i ..."), folded.
LOCATION_CUES = frozenset(
    """
asun asumme asutaan asuu asuvat asuin asua asuttiin asunut asuva asuvan kotoisin kotipaikka kotikunta
kunta kunnassa kunnasta kunnan kaupunki kaupungissa kaupungista kylassa seudulla alueella paikkakunta
paikkakunnalla lahella muutin muutettiin muuttanut muutimme taalla olen oon ollaan
bor boende bosatt i fran kommun kommunen stad staden nara trakten omradet flyttade flyttat hemma
""".split()
)
# Cues strong enough to try typo correction on the next word ("asun rovanimellä").
_PLACE_CASE = re.compile(r"(ssa|sta|lla|lta|lle|aan|een|iin|oon|uun|yyn|han|hen|hin|seen)$")
STRONG_CUES = frozenset("asun asumme asutaan asuu asuvat asuin kotoisin kunnassa bor bosatt boende kommun".split())


@dataclass(frozen=True)
class PlaceMention:
    """One place found in a text; `municipality` is None when only a county was named."""

    start: int
    end: int
    text: str
    county: str
    municipality: Optional[str]
    method: str  # exact | stem | voikko | fuzzy


@dataclass(frozen=True)
class _Target:
    municipality: Optional[str]
    county: str
    ambiguous: bool
    first_name: bool = False  # Kaarina, Loviisa: a place only with a cue, as an answer, or in a place case
    multiword: bool = False  # written with a space or hyphen, so it may span several tokens


def _key(text: str) -> str:
    return re.sub(r"[\s\-':]", "", fold(text))


@cache
def _index() -> tuple[dict[str, _Target], dict[str, _Target], dict[str, set[str]]]:
    """(names, stems, one-deletion neighbourhood of names and stems) keyed by folded form."""
    names: dict[str, _Target] = {}
    stem_index: dict[str, _Target] = {}
    ambiguous = {_key(n) for n in registry.ambiguous_names()}
    first_names = {_key(n) for n in registry.first_name_places()}

    def add(surface: str, target_muni: Optional[str], county: str, finnish: bool) -> None:
        key = _key(surface)
        if not key:
            return
        target = _Target(
            target_muni,
            county,
            key in ambiguous,
            key in first_names,
            multiword=bool(re.search(r"[\s\-]", surface.strip())),
        )
        names.setdefault(key, target)
        for stem in stems(key) if finnish else {key}:
            stem_index.setdefault(stem, target)

    aliases = registry.municipality_aliases()
    for m in registry.municipalities().values():
        add(m.name_fi, m.name_fi, m.county, finnish=True)
        # Swedish names also get Finnish-style stems: people write "Jakobstadissa".
        add(m.name_sv, m.name_fi, m.county, finnish=True)
        for alias in aliases.get(m.name_fi, ()):
            add(alias, m.name_fi, m.county, finnish=True)
        for special in _IRREGULAR.get(m.name_fi, ()):
            add(special, m.name_fi, m.county, finnish=False)
    for county in registry.county_names().values():
        for name in (county.region_fi, county.region_sv, *county.aliases):
            if name and _key(name) not in names:
                add(name, None, county.code, finnish=True)

    deletes: dict[str, set[str]] = {}
    for key in set(names) | set(stem_index):
        target = names.get(key) or stem_index[key]
        if len(key) >= _MIN_FUZZY_LEN - 1 and not (target.ambiguous or target.first_name):
            for i in range(len(key)):
                deletes.setdefault(key[:i] + key[i + 1 :], set()).add(key)
    return names, stem_index, deletes


# Names whose first part inflects too, written out in full (folded forms are derived from these).
_IRREGULAR = {
    "Uusikaupunki": (
        "Uudessakaupungissa",
        "Uudestakaupungista",
        "Uuteenkaupunkiin",
        "Uudenkaupungin",
        "Uusikaupunkiin",
        "Uusikaupungissa",
        # spoken: "mää oon Uudestkaupungist", "Uudeskaupungis"
        "Uudestkaupungist",
        "Uudestakaupungist",
        "Uudeskaupungis",
        "Uudessakaupungis",
        "Uuteenkaupunkii",
    ),
    "Uusikaarlepyy": (
        "Uudessakaarlepyyssä",
        "Uudestakaarlepyystä",
        "Uuteenkaarlepyyhyn",
        "Uudenkaarlepyyn",
        "Uusikaarlepyyssä",
    ),
    "Isokyrö": ("Isossakyrössä", "Isostakyröstä", "Isoonkyröön", "Isonkyrön"),
    "Koski Tl": ("Koskella Tl", "Koskelta Tl", "Koskelle Tl", "Kosken Tl"),
    "Virrat": ("Virtain",),
    # Districts whose base forms are a surname and a word (kallio: rock), so only their place cases count.
    "Helsinki": ("Kalliossa", "Kalliosta", "Kallioon", "Malmilla", "Malmilta", "Malmille"),
}


def _lookup(word: str) -> tuple[Optional[_Target], str]:
    """Exact name, or a stem plus a case ending."""
    target, method, _ = _lookup_with_stem(word)
    return target, method


def _lookup_with_stem(word: str) -> tuple[Optional[_Target], str, int]:
    """As _lookup, with the length of the name part (the word without its case ending)."""
    names, stem_index, _ = _index()
    if word in names:
        return names[word], "exact", len(word)
    for ending in ENDINGS:
        if len(word) > len(ending) + 1 and word.endswith(ending):
            target = stem_index.get(word[: -len(ending)])
            if target:
                return target, "stem", len(word) - len(ending)
    return None, "", 0


_DIACRITICS = frozenset("äöå")


@cache
def _letters_of(municipality: str) -> frozenset[str]:
    """The diacritic letters of a municipality's names and aliases (lower case)."""
    m = registry.municipalities().get(municipality)
    names = [municipality, *(registry.municipality_aliases().get(municipality, ())), *_IRREGULAR.get(municipality, ())]
    names += [m.name_sv] if m else []
    return frozenset(c for name in names for c in name.lower() if c in _DIACRITICS)


def _diacritics_differ(surface: str, target: _Target, name_length: int) -> bool:
    """People leave out ä/ö/å ("hameenlinna"), they do not add them: "lähti" (left) is not Lahti.
    Only the name part counts: "Kemissä" takes its ending by vowel harmony."""
    if target.municipality is None:
        return False
    written = {c for c in surface.lower()[:name_length] if c in _DIACRITICS}
    return bool(written - _letters_of(target.municipality))


def _fuzzy(word: str) -> Optional[_Target]:
    """A one-edit typo of a name or stem (with or without a case ending)."""
    names, stem_index, deletes = _index()
    candidates = {word} | {
        word[: -len(e)] for e in ENDINGS if word.endswith(e) and len(word) - len(e) >= _MIN_FUZZY_LEN
    }
    for cand in sorted(candidates, key=len, reverse=True):
        if len(cand) < _MIN_FUZZY_LEN:
            continue
        variants = {cand} | {cand[:i] + cand[i + 1 :] for i in range(len(cand))}
        hits = set()
        for v in variants:
            hits |= deletes.get(v, set())
            if v in names or v in stem_index:
                hits.add(v)
        hits = {h for h in hits if _one_edit_apart(cand, h)}
        targets = {(names.get(h) or stem_index[h]) for h in hits}
        places = {(t.municipality, t.county) for t in targets}
        if len(places) == 1:
            return next(iter(targets))
    return None


def _one_edit_apart(a: str, b: str) -> bool:
    """True for one insertion, deletion, substitution or swap of neighbours."""
    if a == b or abs(len(a) - len(b)) > 1:
        return a == b
    if len(a) == len(b):
        diff = [i for i in range(len(a)) if a[i] != b[i]]
        return len(diff) == 1 or (
            len(diff) == 2 and diff[1] == diff[0] + 1 and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]]
        )
    short, long_ = sorted((a, b), key=len)
    return any(long_[:i] + long_[i + 1 :] == short for i in range(len(long_)))


@lru_cache(maxsize=1)
def _voikko():
    try:
        from voikko import libvoikko

        return libvoikko.Voikko("fi")
    except Exception:  # Voikko is optional: without it we lose only a fallback.
        return None


def _voikko_lookup(word: str) -> Optional[_Target]:
    v = _voikko()
    if v is None:
        return None
    names = _index()[0]
    for analysis in v.analyze(word):
        if analysis.get("CLASS") == "paikannimi":
            target = names.get(_key(analysis.get("BASEFORM", "")))
            if target:
                return target
    return None


def _is_real_word(word: str) -> bool:
    v = _voikko()
    return bool(v and v.spell(word))


# Swedish everyday words that a municipality's name becomes without its å ("stora": Storå, "sund": Sund).
_SWEDISH_WORDS = frozenset({"stora", "sund", "inga"})


def find_places(text: str) -> list[PlaceMention]:
    """All places mentioned in `text`, in order. Ambiguous names need a cue, a capital or a bare answer."""
    tokens = [(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(text)]
    bare_answer = len(tokens) <= 3
    found: list[PlaceMention] = []
    i = 0
    while i < len(tokens):
        match = _match_at(text, tokens, i, bare_answer)
        if match:
            found.append(match[0])
            i += match[1]
        else:
            i += 1
    return found


def _match_at(text: str, tokens, i: int, bare_answer: bool):
    before = [fold(t[2]) for t in tokens[max(0, i - 2) : i]]
    cue = any(w in LOCATION_CUES for w in before)
    strong_cue = any(w in STRONG_CUES for w in before)
    for n in range(min(_MAX_NGRAM, len(tokens) - i), 0, -1):
        span = tokens[i : i + n]
        surface = text[span[0][0] : span[-1][1]]
        word = _key(surface)
        target, method, name_length = _lookup_with_stem(word)
        if (
            target is not None
            and n == 1
            and len(word) == len(surface)
            and _diacritics_differ(surface, target, name_length)
        ):
            target, method = None, ""
        if target is None and n == 1:
            target, method = _voikko_lookup(surface), "voikko"
            if target is None and (bare_answer or strong_cue) and not _is_real_word(surface):
                target, method = _fuzzy(word), "fuzzy"
                if target is not None and _diacritics_differ(surface, target, len(surface)):
                    target = None  # "tyttö 14 kännis" (drunk) is not Kannus: an ä is not a typo's
        if target is None or (n > 1 and not target.multiword):
            continue
        cue_after = i + n < len(tokens) and fold(tokens[i + n][2]) in STRONG_CUES and _place_case(word)
        if (
            method == "stem"
            and n == 1
            and surface.islower()
            and not (bare_answer or cue or cue_after)
            and _is_real_word(surface)
        ):
            continue  # "passi on sen kaapissa" (in the cupboard) is not Kaavi: a lower-case everyday word
        if n == 1 and surface.islower() and word in _SWEDISH_WORDS and not (bare_answer or cue):
            continue  # "mina två stora bor också hos oss" (big ones) is not Storå
        # A capital inside the text marks a name; after a full stop it marks only a sentence ("… Inga akuta tankar").
        capital_inside = surface[:1].isupper() and i > 0 and not re.search(r"[.!?:\n]\s*$", text[: span[0][0]])
        # ... unless the name is the whole sentence: "… vill prata med någon på svenska. Ingå."
        capital_inside = capital_inside or (
            surface[:1].isupper() and i > 0 and i + n == len(tokens) and not text[span[-1][1] :].strip(" .!?\n")
        )
        # "kotkassa asutaan": a place case followed by a verb of living says the place as well as a cue before it
        # (cue_after above).
        if target.ambiguous and not (bare_answer or cue or capital_inside or cue_after):
            continue
        if target.first_name and not (bare_answer or cue or method == "stem" and _place_case(word)):
            continue
        return PlaceMention(span[0][0], span[-1][1], surface, target.county, target.municipality, method), n
    return None


def _place_case(word: str) -> bool:
    """Ends in a place case ("kaarinassa", "loviisaan"), which a person's name rarely takes."""
    return bool(_PLACE_CASE.search(word))


def resolve(text: str) -> Optional[PlaceMention]:
    """The place the writer most likely lives in: the first municipality after a cue, else the first."""
    places = find_places(text)
    if not places:
        return None
    municipalities = [p for p in places if p.municipality] or places
    # "Mun ex asuu Turussa. Oon Salosta": where someone else lives is not the writer's home.
    municipalities = [p for p in municipalities if not someone_elses(text, p.start)] or municipalities
    # "ex muuttaa Tampereelle … Mä asun Kotkassa": the place after a verb of living is the home.
    lived = [p for p in municipalities if lives_here(text, p.start)]
    return (lived or municipalities)[0]


def lives_here(text: str, start: int) -> bool:
    """The writer's own verb of living, or "here", just before the place at `start` ("mä asun", "vi bor i",
    "täällä Hämeenlinnassa", "här i Vasa"), not someone else's."""
    words = [fold(w) for w in _TOKEN.findall(text[:start])[-3:]]
    return (
        bool(set(words) & {"asun", "asumme", "asutaan", "taalla"})
        or words[-2:] == ["har", "i"]  # "här i Vasa" (folded: "har" is also "has", so only right before "i")
        or ("bor" in words and bool(set(words) & {"jag", "ja", "vi", "me"}))
    )


def suggest(text: str, n: int = 3) -> list[str]:
    """Nearest municipality names for an unknown place, e.g. 'Rovanimi' -> ['Rovaniemi']."""
    names = {_key(name): name for name in registry.municipalities()}
    for m in registry.municipalities().values():
        names.setdefault(_key(m.name_sv), m.name_fi)
    words = [_key(t.group()) for t in _TOKEN.finditer(text)] or [_key(text)]
    scored: dict[str, float] = {}
    for word in words:
        for key in difflib.get_close_matches(word, names, n=n, cutoff=0.6):
            score = difflib.SequenceMatcher(None, word, key).ratio()
            scored[names[key]] = max(score, scored.get(names[key], 0))
    return [name for name, _ in sorted(scored.items(), key=lambda kv: -kv[1])][:n]


def county_of(municipality: str) -> Optional[str]:
    m = registry.municipalities().get(municipality)
    return m.county if m else None


# "äiti asuu Rovaniemellä", "mina föräldrar bor i Vasa", "lasten isä asuu Tampereella": where someone
# else lives, not the writer's home (folded text just before the place, in the same clause).
_SOMEONE_ELSE = re.compile(
    r"\b(?:aiti|aitini|aitee|isa|isani|iska|isi|vanhemm\w*|mummo\w*|mummi\w*|isoaiti\w*|isoisa\w*|ukki\w*|vaari\w*|"
    r"isovanhemm\w*|sisko\w*|sisar\w*|veli|veljeni|ystava\w*|kaveri\w*|anoppi\w*|appi|appivanhemm\w*|"
    r"mamma|mamman|pappa|pappan|morsan|farsan|mor|far|foraldrar\w*|mormor|morfar|farmor|farfar|syster\w*|bror|brorsan|svarmor|svarfar|"
    r"van(?:nen|ninna)?|kompis\w*|svarforaldrar\w*|"
    # a partner or an ex who lives or works elsewhere ("mies on töissä Helsingissä", "exet bor i Vasa")
    r"mies|miehe\w*|vaimo\w*|puoliso\w*|ex|exa\w*|exet|exmaken|min man|mannen|maken|frugan|hustrun|sambon)"
    r"(?: (?!a\b|o\b|och\b|ja\b)\w+)? (?:asuu|asuvat|asui|asu|on|ovat|bor|bodde|finns)(?: \w+){0,2} $"
)
# "ja e morfar å bor i Joensuu", "oon mummo ja asun Kemissä": the writer's own role, their own home.
_OWN_ROLE = re.compile(r"\b(?:e|ar|oon|olen|olin|mina|ma|jag|ja) (?:\w+ )?$")


def someone_elses(text: str, start: int) -> bool:
    """Whether the place at `start` is where someone else (a parent, a sibling, a friend) lives."""
    before = re.split(r"[.!?;,\n]", fold(text[:start]))[-1]
    found = _SOMEONE_ELSE.search(re.sub(r"\W+", " ", before).rstrip() + " ")
    if found is None:
        return False
    return not _OWN_ROLE.search(re.sub(r"\W+", " ", before)[: found.start()])
