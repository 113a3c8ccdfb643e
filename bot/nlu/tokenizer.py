"""A Rasa tokenizer for Finnish and Swedish in one model.

Per message it detects the language, lemmatises with that language's pipeline and replaces place
names by one placeholder token, so that "asun Kemissä" and "asun Sodankylässä" look the same to the
intent classifier. Tokens carry folded text (no ä/ö/å) so that a missing umlaut costs nothing.
"""

from __future__ import annotations

import re
from dataclasses import asdict
from functools import lru_cache
from typing import Any, Dict, List, Text

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.nlu.tokenizers.tokenizer import Token, Tokenizer
from rasa.shared.nlu.constants import TEXT
from rasa.shared.nlu.training_data.message import Message

from bot.nlu import LANGUAGE_KEY, PLACE_TOKEN, PLACES_KEY, language, lemmas
from bot.places.finnish import fold
from bot.places.resolver import PlaceMention, find_places

_TOKEN = re.compile(r"(?i:s:t)|[^\W_]+(?:[-'][^\W_]+)*")


@lru_cache(maxsize=8192)
def analyse(text: str, finnish_engine: str, mark_places: bool):
    """(language detection, places, [(start, end, folded text, lemma)]) — cached: training folds and
    repeated messages ("joo", "kiitos") are analysed once."""
    places: List[PlaceMention] = find_places(text) if mark_places else []
    spans = [(p.start, p.end) for p in places]
    detection = language.detect(text, spans)
    words = [m for m in _TOKEN.finditer(text) if not any(s <= m.start() < e for s, e in spans)]
    word_lemmas = lemmas.lemmatize([m.group() for m in words], detection.language, finnish_engine)
    tokens = [(m.start(), m.end(), fold(m.group()), lemma) for m, lemma in zip(words, word_lemmas)]
    tokens += [(s, e, PLACE_TOKEN, PLACE_TOKEN) for s, e in spans]
    return detection, tuple(places), tuple(sorted(tokens))


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.MESSAGE_TOKENIZER, is_trainable=False)
class BilingualTokenizer(Tokenizer):
    """Tokens with lemmas for fi and sv; see the module docstring."""

    @staticmethod
    def get_default_config() -> Dict[Text, Any]:
        return {
            "intent_tokenization_flag": False,
            "intent_split_symbol": "_",
            "token_pattern": None,
            "prefix_separator_symbol": None,
            # spacy | voikko | none — chosen by measurement in bench/nlu_bench.py.
            "finnish_lemmatizer": "spacy",
            "mark_places": True,
        }

    def __init__(self, config: Dict[Text, Any]) -> None:
        super().__init__(config)
        self.finnish_engine = config["finnish_lemmatizer"]
        self.mark_places = config["mark_places"]
        # Load detectors and pipelines now, not during someone's first message.
        language.preload()
        lemmas.preload(self.finnish_engine)

    def tokenize(self, message: Message, attribute: Text) -> List[Token]:
        text = message.get(attribute) or ""
        if attribute != TEXT:
            return [Token(fold(m.group()), m.start(), m.end()) for m in _TOKEN.finditer(text)]
        detection, places, tokens = analyse(text, self.finnish_engine, self.mark_places)
        message.set(LANGUAGE_KEY, detection.as_dict(), add_to_output=True)
        message.set(PLACES_KEY, [asdict(p) for p in places])
        return [Token(folded, start, end, lemma=lemma) for start, end, folded, lemma in tokens]
