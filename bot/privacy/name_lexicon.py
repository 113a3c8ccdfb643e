"""The word lists and dictionary look-ups the person-name finder (bot.privacy.names) decides with.

- cue phrases before and after a name ("nimeni on", "jag heter", "… täällä"), sign-offs, labels, relations;
- function words and capitalised non-names (services, organisations), and well-known fictional characters
  ("Peppi Pitkätossu", "Pippi Långstrump"), which are not people to protect;
- the curated list of given names and surnames (data/names.yml) with the stems their case forms take;
- Voikko's Finnish dictionary: which words it knows as given names or surnames (it has Finland's Finnish
  and Swedish names) and which also as everyday words.
"""

from __future__ import annotations

import re
import threading
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Optional

import yaml

from bot.places.finnish import ENDINGS, fold
from bot.privacy.public import directory

DATA = Path(__file__).resolve().parent / "data" / "names.yml"
_WORD = re.compile(r"[^\W\d_]+(?:[-'][^\W\d_]+)*")
_ENDINGS = frozenset(ENDINGS)

# After these the next word is a name whatever it looks like (unless it is a function word).
STRONG_CUES = (
    "nimeni on",
    "nimeni",
    "mun nimi on",
    "mun nimi",
    "minun nimeni on",
    "nimi on",
    "nimeltaan",
    "nimelta",
    "nimeksi",
    "kutsukaa minua",
    "jag heter",
    "ja heter",
    "mitt namn ar",
    "namnet ar",
    "namn ar",
    "namn e",
    "namnet e",
    "hon heter",
    "han heter",
    "hen heter",
    "som heter",
    "kalla mig",
)
# After these a capitalised word or a listed name is a name.
WEAK_CUES = (
    "olen",
    "oon",
    "ma oon",
    "mina olen",
    "taalla",
    "taalla on",
    "jag ar",
    "ja ar",
    "har ar",
    "heter",
    "nimella",
    "nimi",
    "namn",
    "namnet",
    "mottagare",
    "saaja",
)
# After a name: "Maria Norrman täällä", "aino tässä", "Sofie Persson här".
AFTER_CUES = frozenset({"täällä", "tässä", "täs", "här", "taalla", "tassa"})  # not folded: har (has) ≠ här
# After these only a name the list or Voikko knows as nothing else, or a capital inside a sentence:
# "det är anna igen" (but "det är sanna ord"), Finland-Swedish "e" for är.
SOFT_CUES = ("det ar", "e")
# A surname told as one: "Laine on mun sukunimi", "Persson är mitt efternamn", "Ojala, Anna heter jag".
SURNAME_AFTER = (
    "on mun sukunimi",
    "on minun sukunimeni",
    "on sukunimeni",
    "on mun sukunimeni",
    "ar mitt efternamn",
    "ar efternamnet",
    "heter jag",
)
GREETINGS = frozenset(
    {
        "moi",
        "hei",
        "heippa",
        "moikka",
        "moro",
        "morjens",
        "terve",
        "hej",
        "hejsan",
        "hejssan",
        "tja",
        "tjena",
        "halloj",
        "viitta",
    }
)
LABELS = frozenset(
    {
        "kontakt",
        "yhteydenotto",
        "asiakas",
        "klient",
        "lahettaja",
        "avsandare",
        "nimi",
        "namn",
        "yhteyshenkilo",
        "kontaktperson",
        "saaja",
        "mottagare",
        "potilas",
        "patient",
        "tiedot",
        "yhteystiedot",
        "henkilotiedot",
        "uppgifter",
        "kontaktuppgifter",
        "personuppgifter",
    }
)
CONJUNCTIONS = frozenset({"ja", "och", "tai", "eller", "enka", "inte", "eika", "seka"})
# A genitive before these is a person's: "Johans pappa", "Kaarinan äiti".
FAMILY_AFTER = frozenset(
    {
        "pappa",
        "mamma",
        "isa",
        "aiti",
        "bror",
        "syster",
        "veli",
        "sisko",
        "son",
        "dotter",
        "poika",
        "tytar",
        "man",
        "fru",
        "mies",
        "vaimo",
        "exa",
        "ex",
    }
)
# A family word right before a name: "äiti aino sihvonen", "pappa Sundin"; only a name Voikko or the list
# knows as nothing else (äiti toivoi stays).
FAMILY_CUES = ("aiti", "isa", "mamma", "pappa", "perhe", "familjen", "familjehem", "sijaisperhe", "mottagare")
# Sign-offs: the name may follow on the next line or after the abbreviation's full stop.
SIGN_OFFS = (
    "terveisin",
    "t",
    "terv",
    "halsningar",
    "mvh",
    "hal",
    "halsn",
    "yst terv",
    "vanliga halsningar",
    "ystavallisin terveisin",
    "kram",
    "kramar",
    "halauksin",
    "halein",
)
RELATION_CUES = (
    "mieheni",
    "vaimoni",
    "puolisoni",
    "kumppanini",
    "poikaystavani",
    "tyttoystavani",
    "avomieheni",
    "avovaimoni",
    "exani",
    "eksani",
    "lapseni",
    "poikani",
    "tyttareni",
    "tyttoni",
    "vauvani",
    "siskoni",
    "sisareni",
    "veljeni",
    "aitini",
    "isani",
    "anoppini",
    "appeni",
    "naapurini",
    "ystavani",
    "kaverini",
    "mun mies",
    "mun vaimo",
    "mun puoliso",
    "mun kumppani",
    "mun poikaystava",
    "mun tyttoystava",
    "mun kundi",
    "mun muija",
    "mun ukko",
    "mun akka",
    "mun avomies",
    "mun avovaimo",
    "mun exa",
    "mun eksa",
    "mun ex",
    "min ex",
    "mun poika",
    "mun tytto",
    "mun lapsi",
    "mun vauva",
    "mun sisko",
    "mun veli",
    "mun aiti",
    "mun isa",
    "mun mutsi",
    "mun faija",
    "mun kaveri",
    "mun ystava",
    "mun naapuri",
    "meidan poika",
    "meidan tytto",
    "meidan lapsi",
    "meidan vauva",
    "lapsen isa",
    "lapsen aiti",
    "vauvan isa",
    "vauvan aiti",
    "lasten isa",
    "lasten aiti",
    "min man",
    "min fru",
    "min sambo",
    "min partner",
    "min pojkvan",
    "min flickvan",
    "min make",
    "min maka",
    "min son",
    "min dotter",
    "min bror",
    "min syster",
    "min mamma",
    "min pappa",
    "min van",
    "min vaninna",
    "min kompis",
    "min granne",
    "mitt ex",
    # someone else's friend ("sen kaveri roland kiusaa", "hans kompis åke mobbar"), a girl in Finland-Swedish
    # ("min tös rebecca"), the nurse as children call her ("neuvolan täti Toivo")
    "sen kaveri",
    "sen kamu",
    "sen ystava",
    "kaverinsa",
    "hans kompis",
    "hennes kompis",
    "hans van",
    "hennes van",
    "hans vaninna",
    "hennes vaninna",
    "min tos",
    "var tos",
    "neuvolan tati",
    "paivakodin tati",
    "mitt barn",
    "var son",
    "var dotter",
    "barnets pappa",
    "barnets mamma",
    "bebisens pappa",
    "sonen",
    "dottern",
    "maken",
    "sambon",
    "sosiaalityontekija",
    "sosiaalityontekijamme",
    "sosiaaliohjaaja",
    "terveydenhoitaja",
    "terkka",
    "sossu",
    "laakari",
    "kuraattori",
    "opettaja",
    "hoitaja",
    "tyontekija",
    "ohjaaja",
    "herra",
    "rouva",
    "neiti",
    "tohtori",
    "asiakkaani",
    "asiakkaamme",
    "asiakas",
    "asiakkaasta",
    "klienten",
    "min klient",
    "var klient",
    "klient",
    "klienten",
    "mormor",
    "morfar",
    "farmor",
    "farfar",
    "mummo",
    "vaari",
    "ukki",
    "pappa",
    "isapuoli",
    "aitipuoli",
    "styvpappa",
    "styvmamma",
    "exa",
    "eksa",
    "socialarbetaren",
    "socialarbetare",
    "halsovardaren",
    "halsovardare",
    "lakaren",
    "lakare",
    "kuratorn",
    "kurator",
    "lararen",
    "larare",
    "handlaggaren",
    "fru",
    "herr",
    "doktor",
    "dr",
)
# Words that follow a cue but are not names (folded).
STOPWORDS = frozenset(
    """
on ei en ole oo se sen sita mika mita mika etta et kun jos ja tai mutta mut niin ihan vain vaan viela jo nyt
salainen salaisuus tarkea sama muu muut joku jotain kaikki minun sinun hanen meidan teidan heidan kylla
juo joi juonut lyo loi on oli ollut aina taas myos kanssa tassa talla tuolla siella kotona raskaana huolissani
vasynyt yksin aiti isa lapsi vauva poika tytto mies vaimo tosi aika hyvin paha huono iso pieni uusi vanha
ar inte en ett och eller men att som sa nu redan hemligt viktigt samma ingen nagon alla min din hans hennes
var har hade dricker slar gravid orolig trott ensam hemma mamma pappa barn bebis son dotter man fru ocksa
med har dar just bara mycket lite jag du han hon hen vi de den det vad vem vilken x xx xxx n.n nn
puh p gsm tel tfn mulla mulle multa meilla meille barnen lapset
kan ska skall vill maste finns hur varfor nar vilka nagot kanske hoppas
""".split()
)
# Capitalised words that are not people (services, organisations, countries, the bot).
NOT_NAMES = frozenset(
    """
viitta kela kelan kelasta kelaan mieli nollalinja nollinjen neuvola neuvolan neuvolassa kriisipuhelin
kristelefonen facebook instagram whatsapp telegram google suomi suomen suomessa suomeen ruotsi ruotsin
finland finlands sverige jumala gud jeesus joulu jouluna juhannus hus tyks oys tays hal ensikoti turvakoti
lastensuojelu sosiaalipaivystys poliisi poliisille hatakeskus myrkytystietokeskus giftinformationscentralen
folkhalsan mll vaestoliitto a-klinikka a-kliniken hyvinvointialue valfardsomradet ok okei kiitos tack hei hej
moi moikka terve tervehdys huomenta apua hjalp
""".split()
)


