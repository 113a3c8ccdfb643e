"""Reach a person: the county's service guidance, national lines when the place stays untold, contact details.

The live conversation with a service guide comes with the handoff; until then accepting the offer
gives the county's service-guidance contact.
"""
from __future__ import annotations

from typing import List, Text

from rasa_sdk import Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from bot.actions.answer import choose_services, helpline_matches
from bot.actions.base import DirectoryAction, conversation_language
from bot.actions.cards import utter_match
from bot.actions.needs import categories_for
from bot.directory.records import Match


class ActionGiveGuidanceContact(DirectoryAction):
    """The county's family service guidance; its web page when no direct contact is known."""

    def name(self) -> Text:
        return "action_give_guidance_contact"

    async def answer(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> List[EventType]:
        lang = conversation_language(tracker)
        area = tracker.get_slot("area")
        county = self.directory.county(area) if area else None
        if county is None:
            dispatcher.utter_message(response="utter_ask_which_service")
            return []
        matches = choose_services(self.directory, categories_for("request_human"), area,
                                  tracker.get_slot("municipality"), lang, limit=2)
        regional = [m for m in matches if m.service.county]
        if regional:
            dispatcher.utter_message(response="utter_guidance_intro", county=county.name.get(lang))
        else:
            dispatcher.utter_message(response="utter_county_fallback", county=county.name.get(lang),
                                     url=county.page(lang))
        for match in regional or matches:
            utter_match(dispatcher, domain, match, lang)
        return [SlotSet("last_services", [m.service.id for m in regional or matches])]


class ActionGiveNationalHelp(DirectoryAction):
    """When someone prefers not to say where they live: anonymous national lines for their worry."""

    def name(self) -> Text:
        return "action_give_national_help"

    async def answer(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> List[EventType]:
        lang = conversation_language(tracker)
        kinds = [c.split(":", 1)[1] for c in categories_for(tracker.get_slot("concern"), tracker.get_slot("role"))
                 if c.startswith("helpline:")]
        matches = helpline_matches(self.directory, kinds + ["crisis"], lang)[:3]
        dispatcher.utter_message(response="utter_no_place_needed")
        dispatcher.utter_message(response="utter_national_lines")
        for match in matches:
            utter_match(dispatcher, domain, match, lang)
        return [SlotSet("last_services", [m.service.id for m in matches])]


class ActionShowContactDetails(DirectoryAction):
    """Phone, hours and address of what was recommended last, or of the county's guidance."""

    def name(self) -> Text:
        return "action_show_contact_details"

    async def answer(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> List[EventType]:
        lang = conversation_language(tracker)
        services = [s for s in (self.directory.service(i) for i in tracker.get_slot("last_services") or []) if s]
        if not services:
            dispatcher.utter_message(response="utter_ask_which_service")
            return []
        dispatcher.utter_message(response="utter_contact_details")
        for service in services:
            utter_match(dispatcher, domain, Match(service, service.hours.is_open(), local=False), lang)
        return []
