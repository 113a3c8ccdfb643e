"""The crisis net as the last NLU component: on acute danger the intent becomes `emergency`.

The net (bot.safety.risk: the deterministic patterns of bot.safety.crisis as the floor, and the crisis
risk model for wordings they do not know) is independent of the intent classifier; putting it after
the classifier and the FallbackClassifier means its decision always wins: "acute → emergency",
whatever the classifier thought. The middle tier (an uncertain risk: a check-in first) is the
channel's (connectors/conversation.py), which also reads the person's last messages together.
The finding is left in the parse data under `viitta_crisis` so that the
SafetyPolicy (bot.policies.safety) can put the emergency guidance first even inside other flows.

The other way round the detector is careful: only when it has evidence that a danger phrase is not
meant ("mä tapan sen jos se ei tiskaa", "isä löi mua kun olin lapsi", "mitä teen jos vauva nielee
lääkkeen") does it overrule a classifier that said `emergency`: the next intent of the ranking takes
over (the fallback below the threshold). Everything else keeps the classifier's intent, `emergency`
included, as before.
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
from bot.safety.risk import assess

EMERGENCY_INTENT = "emergency"
FALLBACK_INTENT = "nlu_fallback"


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER, is_trainable=False)
class CrisisDetector(GraphComponent):
    """See the module docstring."""

    @staticmethod
    def get_default_config() -> Dict[Text, Any]:
        # The FallbackClassifier's threshold (config.yml): below it a taken-back emergency becomes the fallback.
        return {"fallback_threshold": 0.2}

    def __init__(self, config: Dict[Text, Any]) -> None:
        self.fallback_threshold = float(config.get("fallback_threshold", 0.2))

    @classmethod
    def create(
        cls,
        config: Dict[Text, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> "CrisisDetector":
        return cls({**cls.get_default_config(), **config})

    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            text = message.get(TEXT) or ""
            finding = assess(text)
            message.set(CRISIS_KEY, {**finding.as_dict(), "acute": finding.tier == "acute"}, add_to_output=True)
            ranking = message.get(INTENT_RANKING_KEY) or []
            others = [i for i in ranking if i.get("name") != EMERGENCY_INTENT]
            if finding.tier == "acute":
                emergency = {"name": EMERGENCY_INTENT, "confidence": 1.0}
                message.set(INTENT, emergency, add_to_output=True)
                message.set(INTENT_RANKING_KEY, [emergency] + others, add_to_output=True)
            elif finding.defused and (message.get(INTENT) or {}).get("name") == EMERGENCY_INTENT:
                best = others[0] if others else {"name": None, "confidence": 0.0}
                if (best.get("confidence") or 0.0) < self.fallback_threshold:
                    best = {"name": FALLBACK_INTENT, "confidence": self.fallback_threshold}
                message.set(INTENT, best, add_to_output=True)
                message.set(INTENT_RANKING_KEY, others, add_to_output=True)
        return messages

    def process_training_data(self, training_data: TrainingData) -> TrainingData:
        return training_data