# Voikko's word classes for person names; any other class is an everyday word (or a place).
_PERSON_CLASSES = frozenset({"etunimi", "sukunimi"})
# Classes of proper nouns: a word with only these is no everyday word.
PROPER_CLASSES = _PERSON_CLASSES | {"paikannimi", "nimi"}
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


_NOUN_OR_NAME = frozenset({"nimisana", "etunimi", "sukunimi", "paikannimi", "nimi"})


def _proper_only(word: str) -> bool:
    """Voikko knows `word`, and only as a proper noun (Hannula, Mari, Syrjälä)."""
    classes = voikko_classes(word)
    return bool(classes) and not classes - {"etunimi", "sukunimi", "paikannimi", "nimi"}


# "15v", "15 v.", "15-vuotias", "15 år", "15-åring"
_AGE_AFTER = re.compile(r"^\s*,?\s*\(?\d{1,2}\s?-?\s?(?:v\b|v\.|vuo\w*|år\b|åring\w*|ar\b)", re.IGNORECASE)
# Someone's age told after the name: "Martta on 15 ja karkaa", "Åsa är 15", "Leo täyttää 4".
AGE_VERB_AFTER = re.compile(
    r"^\s+(?:on|oli|ois|täyttää|är|var|e|blir|fyller)\s+(?:nyt\s+|nu\s+|jo\s+|redan\s+)?"
    r"\d{1,2}(?:\s?(?:v|vuo\w*|år)\b|\s+(?:ja|och|eikä|mutta|men)\b|\s*$|\s*[,.!?])",
    re.IGNORECASE,
)
# A genitive before these is a person's ("Kävin Kaarinan luona", "Kallion perhe"), even a place's form.
PERSON_POSTPOSITIONS = frozenset(
    {
        "luona",
        "luokse",
        "luota",
        "kanssa",
        "kaa",
        "kans",
        "perhe",
        "perheen",
        "perheelle",
        "vanhemmat",
        "kotiin",
        "kotona",
        "mielesta",
        "puolesta",
    }
)
# First-person words after "X ja" / before "ja X": "Ingemar och jag", "Mulla ja Kaarinalla".
FIRST_PERSON = frozenset({"mina", "ma", "mulla", "minulla", "mun", "minun", "me", "meilla", "jag", "mig", "vi", "oss"})
# Well-known fictional characters, brands, bands and places written like names, and sayings opened by
# one ("Sten på sten"): not people to protect. Folded.
FICTION = tuple(
    tuple(p.split())
    for p in """
peppi pitkatossu|pippi langstrump|pippi|aku ankka|kalle anka|mikki hiiri|musse pigg|nalle puh|harry potter|
risto rappaaja|maija poppanen|mary poppins|tatu ja patu|pikku myy|lilla my|muumipeikko|muumimamma|muumipappa|
muumi|muumit|mumintrollet|mumin|muminmamman|emil i lonneberga|alfons aberg|pettson och findus|pettson|findus|
bamse|greta gris|pipsa possu|karlsson pa taket|ronja rovardotter|ryhma hau|paavo pesusieni|svampbob fyrkant|
heinahattu ja vilttitossu|nuuskamuikkunen|snusmumriken|viking line|sankt michel|ti-ti nalle|pelle hermanni|
hello kitty|joulupukki|tomten|jultomten|nalle luppakorva|winnie puh|mikke mus|barbie|
batman|spiderman|hamahakkimies|roope ankka|joakim von anka|tiku ja taku|piff och puff|babblarna|
marran|morko|mymlan|myyrankka|snorkfroken|niiskuneiti|hemulen|hemuli|too-ticki|haisuli|stinky|
ebba gron|sven duva|sten pa sten
""".replace("\n", "").split("|")
    if p
)

# How Finland-Swedish and Swedish surnames end; for a lower-case word no dictionary knows.
_NORDIC_SURNAME = re.compile(
    r"(?:sson|berg|ström|strom|lund|gren|qvist|kvist|blad|dahl|holm|mark|bäck|borg|fors|"
    r"stedt|sen|én)$"
)
PROFESSION_ENDINGS = (
    "kuraattori",
    "kuratorn",
    "terveydenhoitaja",
    "sosiaalityontekija",
    "sosiaaliohjaaja",
    "tyontekija",
    "socialarbetaren",
    "halsovardaren",
    "lakaren",
    "laakari",
    "ohjaaja",
    "hoitaja",
    "handledaren",
    "radgivaren",
    "terapeutti",
    "terapeuten",
    "psykologi",
    "psykologen",
    "skotaren",
    "skotare",
    "lararen",
    "barnmorskan",
    "katilo",
    "rehtori",
    "rektorn",
    "rektor",
    "arbetaren",
    "virkailija",
    "handlaggaren",
)
