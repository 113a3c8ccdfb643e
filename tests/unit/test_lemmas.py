"""Lemmas: the compact Swedish table answers exactly as spaCy's lookup lemmatizer does."""

from __future__ import annotations

from bot.nlu.lemmas import lemmatize
from bot.places.finnish import fold

WORDS = [
    "rådgivningen",
    "barnen",
    "Barnen",
    "skriker",
    "nätterna",
    "bebisen",
    "droger",
    "förlossningen",
    "orkar",
    "mår",
    "socialarbetaren",
    "Jakobstad",
    "xyzzyqq",
    "hej",
]


def test_swedish_lemmas_are_spacys_lookup_lemmas():
    import spacy
    from spacy.tokens import Doc

    nlp = spacy.blank("sv")
    nlp.add_pipe("lemmatizer", config={"mode": "lookup"})
    nlp.initialize()
    doc = nlp.get_pipe("lemmatizer")(Doc(nlp.vocab, words=WORDS))
    assert lemmatize(WORDS, "sv") == [fold(t.lemma_ or t.text) for t in doc]


def test_swedish_forms_meet_their_lemma():
    assert lemmatize(["rådgivningen", "barnen", "nätterna"], "sv") == ["radgivning", "barn", "natt"]
    assert lemmatize(["xyzzyqq"], "sv") == ["xyzzyqq"]
