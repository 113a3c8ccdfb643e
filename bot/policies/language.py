"""Keeps the `language` slot right on every turn, inside the Rasa server (no action-server round trip).

It predicts no action; it only adds a `SlotSet("language", ...)` event right after a user
message, before any response is rendered, so that every reply of that turn is in the right
language even when the action server is down.
"""

from __future__ import annotations

from typing import Any, Dict, List, Optional, Text

from rasa.core.policies.policy import Policy, PolicyPrediction
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.shared.core.constants import ACTION_LISTEN_NAME
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import SlotSet
from rasa.shared.core.generator import TrackerWithCachedStates
from rasa.shared.core.trackers import DialogueStateTracker

from bot.nlu import LANGUAGE_KEY
from bot.nlu.language import SUPPORTED

LANGUAGE_SLOT = "language"
# A conversation switches language mid-way only on a clear signal.
_SWITCH_CONFIDENCE = 0.9
_SWITCH_MIN_WORDS = 3


def choose_language(
    current: Optional[str],
    detection: Optional[dict],
    intent: Optional[str],
    metadata_language: Optional[str],
    default: str = "fi",
) -> str:
    """The conversation's language after this message (pure, so it can be tested in isolation)."""
    detection = detection or {}
    if intent == "change_language":
        requested = detection.get("requested")
        if requested in SUPPORTED:
            return requested
        return "sv" if (current or default) == "fi" else "fi"
    clear = (
        detection.get("reliable")
        and detection.get("confidence", 0) >= _SWITCH_CONFIDENCE
        and detection.get("words", 0) >= _SWITCH_MIN_WORDS
    )
    if current is None:
        if metadata_language in SUPPORTED:
            return detection["language"] if clear else metadata_language
        return detection["language"] if detection.get("reliable") else default
    if clear and detection["language"] != current:
        return detection["language"]
    return current


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.POLICY_WITHOUT_END_TO_END_SUPPORT, is_trainable=True)
class LanguagePolicy(Policy):
    """Sets the conversation language; never wins an action prediction."""

    @staticmethod
    def get_default_config() -> Dict[Text, Any]:
        return {"priority": 0, "default_language": "fi"}

    def train(self, training_trackers: List[TrackerWithCachedStates], domain: Domain, **kwargs: Any) -> Resource:
        return self._resource

    def predict_action_probabilities(
        self,
        tracker: DialogueStateTracker,
        domain: Domain,
        rule_only_data: Optional[Dict[Text, Any]] = None,
        **kwargs: Any,
    ) -> PolicyPrediction:
        return self._prediction(self._default_predictions(domain), events=self._language_events(tracker))

    def _language_events(self, tracker: DialogueStateTracker) -> list:
        message = tracker.latest_message
        if tracker.latest_action_name != ACTION_LISTEN_NAME or message is None:
            return []
        current = tracker.get_slot(LANGUAGE_SLOT)
        metadata = tracker.get_slot("session_started_metadata") or {}
        detection = dict(message.parse_data.get(LANGUAGE_KEY) or {})
        # A button payload such as /change_language{"language": "sv"} names the language itself.
        for entity in message.entities or []:
            if entity.get("entity") == LANGUAGE_SLOT and entity.get("value") in SUPPORTED:
                detection["requested"] = entity["value"]
        chosen = choose_language(
            current,
            detection,
            (message.intent or {}).get("name"),
            (message.metadata or {}).get("language") or metadata.get("language"),
            self.config["default_language"],
        )
        return [SlotSet(LANGUAGE_SLOT, chosen)] if chosen != current else []
