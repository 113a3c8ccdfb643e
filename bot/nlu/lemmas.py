"""Lemmas for Finnish and Swedish words, so that 'neuvolaan/neuvolassa' and 'rådgivningen/rådgivning' meet.

Finnish: spaCy's spacy-fi-experimental-web-md pipeline (its lemmatizer is Voikko-based and uses
the morphologizer's tags), or Voikko directly (faster, no tagging). Spoken forms ("oon",
"tarviisin", "pitäis") are first mapped to the standard word, because neither knows them.
Swedish: a blank spaCy `sv` pipeline with the lookup lemmatizer of spacy-lookups-data.
"""
from __future__ import annotations

from functools import lru_cache
from typing import Sequence

from bot.places.finnish import fold

# Spoken Finnish -> standard Finnish, for lemmatisation only (the character n-grams see the original).
SPOKEN_FINNISH = {
    "mä": "minä", "mää": "minä", "mie": "minä", "sä": "sinä", "sää": "sinä", "sie": "sinä", "mun": "minun",
    "sun": "sinun", "meijän": "meidän", "teijän": "teidän", "meiän": "meidän", "mul": "minulla", "mulla": "minulla",
    "sul": "sinulla", "meil": "meillä", "teil": "teillä", "sil": "sillä", "sillon": "silloin", "oon": "olen",
    "oot": "olet", "oo": "ole", "ollu": "ollut", "ois": "olisi", "olis": "olisi", "oisin": "olisin",
    "tarviin": "tarvitsen", "tarvisin": "tarvitsisin", "tarviisin": "tarvitsisin", "tarvis": "tarvitsisi",
    "tarttis": "tarvitsisi", "tartten": "tarvitsen", "tarttee": "tarvitsee", "tarvii": "tarvitsee",
    "pitäis": "pitäisi", "vois": "voisi", "sais": "saisi", "tehä": "tehdä",     "tiiä": "tiedä", "tiiän": "tiedän", "tiijä": "tiedä", "emmä": "en", "emmää": "en", "enkä": "en",
    "mee": "mene", "meen": "menen", "tuu": "tule", "tuun": "tulen", "tuol": "tuolla", "täs": "tässä",
    "tää": "tämä", "toi": "tuo", "noi": "nuo", "nää": "nämä", "mis": "missä", "mist": "mistä",
    "kans": "kanssa", "niinku": "niin", "et": "että", "mut": "mutta", "ku": "kun", "vaik": "vaikka",
    "jotai": "jotakin", "jotain": "jotakin", "mitää": "mitään", "miks": "miksi",
    "siit": "siitä", "täst": "tästä", "jaksa": "jaksaa", "jaksais": "jaksaisi",     "mutsi": "äiti", "faija": "isä", "isi": "isä", "äiskä": "äiti", "mummi": "mummo", "ukki": "isoisä",
    "kundi": "poikaystävä", "skidi": "lapsi", "muksu": "lapsi", "mukula": "lapsi", "kersa": "lapsi",
    "viina": "alkoholi", "kalja": "olut", "kaljaa": "olutta", "dokaa": "juo", "ryyppää": "juo",
    "bentsoja": "bentsodiatsepiini", "piri": "amfetamiini", "piriä": "amfetamiini", "pilveä": "kannabis",
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


@lru_cache(maxsize=1)
def _swedish_spacy():
    import spacy

    nlp = spacy.blank("sv")
    nlp.add_pipe("lemmatizer", config={"mode": "lookup"})
    nlp.initialize()
    return nlp


@lru_cache(maxsize=50_000)
def _voikko_lemma(word: str) -> str:
    analyses = _voikko().analyze(word)
    return analyses[0].get("BASEFORM", word) if analyses else word


def lemmatize(words: Sequence[str], lang: str, finnish_engine: str = "spacy") -> list[str]:
    """One folded, lower-case lemma per word. `finnish_engine`: spacy | voikko | none."""
    if not words:
        return []
    if lang == "sv":
        lemmas = _with_spacy(_swedish_spacy(), words)
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
