"""The crisis detector as the last NLU component: on acute danger the intent becomes `emergency`.

The detector (bot.safety.crisis) is deterministic and independent of the trained classifier; putting
it after the classifier and the FallbackClassifier means its decision always wins: "acute → emergency",
whatever the model thought. The finding is left in the parse data under `viitta_crisis` so that the
SafetyPolicy (bot.policies.safety) can put the emergency guidance first even inside other flows.
Messages the detector finds not acute keep the classifier's intent (including `emergency`).
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

from bot.nlu import CRISIS_KEY
from bot.safety.crisis import detect

EMERGENCY_INTENT = "emergency"


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER, is_trainable=False)
class CrisisDetector(GraphComponent):
    """See the module docstring."""

    @classmethod
    def create(cls, config: Dict[Text, Any], model_storage: ModelStorage, resource: Resource,
               execution_context: ExecutionContext) -> "CrisisDetector":
        return cls()

    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            finding = detect(message.get(TEXT) or "")
            message.set(CRISIS_KEY, finding.as_dict(), add_to_output=True)
            if finding.acute:
                emergency = {"name": EMERGENCY_INTENT, "confidence": 1.0}
                others = [i for i in message.get(INTENT_RANKING_KEY) or [] if i.get("name") != EMERGENCY_INTENT]
                message.set(INTENT, emergency, add_to_output=True)
                message.set(INTENT_RANKING_KEY, [emergency] + others, add_to_output=True)
        return messages

    def process_training_data(self, training_data: TrainingData) -> TrainingData:
        return training_data
