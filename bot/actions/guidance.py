"""Reach a person by phone or web: the county's service guidance, national lines when the place stays
untold, contact details. (The live chat with a service guide is bot/actions/handoff.py.)"""

from __future__ import annotations

import re
from typing import List, Optional, Text

from rasa_sdk import Tracker
from rasa_sdk.events import EventType, FollowupAction, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from bot.actions.answer import choose_services, helpline_matches, national_lines
from bot.actions.base import DirectoryAction, conversation_language
from bot.actions.cards import asks_as_professional, utter_match
from bot.actions.needs import categories_for
from bot.actions.situation import situation_of
from bot.directory.interface import ServiceDirectory
from bot.directory.records import County, Match
from bot.places.finnish import fold
from bot.situation.reading import from_parse, read

# A refusal to say the place, as opposed to a "no" that tells more ("ei päästä mihinkään": he lets me go nowhere).
_REFUSAL = re.compile(
    r"\b(?:en (?:\w+ )?(?:halua|haluis|haluais|kerro|sano|tahdo|viitsi)|ei kuulu|mieluummin en|ei kiitos|"
    r"vill (?:int|inte) (?:saga|beratta)|"
    r"(?:int|inte) saga|hellre inte|nej tack|sager (?:int|inte)|beratta (?:int|inte))\b|^\W*(?:ei|en|nej|no|nah|nope)\W*$"
)


def tells_more(latest: dict) -> bool:
    """Whether a message read as "no" when the place was asked names a worry instead of refusing."""
    text = latest.get("text") or ""
    if _REFUSAL.search(fold(text)):
        return False
    reading = read(from_parse(latest, "area", None))
    if reading.needs or any(f.field == "violence" for f in reading.facts):
        return True
    # A "no" the classifier is unsure of, in a sentence of its own, is more likely a detail than a refusal.
    confidence = float((latest.get("intent") or {}).get("confidence") or 0.0)
    return len(text.split()) >= 3 and confidence < 0.7


def county_guidance(
    directory: ServiceDirectory,
    dispatcher: CollectingDispatcher,
    county: County,
    municipality: Optional[str],
    lang: str,
) -> list[Match]:
    """The county's family service guidance as cards (its web page when no direct contact is known);
    returns what was shown. The person has just been told why they get contacts instead of a chat."""
    matches = choose_services(directory, categories_for("request_human"), county.code, municipality, lang, limit=2)
    regional = [m for m in matches if m.service.county]
    if not regional:
        dispatcher.utter_message(response="utter_county_fallback", county=county.name.get(lang), url=county.page(lang))
    for match in regional:
        utter_match(dispatcher, match, lang)
    return regional


def round_the_clock_lines(
    directory: ServiceDirectory, concern: Optional[str], role: Optional[str], lang: str, limit: int = 2
) -> list[Match]:
    """National lines open 24/7 that fit the worry, the crisis line last; for when no person is on duty."""
    kinds = [c.split(":", 1)[1] for c in categories_for(concern, role) if c.startswith("helpline:")]
    matches = [m for m in helpline_matches(directory, kinds + ["crisis"], lang) if m.service.hours.always]
    return matches[:limit]


class ActionGiveNationalHelp(DirectoryAction):
    """When someone prefers not to say where they live: anonymous national lines for their worry."""

    def name(self) -> Text:
        return "action_give_national_help"

    def answer(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> List[EventType]:
        if tells_more(tracker.latest_message):
            return [FollowupAction("service_form")]  # the situation has the detail; the place is asked again
        lang = conversation_language(tracker)
        matches = national_lines(self.directory, situation_of(tracker), lang, tracker.get_slot("concern"))
        dispatcher.utter_message(response="utter_no_place_needed")
        dispatcher.utter_message(response="utter_national_lines")
        for match in matches:
            utter_match(dispatcher, match, lang)
        return [SlotSet("last_services", [m.service.id for m in matches])]


class ActionShowContactDetails(DirectoryAction):
    """Phone, hours and address of what was recommended last, or of the county's guidance."""

    def name(self) -> Text:
        return "action_show_contact_details"

    def answer(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> List[EventType]:
        lang = conversation_language(tracker)
        services = [s for s in (self.directory.service(i) for i in tracker.get_slot("last_services") or []) if s]
        if not services:
            dispatcher.utter_message(response="utter_ask_which_service")
            return []
        dispatcher.utter_message(response="utter_contact_details")
        professional = asks_as_professional(tracker.get_slot("role"), tracker.get_slot("concern"))
        for service in services:
            utter_match(dispatcher, Match(service, service.hours.is_open(), local=False), lang, professional)
        return []
