"""Questions whose topic is certain from one word, put after the classifier: "can I be served in Sámi?".

The classifier read such a question as a wish for a human or a language change (and the language
policy then switched to Swedish). A message naming Sámi gets `viitta_topic: sami` in its parse data;
unless it clearly tells a worry, its intent becomes `ask_capabilities` (a question about what Viitta
can do), which bot/actions/sami.py answers honestly. Acute danger still wins: the crisis detector
comes after this component.
"""

from __future__ import annotations

from typing import Any, Dict, List, Text

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.shared.nlu.constants import INTENT, INTENT_RANKING_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from bot.places.finnish import fold
from bot.situation.cues import SAMI
from bot.situation.reading import WORRY_INTENTS

TOPIC_KEY = "viitta_topic"
SAMI_INTENT = "ask_capabilities"
# A worry the classifier is very sure of keeps its intent (a Sámi question often reads as a weak worry);
# the recommendation then answers the Sámi question too.
WORRY_KEPT_FROM = 0.9
WORRIES = (*WORRY_INTENTS, "professional_referral", "emergency")


def asks_sami(text: str) -> bool:
    return bool(SAMI.search(fold(text)))


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER, is_trainable=False)
class TopicQuestions(GraphComponent):
    """See the module docstring."""

    @classmethod
    def create(
        cls,
        config: Dict[Text, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> "TopicQuestions":
        return cls()

    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            text = message.get(TEXT) or ""
            if text.startswith("/") or not asks_sami(text):
                continue
            message.set(TOPIC_KEY, "sami", add_to_output=True)
            intent = message.get(INTENT) or {}
            if intent.get("name") in WORRIES and (intent.get("confidence") or 0.0) >= WORRY_KEPT_FROM:
                continue
            found = {"name": SAMI_INTENT, "confidence": 1.0}
            ranking = [i for i in message.get(INTENT_RANKING_KEY) or [] if i.get("name") != SAMI_INTENT]
            message.set(INTENT, found, add_to_output=True)
            message.set(INTENT_RANKING_KEY, [found] + ranking, add_to_output=True)
        return messages

    def process_training_data(self, training_data: TrainingData) -> TrainingData:
        return training_data
