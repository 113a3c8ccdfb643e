"""Deterministic entity extractors: municipality (and county-only places), role and substance.

They are rules, not models, so their behaviour can be reviewed and tested name by name; the
trained classifier only decides the intent.
"""

from __future__ import annotations

from typing import Any, Dict, List, Text

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.extractors.extractor import EntityExtractorMixin
from rasa.shared.nlu.constants import ENTITIES, TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from bot.nlu import PLACES_KEY
from bot.nlu.lexicon import find_role, find_substances
from bot.places.resolver import find_places


class _RuleExtractor(GraphComponent, EntityExtractorMixin):
    @classmethod
    def create(
        cls,
        config: Dict[Text, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> "_RuleExtractor":
        return cls()

    def process_training_data(self, training_data: TrainingData) -> TrainingData:
        return training_data

    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            found = self.add_extractor_name(self.extract(message))
            message.set(ENTITIES, message.get(ENTITIES, []) + found, add_to_output=True)
        return messages

    def extract(self, message: Message) -> List[Dict[Text, Any]]:
        raise NotImplementedError


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.ENTITY_EXTRACTOR, is_trainable=False)
class PlaceEntityExtractor(_RuleExtractor):
    """`municipality` = canonical Finnish name; a county named without a municipality gives `county`."""

    def extract(self, message: Message) -> List[Dict[Text, Any]]:
        text = message.get(TEXT) or ""
        places = message.get(PLACES_KEY)
        if places is None:
            places = [p.__dict__ for p in find_places(text)]
        return [
            {
                "entity": "municipality" if p["municipality"] else "county",
                "value": p["municipality"] or p["county"],
                "start": p["start"],
                "end": p["end"],
                "confidence": 1.0,
            }
            for p in places
        ]


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.ENTITY_EXTRACTOR, is_trainable=False)
class LexiconEntityExtractor(_RuleExtractor):
    """`role` of the writer (one) and every `substance` mentioned."""

    def extract(self, message: Message) -> List[Dict[Text, Any]]:
        text = message.get(TEXT) or ""
        hits = [h for h in [find_role(text)] if h] + find_substances(text)
        return [{"entity": h.entity, "value": h.value, "start": h.start, "end": h.end, "confidence": 1.0} for h in hits]
