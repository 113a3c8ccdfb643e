"""Can I be served in Sámi? An honest answer in the conversation's language (Viitta speaks fi and sv
only), pointing to the Sámi-language services of Lappi, with Lappi's family service guidance."""
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


class ActionAnswerSami(DirectoryAction):
    def name(self) -> Text:
        return "action_answer_sami"

    async def answer(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> List[EventType]:
        lang = conversation_language(tracker)
        municipality = tracker.get_slot("municipality")
        if municipality and resolver.county_of(municipality) != LAPPI:
            municipality = None
        dispatcher.utter_message(response="utter_sami_services")
        matches = self.directory.recommend(["family_guidance"], LAPPI, municipality, lang, limit=2)
        for match in matches:
            utter_match(dispatcher, domain, match, lang)
        return [SlotSet("last_services", [m.service.id for m in matches])] if matches else []
