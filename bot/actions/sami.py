"""What can you do – and "can I be served in Sámi?": an honest answer in the conversation's language
(Viitta speaks fi and sv only), pointing to the Sámi-language services of Lappi, with Lappi's family
service guidance. The NLU marks a message naming Sámi with `viitta_topic: sami` (bot/nlu/topics.py)."""

from __future__ import annotations

from typing import List, Text

from rasa_sdk import Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from bot.actions.base import DirectoryAction, conversation_language
from bot.actions.cards import utter_match
from bot.actions.situation import SLOT, situation_of
from bot.places import resolver
from bot.situation import model
from bot.situation.routing import route

LAPPI = "lappi"


def asked_sami(tracker: Tracker) -> bool:
    return (tracker.latest_message or {}).get("viitta_topic") == "sami"


ANSWERED = "answered"


def sami_answered(tracker: Tracker) -> bool:
    return model.value(situation_of(tracker), "sami") == ANSWERED


def mark_answered(tracker: Tracker) -> SlotSet:
    """The situation remembers the answer, so that a recommendation does not repeat it."""
    return SlotSet(SLOT, model.merge(situation_of(tracker), model.Reading(facts=[model.Fact("sami", ANSWERED, 1.0)])))


def sami_categories(situation: dict) -> list[str]:
    """The services of the need the Sámi question names (a pregnancy or baby: the neuvola; a worry: its
    route), with Lappi's family service guidance after them – first where the need's route puts it first
    (support in parenting) – and the guidance alone when no need is named."""
    plan = route(situation)
    categories = list(plan.categories) if plan.needs else []
    if categories[:1] != ["family_guidance"]:
        categories = [c for c in categories if c != "family_guidance"]
    if not plan.needs and (model.value(situation, "pregnancy") or model.value(situation, "baby_months") is not None):
        categories = ["neuvola"]
    return categories + ["family_guidance"]


class ActionAnswerCapabilities(DirectoryAction):
    def name(self) -> Text:
        return "action_answer_capabilities"

    def answer(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> List[EventType]:
        if not asked_sami(tracker):
            dispatcher.utter_message(response="utter_capabilities")
            return []
        lang = conversation_language(tracker)
        municipality = tracker.get_slot("municipality")
        if municipality and resolver.county_of(municipality) != LAPPI:
            municipality = None
        dispatcher.utter_message(response="utter_sami_services")
        matches = self.directory.recommend(sami_categories(situation_of(tracker)), LAPPI, municipality, lang, limit=2)
        for match in matches:
            utter_match(dispatcher, match, lang)
        return [mark_answered(tracker)] + (
            [SlotSet("last_services", [m.service.id for m in matches])] if matches else []
        )
