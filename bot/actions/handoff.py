"""Talk to a service guide: consent to a short summary, the county's queue (or a message left out of
hours), and one-tap feedback when the bot has the conversation back.

These actions only change the handoff database and pause the conversation; relaying messages while a
guide has it, and giving it back to the bot afterwards, is the Rasa server's part (bot/server/relay.py).
"""

from __future__ import annotations

import asyncio
import logging
from typing import List, Optional, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.events import ConversationPaused, EventType, FollowupAction, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict
from sqlalchemy.engine import Engine
from sqlalchemy.exc import SQLAlchemyError

from bot.actions.answer import helpline_matches
from bot.actions.base import DirectoryAction, conversation_language
from bot.actions.cards import utter_match
from bot.actions.guidance import county_guidance, round_the_clock_lines
from bot.actions.needs import CONCERNS, categories_for
from bot.actions.service_search import ValidateServiceForm
from bot.actions.situation import SEARCH_ENDED, situation_of
from bot.analytics.counters import count_quietly
from bot.directory.interface import ServiceDirectory
from bot.directory.records import County
from bot.handoff import duty, feedback, service
from bot.labels import label

logger = logging.getLogger(__name__)

ROLES = ("parent", "pregnant", "partner", "relative", "professional")
SUBSTANCES = ("alcohol", "drugs", "cannabis", "opioids", "medicines", "other")
# Set by the consent question, read when the person says yes: a live chat, or a message left out of hours.
KIND_SLOT = "handoff_kind"
RESUMED_INTENTS = ("handoff_ended", "handoff_answered")


def consent_summary(tracker: Tracker) -> dict[str, str]:
    """What the guide is told: who asks, the need, the county, the language – coded values the person
    gave (the substance only if they named one), never their own words."""
    summary = {"county": tracker.get_slot("area"), "language": conversation_language(tracker)}
    if tracker.get_slot("role") in ROLES:
        summary["role"] = tracker.get_slot("role")
    if tracker.get_slot("concern") in CONCERNS and tracker.get_slot("concern") != "request_human":
        summary["concern"] = tracker.get_slot("concern")
    if tracker.get_slot("substance") in SUBSTANCES:
        summary["substance"] = tracker.get_slot("substance")
    return summary


def summary_text(summary: dict[str, str], county: County, lang: str) -> str:
    """The summary as the person reads it before agreeing: one line per fact, in their language."""
    values = {
        "role": summary.get("role") and label(f"role_{summary['role']}", lang),
        "concern": summary.get("concern") and label(f"concern_{summary['concern']}", lang),
        "substance": summary.get("substance") and label(f"substance_{summary['substance']}", lang),
        "area": county.name.get(lang),
        "language": label(f"language_{summary['language']}", lang),
    }
    return "\n".join("– " + label(f"summary_{field}", lang, value=value) for field, value in values.items() if value)


class HandoffAction(DirectoryAction):
    """An action on the handoff tables (and the directory); tests pass an engine and a directory.

    If the database fails the person is told that the chat with a guide does not work right now, with
    the emergency and crisis numbers, and the conversation is not paused."""

    unavailable_response = "utter_handoff_failed"

    def __init__(self, directory: Optional[ServiceDirectory] = None, engine: Optional[Engine] = None) -> None:
        super().__init__(directory)
        self._engine = engine

    @property
    def engine(self) -> Engine:
        from bot.db import shared_engine

        return self._engine or shared_engine()

    def county(self, tracker: Tracker) -> Optional[County]:
        area = tracker.get_slot("area")
        return self.directory.county(area) if area else None


