"""Find the right service: the form that asks only what is missing, and the recommendation itself."""

from __future__ import annotations

import re
from typing import Any, Dict, List, Text

from rasa_sdk import Action, FormValidationAction, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from bot.actions.answer import choose_for_situation
from bot.actions.base import DirectoryAction, conversation_language, user_texts
from bot.actions.cards import utter_match
from bot.actions.needs import CONCERNS, categories_for, referral_topics
from bot.actions.sami import mark_answered, sami_answered
from bot.actions.situation import situation_of
from bot.actions.understood import understood_line
from bot.analytics.counters import record_recommendations
from bot.places import resolver
from bot.places.finnish import fold
from bot.situation import model
from bot.situation.reading import WORRY_INTENTS
from bot.situation.routing import route, young_writer

# Intents whose message is never an answer to "where do you live?".
_NOT_A_PLACE = {
    "deny",
    "goodbye",
    "emergency",
    "request_human",
    "ask_privacy",
    "bot_challenge",
    "ask_capabilities",
    "thank",
    "change_language",
    "greet",
    "affirm",
    "ask_contact_info",
}
_WORDS = re.compile(r"\w+")


class ValidateServiceForm(FormValidationAction):
    """Reads the place from the resolver's entities and suggests names when it cannot tell."""

    def name(self) -> Text:
        return "validate_service_form"

    async def extract_area(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Dict[Text, Any]:
        everything = tracker.latest_message.get("entities") or []
        entities = _home_entities(tracker)
        municipality = next((e["value"] for e in entities if e.get("entity") == "municipality"), None)
        county = next((e["value"] for e in entities if e.get("entity") == "county"), None)
        if municipality and resolver.county_of(municipality):
            return {"area": resolver.county_of(municipality), "municipality": municipality}
        if county:
            return {"area": county}
        if len(entities) < len(everything):  # only a place moved from or to: still ask where they live
            return {"municipality": None}
        known = tracker.get_slot("municipality")
        if known and not tracker.get_slot("area") and resolver.county_of(known):
            return {"area": resolver.county_of(known)}
        if tracker.get_slot("requested_slot") == "area" and _looks_like_place_answer(tracker):
            _suggest_places(dispatcher, tracker)
            # Setting the slot (to nothing) keeps the form running, so it asks again.
            return {"area": None}
        if tracker.get_slot("requested_slot") == "area" and _adds_a_detail(tracker):
            # "vi har två barn" when asked the place: the situation keeps the detail, the form asks the place again
            # (a rejected form would end in the fallback and lose the search).
            return {"area": None}
        return {}

    async def validate_municipality(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Dict[Text, Any]:
        # Rasa's entity mapping keeps the last place named ("i Kronoby … min son i Helsingfors"); the home is
        # the one extract_area chose, so the understood line names the county the cards are from.
        home = next((e["value"] for e in _home_entities(tracker) if e.get("entity") == "municipality"), None)
        return {"municipality": home or value}

    async def validate_area(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Dict[Text, Any]:
        return {"area": value if value in resolver.registry.county_codes().values() else None}

    async def validate_concern(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Dict[Text, Any]:
        return {"concern": value if value in CONCERNS else None}


# "vi flyttade hit från Vasa", "exet vill flytta till Tammerfors", "muutettiin Vaasasta": not where one lives.
# ("vi har flyttat till Kuopio" is where they live now.)
# "från" only after a verb of moving: "ja skriver från Kimitoön" is where one writes from, so where one lives.
_MOVED = re.compile(
    r"(?:\b(?:flytt\w*|kom|kommit|kommer|akte|akt|rymde|lamnade)(?: \w+){0,3} (?:fran|ifran)|"
    r"\b(?:vill|ska|tanker|planerar|hotar) (?:\w+ )?flytta (?:\w+ )?till)\s*$"
)
_MOVED_FI = re.compile(r"\bmuut\w*(?: \w+){0,3} $")
_FROM_FI = re.compile(r"(?:sta|lta|lle)$")
# "muutimme Raumalle viime keväänä": moved there, so it is where they live now.
_MOVED_THERE_FI = re.compile(
    r"\b(?:muutimme|muutettiin|muutin|muutit|muutti|muuttaneet|muuttanut|muutettu) (?:\w+ )?$"
    r"|\b(?:muutimme|muutettiin|muutin)(?: \w+){0,3} $"  # "muutettiin viime keväänä Tampereelle"
)


def _home_entities(tracker: Tracker) -> list[dict]:
    """The latest message's places, without one moved from or to, or where someone else lives ("äiti asuu
    Rovaniemellä")."""
    text = tracker.latest_message.get("text") or ""
    everything = tracker.latest_message.get("entities") or []
    homes = [e for e in everything if not _moved_from_or_to(text, e) and not _someone_elses(text, e)]
    # "Mies on Helsingissä … oon päivät yksin täällä Hämeenlinnassa": a place after "asun"/"täällä" first.
    return sorted(homes, key=lambda e: not (e.get("start") is not None and resolver.lives_here(text, e["start"])))


def _moved_from_or_to(text: str, entity: dict) -> bool:
    if entity.get("entity") not in ("municipality", "county") or entity.get("start") is None:
        return False
    before, word = fold(text[: entity["start"]]), fold(text[entity["start"] : entity.get("end") or len(text)])
    if word.endswith("lle") and _MOVED_THERE_FI.search(before):
        return False
    return bool(_MOVED.search(before) or (_MOVED_FI.search(before) and _FROM_FI.search(word)))


def _someone_elses(text: str, entity: dict) -> bool:
    return (
        entity.get("entity") in ("municipality", "county")
        and entity.get("start") is not None
        and resolver.someone_elses(text, entity["start"])
    )


_DETAIL_INTENTS = (*WORRY_INTENTS, "professional_referral", "inform_role")


def _adds_a_detail(tracker: Tracker) -> bool:
    return (tracker.latest_message.get("intent") or {}).get("name") in _DETAIL_INTENTS


def _looks_like_place_answer(tracker: Tracker) -> bool:
    intent = (tracker.latest_message.get("intent") or {}).get("name")
    text = tracker.latest_message.get("text") or ""
    if intent in ("inform_location", "nlu_fallback", "out_of_scope"):
        return True
    return intent not in _NOT_A_PLACE and len(_WORDS.findall(text)) <= 3


def _suggest_places(dispatcher: CollectingDispatcher, tracker: Tracker) -> None:
    lang = conversation_language(tracker)
    suggestions = resolver.suggest(tracker.latest_message.get("text") or "")
    if not suggestions:
        dispatcher.utter_message(response="utter_municipality_unknown")
        return
    municipalities = resolver.registry.municipalities()
    buttons = [
        {"title": municipalities[name].name(lang), "payload": f'/inform_location{{"municipality": "{name}"}}'}
        for name in suggestions
    ]
    dispatcher.utter_message(response="utter_municipality_suggestions", buttons=buttons)


class ActionAskConcern(Action):
    """Asks what worries the person, in words that fit who is asking."""

    def name(self) -> Text:
        return "action_ask_concern"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> List[EventType]:
        role = tracker.get_slot("role")
        response = {"professional": "utter_ask_client_situation", "relative": "utter_ask_concern_relative"}
        dispatcher.utter_message(response=response.get(role, "utter_ask_concern"))
        return []


class ActionAskArea(Action):
    """Asks for the municipality: the person's own, or a professional's client's."""

    def name(self) -> Text:
        return "action_ask_area"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> List[EventType]:
        professional = tracker.get_slot("role") == "professional"
        dispatcher.utter_message(response="utter_ask_area_professional" if professional else "utter_ask_area")
        return []


class ActionRecommendServices(DirectoryAction):
    """1–3 services for the whole situation and place, most specific first, with one line saying what was
    understood (and a button to correct it), then the offer of a human."""

    def name(self) -> Text:
        return "action_recommend_services"

    def answer(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> List[EventType]:
        lang = conversation_language(tracker)
        concern = tracker.get_slot("concern")
        area = tracker.get_slot("area")
        municipality = tracker.get_slot("municipality")
        county = self.directory.county(area) if area else None
        situation = situation_of(tracker)
        professional = (
            model.value(situation, "role") == "professional"
            or tracker.get_slot("role") == "professional"
            or concern == "professional_referral"
        )
        plan = route(situation, fallback_concern=concern)
        if professional:
            plan = route(
                situation, fallback_concern=concern, topics=referral_topics(user_texts(tracker), plan.needs, concern)
            )
            intro, audience = "utter_recommend_professional_referral", "professionals"
            categories = plan.categories
        else:
            first = plan.concern or concern
            categories = plan.categories if plan.needs else list(categories_for(concern, tracker.get_slot("role")))
            intro, audience = f"utter_recommend_{first if first in CONCERNS else 'request_human'}", "families"
            if first == "substance_use_family" and young_writer(situation):
                intro = "utter_recommend_substance_use_family_young"
        categories = [c for c in categories if not c.startswith("helpline:")]
        if "family_guidance" not in categories:
            categories.append("family_guidance")

        matches = choose_for_situation(
            self.directory,
            categories,
            plan.line_kinds,
            situation,
            area,
            municipality,
            lang,
            audience=audience,
            lines_kept=1 if young_writer(situation) else 0,
        )
        # Anonymous counts in the app database the directory reads (an in-memory directory has none).
        record_recommendations(
            getattr(self.directory, "engine", None), area, lang, [m.service.category for m in matches]
        )
        place = _place_name(municipality, county, lang)
        understood = understood_line(
            domain, situation, plan.needs or ([concern] if concern in CONCERNS else []), place, lang
        )
        if understood:
            dispatcher.utter_message(response="utter_understood", facts=understood)
        for response in plan.referrals:
            dispatcher.utter_message(response=response)
        events = []
        if model.value(situation, "sami") and not sami_answered(tracker):
            dispatcher.utter_message(response="utter_sami_services")
            events.append(mark_answered(tracker))
        county_name = county.name.get(lang) if county else ""
        if county and not county.in_system:
            dispatcher.utter_message(response="utter_aland")
        elif any(m.service.county for m in matches):
            dispatcher.utter_message(response=intro, county=county_name)
        elif county:
            dispatcher.utter_message(response="utter_county_fallback", county=county_name, url=county.page(lang))
            dispatcher.utter_message(response="utter_national_lines")
        for match in matches:
            utter_match(dispatcher, match, lang, professional=audience == "professionals")
        if concern != "request_human":
            dispatcher.utter_message(response="utter_offer_handoff")
        return events + [SlotSet("last_services", [m.service.id for m in matches])]


def _place_name(municipality, county, lang: str) -> str:
    if municipality and municipality in resolver.registry.municipalities():
        return resolver.registry.municipalities()[municipality].name(lang)
    return county.name.get(lang) if county else ""
