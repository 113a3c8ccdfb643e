"""The SafetyPolicy: the emergency guidance first on acute danger, and an answer when actions fail.

Highest priority, and it only speaks in two situations; otherwise it predicts nothing:
1. The user message was found acute by the crisis detector (bot.nlu.crisis sets `viitta_crisis`), or its
   intent is `emergency` (the check-in's button, the classifier):
   `utter_emergency` comes first, before anything a rule, a form or a handoff flow would do.
2. A custom action failed in this turn (bot.policies.action_guard): `utter_services_unavailable`
   with the county's contact when the area or the municipality is known, else the national lines
   (`utter_directory_unavailable`); then it listens. Both are domain responses, rendered by the Rasa
   server: no action server, no database.
"""

from __future__ import annotations

from typing import Any, Dict, List, Optional, Text

from rasa.core.policies.policy import Policy, PolicyPrediction
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.shared.core.constants import ACTION_LISTEN_NAME
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, SlotSet, UserUttered
from rasa.shared.core.generator import TrackerWithCachedStates
from rasa.shared.core.trackers import DialogueStateTracker

from bot.nlu import CRISIS_KEY
from bot.policies import action_guard
from bot.safety.contacts import county_contact, county_of

EMERGENCY = "utter_emergency"
EMERGENCY_INTENT = "emergency"
COUNTY_FALLBACK = "utter_services_unavailable"
NATIONAL_FALLBACK = "utter_directory_unavailable"
CONTACT_SLOT = "fallback_contact"


def _since_user(tracker: DialogueStateTracker) -> list:
    events = []
    for event in reversed(tracker.events):
        if isinstance(event, UserUttered):
            break
        events.append(event)
    return events


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.POLICY_WITHOUT_END_TO_END_SUPPORT, is_trainable=True)
class SafetyPolicy(Policy):
    """See the module docstring."""

    @staticmethod
    def get_default_config() -> Dict[Text, Any]:
        # RulePolicy has 4: on equal confidence this policy wins.
        return {"priority": 5}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        action_guard.install()

    def train(self, training_trackers: List[TrackerWithCachedStates], domain: Domain, **kwargs: Any) -> Resource:
        return self._resource

    def predict_action_probabilities(
        self,
        tracker: DialogueStateTracker,
        domain: Domain,
        rule_only_data: Optional[Dict[Text, Any]] = None,
        **kwargs: Any,
    ) -> PolicyPrediction:
        action, events = self._decide(tracker, domain)
        if action is None or action not in domain.action_names_or_texts:
            return self._prediction(self._default_predictions(domain))
        confidences = self._default_predictions(domain)
        confidences[domain.index_for_action(action)] = 1.0
        return self._prediction(confidences, optional_events=events)

    def _decide(self, tracker: DialogueStateTracker, domain: Domain) -> tuple[Optional[str], list]:
        done = [e.action_name for e in _since_user(tracker) if isinstance(e, ActionExecuted)]
        message = tracker.latest_message
        if tracker.latest_action_name == ACTION_LISTEN_NAME and message is not None and _emergency(message):
            return EMERGENCY, []
        if not action_guard.failed_this_turn(tracker):
            return None, []
        if COUNTY_FALLBACK in done or NATIONAL_FALLBACK in done:
            return ACTION_LISTEN_NAME, []
        language = tracker.get_slot("language") or "fi"
        contact = county_contact(county_of(tracker.get_slot("area"), tracker.get_slot("municipality")), language)
        if contact and any(slot.name == CONTACT_SLOT for slot in domain.slots):
            return COUNTY_FALLBACK, [SlotSet(CONTACT_SLOT, contact)]
        return NATIONAL_FALLBACK, []


def _emergency(message: UserUttered) -> bool:
    """Acute by the crisis net, or the emergency intent itself (the check-in's button "/emergency", or the
    classifier): the guidance comes first even when a custom action of this turn (e.g. the slot mapping
    that reads the situation) has already failed because the action server is down."""
    return (
        bool((message.parse_data.get(CRISIS_KEY) or {}).get("acute"))
        or (message.intent or {}).get("name") == EMERGENCY_INTENT
    )