class ActionAskHandoffConsent(HandoffAction):
    """On duty: ask consent to pass the summary. Otherwise say so honestly, give the county's contacts
    and the 24/7 lines, and offer to leave a message for the guide (with the same summary)."""

    def name(self) -> Text:
        return "action_ask_handoff_consent"

    def answer(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> List[EventType]:
        lang = conversation_language(tracker)
        county = self.county(tracker)
        if county is None:  # the form asks for the place first; this is a safety net
            return without_county(self.directory, dispatcher, tracker)
        waiting = service.open_for(self.engine, tracker.sender_id)
        if waiting is not None and waiting.kind == "message":
            dispatcher.utter_message(response="utter_handoff_message_pending")
            return []
        summary = summary_text(consent_summary(tracker), county, lang)
        if duty.on_duty(self.engine, county.code):
            dispatcher.utter_message(response="utter_ask_handoff_consent", summary=summary)
            return [SlotSet(KIND_SLOT, "live")]
        dispatcher.utter_message(
            response="utter_handoff_unavailable",
            county=county.name.get(lang),
            json_message={"type": "handoff_unavailable", "area": county.code},
        )
        # A live chat asked for when nobody is on duty: requested and missed at once, for the owners' numbers.
        for metric in ("handoff_requested", "handoff_missed"):
            count_quietly(self.engine, metric, county.code, lang, "out_of_hours")
        shown = county_guidance(self.directory, dispatcher, county, tracker.get_slot("municipality"), lang)
        lines = round_the_clock_lines(self.directory, tracker.get_slot("concern"), tracker.get_slot("role"), lang)
        for match in lines:
            utter_match(dispatcher, match, lang)
        dispatcher.utter_message(response="utter_offer_leave_message", summary=summary)
        return [SlotSet(KIND_SLOT, "message"), SlotSet("last_services", [m.service.id for m in shown + lines])]


class ActionStartHandoff(HandoffAction):
    """The person said yes: the conversation joins the county's queue and the bot falls silent
    (ConversationPaused) until the relay gives it back."""

    def name(self) -> Text:
        return "action_start_handoff"

    def answer(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> List[EventType]:
        lang = conversation_language(tracker)
        county = self.county(tracker)
        if county is None:
            return without_county(self.directory, dispatcher, tracker)
        kind = "message" if tracker.get_slot(KIND_SLOT) == "message" else "live"
        if kind == "live" and not duty.on_duty(self.engine, county.code):
            # The guides went off duty between the question and the yes: tell the person and offer a message.
            return [FollowupAction("action_ask_handoff_consent")]
        handoff = service.request(
            self.engine,
            tracker.sender_id,
            county.code,
            lang,
            channel=tracker.get_latest_input_channel() or "rest",
            kind=kind,
        )
        if handoff.state == "requested":
            handoff = service.consent(self.engine, handoff.id, consent_summary(tracker))
        payload = {"handoff_id": handoff.id, "area": handoff.county}
        if handoff.kind == "message":
            dispatcher.utter_message(
                response="utter_handoff_write_message", json_message={"type": "handoff_message", **payload}
            )
            return [SlotSet(KIND_SLOT, None), ConversationPaused()]
        position = service.position(self.engine, handoff)
        dispatcher.utter_message(
            response="utter_handoff_started",
            county=county.name.get(lang),
            position=position,
            json_message={"type": "handoff_started", **payload, "position": position},
        )
        wait = service.typical_wait(self.engine, handoff.county)
        if wait is not None:
            dispatcher.utter_message(
                response="utter_handoff_wait_estimate", minutes=max(1, round(wait.total_seconds() / 60))
            )
        return [SlotSet(KIND_SLOT, None), ConversationPaused()]


def without_county(directory: ServiceDirectory, dispatcher: CollectingDispatcher, tracker: Tracker) -> List[EventType]:
    """Guides work for one county each: without a place the person gets the anonymous national lines."""
    lang = conversation_language(tracker)
    kinds = [
        c.split(":", 1)[1]
        for c in categories_for(tracker.get_slot("concern"), tracker.get_slot("role"))
        if c.startswith("helpline:")
    ]
    matches = helpline_matches(directory, kinds + ["crisis"], lang)[:3]
    dispatcher.utter_message(response="utter_handoff_needs_county")
    for match in matches:
        utter_match(dispatcher, match, lang)
    return [SlotSet("last_services", [m.service.id for m in matches])]


class ActionHandoffWithoutCounty(HandoffAction):
    """The person would rather not say where they live."""

    def name(self) -> Text:
        return "action_handoff_without_county"

    def answer(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> List[EventType]:
        return without_county(self.directory, dispatcher, tracker)


class ActionRecordFeedback(Action):
    """Helpful / not helpful, stored with the county and language only (no conversation id)."""

    def __init__(self, engine: Optional[Engine] = None) -> None:
        self._engine = engine

    def name(self) -> Text:
        return "action_record_feedback"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> List[EventType]:
        from bot.db import shared_engine

        helpful = (tracker.latest_message.get("intent") or {}).get("name") == "feedback_helpful"
        after_handoff = any(
            e.get("event") == "user" and (e.get("parse_data") or {}).get("intent", {}).get("name") in RESUMED_INTENTS
            for e in tracker.events
        )
        try:  # in a worker thread: the action server's event loop never waits on the database
            await asyncio.to_thread(
                feedback.record,
                self._engine or shared_engine(),
                helpful,
                conversation_language(tracker),
                tracker.get_slot("area"),
                after_handoff=after_handoff,
            )
        except (SQLAlchemyError, OSError):  # the thanks claims nothing about storage, so it still fits
            logger.exception("feedback not stored")
        dispatcher.utter_message(response="utter_feedback_thanks" if helpful else "utter_feedback_thanks_not_helpful")
        return []


class ValidateHandoffForm(ValidateServiceForm):
    """The place for the handoff, read exactly as the service search reads it."""

    def name(self) -> Text:
        return "validate_handoff_form"


# A message this long that the classifier could not place but whose words named a worry is a story, not noise.
STORY_WORDS = 12


def _worry_in_a_long_message(tracker: Tracker, actions_before: list) -> bool:
    situation = situation_of(tracker)
    turn = situation.get("turn")
    read_now = [n for n, e in situation.get("needs", {}).items() if e.get("turn") == turn and e["confidence"] >= 0.5]
    searched = SEARCH_ENDED & set(actions_before)
    words = len((tracker.latest_message or {}).get("text", "").split())
    return bool(read_now) and words >= STORY_WORDS and not searched and not (tracker.active_loop or {}).get("name")


class ActionNotUnderstood(Action):
    """Asks to rephrase; when the bot has missed twice in a row, offers a service guide instead."""

    def name(self) -> Text:
        return "action_not_understood"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> List[EventType]:
        users = [i for i, e in enumerate(tracker.events) if e.get("event") == "user"]
        intents = [(tracker.events[i].get("parse_data") or {}).get("intent", {}).get("name") for i in users]
        before = [
            e.get("name")
            for e in tracker.events[: users[-1] if users else 0]
            if e.get("event") == "action" and e.get("name") != "action_listen"
        ]
        offered = bool(before) and before[-1] == "utter_offer_handoff_after_fallback"
        if _worry_in_a_long_message(tracker, before):
            return [FollowupAction("service_form")]  # the story named a worry: go on to the place and services
        if intents[-2:] == ["nlu_fallback", "nlu_fallback"] and not offered:
            # A follow-up, not a message of this action: the offer's own rule then handles the yes or no.
            return [FollowupAction("utter_offer_handoff_after_fallback")]
        dispatcher.utter_message(response="utter_fallback")
        return []
