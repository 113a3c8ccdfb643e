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
from bot.places import resolver

LAPPI = "lappi"


def asked_sami(tracker: Tracker) -> bool:
    return (tracker.latest_message or {}).get("viitta_topic") == "sami"


def sami_answered(tracker: Tracker) -> bool:
    return any(e.get("event") == "bot" and (e.get("metadata") or {}).get("utter_action") == "utter_sami_services"
               for e in tracker.events)


class ActionAnswerCapabilities(DirectoryAction):
    def name(self) -> Text:
        return "action_answer_capabilities"

    async def answer(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> List[EventType]:
        if not asked_sami(tracker):
            dispatcher.utter_message(response="utter_capabilities")
            return []
        lang = conversation_language(tracker)
        municipality = tracker.get_slot("municipality")
        if municipality and resolver.county_of(municipality) != LAPPI:
            municipality = None
        dispatcher.utter_message(response="utter_sami_services")
        matches = self.directory.recommend(["family_guidance"], LAPPI, municipality, lang, limit=2)
        for match in matches:
            utter_match(dispatcher, domain, match, lang)
        return [SlotSet("last_services", [m.service.id for m in matches])] if matches else []
