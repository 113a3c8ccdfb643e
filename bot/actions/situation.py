"""Keep the person's whole situation: every message is read into the `situation` slot (a custom slot
mapping, so it runs after every user message whatever the flow: privacy answer, emergency reply,
language change), the one-value slots `concern`, `role` and `substance` follow from it, and the
person can say "not quite – correct"."""

from __future__ import annotations

from typing import Any, List, Optional, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, FollowupAction, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from bot.situation import model, reading
from bot.situation.routing import route

SLOT = "situation"
# The slot the bot asked for last; the form keeps it in `requested_slot`.
_ASKING_ACTIONS = {"action_ask_concern": "concern", "action_ask_area": "area", "utter_ask_handoff_form_area": "area"}


def asked(tracker: Tracker) -> Optional[str]:
    """What the message answers: the form's requested slot, else the last question's slot."""
    if tracker.get_slot("requested_slot"):
        return tracker.get_slot("requested_slot")
    for event in reversed(tracker.events[:-1] if tracker.events else []):
        if event.get("event") == "user":
            return None
        if event.get("event") == "action" and event.get("name") in _ASKING_ACTIONS:
            return _ASKING_ACTIONS[event["name"]]
    return None


def situation_of(tracker: Tracker) -> dict:
    return model.load(tracker.get_slot(SLOT))


def derived_slots(situation: dict, tracker: Tracker) -> dict[str, Any]:
    """concern, role and substance as the rest of Viitta (forms, handoff summary) reads them."""
    r = route(situation)
    slots: dict[str, Any] = {}
    concern = r.concern
    intent = (tracker.latest_message.get("intent") or {}).get("name")
    if concern is None and "professional_referral" in (intent, tracker.get_slot("concern")):
        concern = "professional_referral"
    slots["concern"] = concern
    role = model.value(situation, "role")
    if (
        role is None
        and model.value(situation, "pregnancy") == "self"
        and model.confidence(situation, "pregnancy") >= 0.8
    ):
        role = "pregnant"
    slots["role"] = None if role == "young" else role  # a young writer is the situation's, not a slot value
    substances = model.value(situation, "substances") or []
    named = [s for s in substances if s != "other"] or substances
    slots["substance"] = named[0] if named else None
    return slots


class ActionReadSituation(Action):
    """The custom mapping of the `situation`, `concern`, `role` and `substance` slots."""

    def name(self) -> Text:
        return "action_read_situation"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> List[EventType]:
        latest = tracker.latest_message or {}
        intent = (latest.get("intent") or {}).get("name")
        if intent in ("correct_situation",) or not latest.get("text"):
            return []
        before = situation_of(tracker)
        message = reading.from_parse(
            latest,
            asked(tracker),
            tracker.get_slot("language"),
            worry_held=bool(model.needs(before)),
            pregnant_held=bool(model.value(before, "pregnancy")),
        )
        situation = model.merge(before, reading.read(message))
        slots = derived_slots(situation, tracker)
        events: List[EventType] = [SlotSet(SLOT, situation)]
        events += [SlotSet(k, v) for k, v in slots.items() if v != tracker.get_slot(k)]
        return events


class ActionCorrectSituation(Action):
    """ "Ei ihan – korjaa": forget the worry and who is who (the place stays); the rule then asks again."""

    def name(self) -> Text:
        return "action_correct_situation"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> List[EventType]:
        dispatcher.utter_message(response="utter_correction_intro")
        return [
            SlotSet(SLOT, model.forget(situation_of(tracker))),
            SlotSet("concern", None),
            SlotSet("role", None),
            SlotSet("substance", None),
        ]


# After these the search is over; a later privacy question or language switch does not restart it.
SEARCH_ENDED = {"action_recommend_services", "action_give_national_help", "handoff_form", "action_deactivate_loop"}


class ActionResumeSearch(Action):
    """After an answer outside the search (privacy, language): when the worry is known and the search has
    not ended, go on to the place."""

    def name(self) -> Text:
        return "action_resume_search"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> List[EventType]:
        if tracker.active_loop.get("name") or not tracker.get_slot("concern"):
            return []
        done = {e.get("name") for e in tracker.events if e.get("event") == "action"}
        if done & SEARCH_ENDED:  # answered already, or the person chose not to tell the place
            return []
        return [FollowupAction("service_form")]
