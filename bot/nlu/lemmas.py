"""Lemmas for Finnish and Swedish words, so that 'neuvolaan/neuvolassa' and 'rådgivningen/rådgivning' meet.

Finnish: spaCy's spacy-fi-experimental-web-md pipeline (its lemmatizer is Voikko-based and uses
the morphologizer's tags), or Voikko directly (faster, no tagging). Spoken forms ("oon",
"tarviisin", "pitäis") are first mapped to the standard word, because neither knows them.
Swedish: the lookup table of spacy-lookups-data (what a blank spaCy `sv` pipeline's lookup lemmatizer
uses), kept in an in-memory SQLite table: the same word -> lemma map in ~30 MB instead of ~200 MB as
spaCy's Python table (measured: bench/README.md).
"""

from __future__ import annotations

import gzip
import json
import sqlite3
import threading
from functools import lru_cache
from pathlib import Path
from typing import Sequence

from bot.places.finnish import fold

# Spoken Finnish -> standard Finnish, for lemmatisation only (the character n-grams see the original).
SPOKEN_FINNISH = {
    "mä": "minä",
    "mää": "minä",
    "mie": "minä",
    "sä": "sinä",
    "sää": "sinä",
    "sie": "sinä",
    "mun": "minun",
    "sun": "sinun",
    "meijän": "meidän",
    "teijän": "teidän",
    "meiän": "meidän",
    "mul": "minulla",
    "mulla": "minulla",
    "sul": "sinulla",
    "meil": "meillä",
    "teil": "teillä",
    "sil": "sillä",
    "sillon": "silloin",
    "oon": "olen",
    "oot": "olet",
    "oo": "ole",
    "ollu": "ollut",
    "ois": "olisi",
    "olis": "olisi",
    "oisin": "olisin",
    "tarviin": "tarvitsen",
    "tarvisin": "tarvitsisin",
    "tarviisin": "tarvitsisin",
    "tarvis": "tarvitsisi",
    "tarttis": "tarvitsisi",
    "tartten": "tarvitsen",
    "tarttee": "tarvitsee",
    "tarvii": "tarvitsee",
    "pitäis": "pitäisi",
    "vois": "voisi",
    "sais": "saisi",
    "tehä": "tehdä",
    "tiiä": "tiedä",
    "tiiän": "tiedän",
    "tiijä": "tiedä",
    "emmä": "en",
    "emmää": "en",
    "enkä": "en",
    "mee": "mene",
    "meen": "menen",
    "tuu": "tule",
    "tuun": "tulen",
    "tuol": "tuolla",
    "täs": "tässä",
    "tää": "tämä",
    "toi": "tuo",
    "noi": "nuo",
    "nää": "nämä",
    "mis": "missä",
    "mist": "mistä",
    "kans": "kanssa",
    "niinku": "niin",
    "et": "että",
    "mut": "mutta",
    "ku": "kun",
    "vaik": "vaikka",
    "jotai": "jotakin",
    "jotain": "jotakin",
    "mitää": "mitään",
    "miks": "miksi",
    "siit": "siitä",
    "täst": "tästä",
    "jaksa": "jaksaa",
    "jaksais": "jaksaisi",
    "mutsi": "äiti",
    "faija": "isä",
    "isi": "isä",
    "äiskä": "äiti",
    "mummi": "mummo",
    "ukki": "isoisä",
    "kundi": "poikaystävä",
    "skidi": "lapsi",
    "muksu": "lapsi",
    "mukula": "lapsi",
    "kersa": "lapsi",
    "viina": "alkoholi",
    "kalja": "olut",
    "kaljaa": "olutta",
    "dokaa": "juo",
    "ryyppää": "juo",
    "bentsoja": "bentsodiatsepiini",
    "piri": "amfetamiini",
    "piriä": "amfetamiini",
    "pilveä": "kannabis",
}


@lru_cache(maxsize=1)
def _finnish_spacy():
    import spacy

    # The parser and NER are not needed for lemmas; dropping them halves the time per message.
    return spacy.load("spacy_fi_experimental_web_md", exclude=["parser", "ner"])


@lru_cache(maxsize=1)
def _voikko():
    from voikko import libvoikko

    return libvoikko.Voikko("fi")


_SWEDISH_LOCK = threading.Lock()


@lru_cache(maxsize=1)
def _swedish_table() -> sqlite3.Connection:
    """spacy-lookups-data's Swedish `lemma_lookup` (660 000 forms) as an in-memory SQLite table."""
    import spacy_lookups_data

    path = Path(str(spacy_lookups_data.sv["lemma_lookup"]))
    gz = path.with_name(path.name + ".gz")
    raw = gzip.open(gz, "rb").read() if gz.exists() else path.read_bytes()
    table = sqlite3.connect(":memory:", check_same_thread=False)
    table.execute("CREATE TABLE lemma (form TEXT PRIMARY KEY, lemma TEXT NOT NULL) WITHOUT ROWID")
    table.executemany("INSERT INTO lemma VALUES (?, ?)", json.loads(raw).items())
    return table


@lru_cache(maxsize=50_000)
def _swedish_lemma(word: str) -> str:
    # Exactly spaCy's lookup lemmatizer: the table's entry for the word as written, else the word.
    with _SWEDISH_LOCK:
        row = _swedish_table().execute("SELECT lemma FROM lemma WHERE form = ?", (word,)).fetchone()
    return (row[0] if row else "") or word


@lru_cache(maxsize=50_000)
def _voikko_lemma(word: str) -> str:
    analyses = _voikko().analyze(word)
    return analyses[0].get("BASEFORM", word) if analyses else word


def lemmatize(words: Sequence[str], lang: str, finnish_engine: str = "spacy") -> list[str]:
    """One folded, lower-case lemma per word. `finnish_engine`: spacy | voikko | none."""
    if not words:
        return []
    if lang == "sv":
        lemmas = [_swedish_lemma(w) for w in words]
    elif finnish_engine == "none":
        lemmas = list(words)
    else:
        standard = [SPOKEN_FINNISH.get(w.lower(), w) for w in words]
        if finnish_engine == "voikko":
            lemmas = [_voikko_lemma(w) for w in standard]
        else:
            lemmas = _with_spacy(_finnish_spacy(), standard)
    return [fold(lemma) for lemma in lemmas]


def _with_spacy(nlp, words: Sequence[str]) -> list[str]:
    from spacy.tokens import Doc

    doc = Doc(nlp.vocab, words=list(words))
    for _, component in nlp.pipeline:
        doc = component(doc)
    return [t.lemma_ or t.text for t in doc]


def preload(finnish_engine: str = "spacy") -> None:
    """Load the pipelines at start-up instead of during the first conversation."""
    lemmatize(["neuvolassa"], "fi", finnish_engine)
    lemmatize(["rådgivningen"], "sv")
