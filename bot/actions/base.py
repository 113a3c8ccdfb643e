"""What every action needs: the conversation's language, the person's own words, the directory."""

from __future__ import annotations

import asyncio
import logging
from abc import ABC, abstractmethod
from typing import Any, Dict, List, Optional, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType
from rasa_sdk.executor import CollectingDispatcher
from sqlalchemy.exc import SQLAlchemyError

from bot.directory import ServiceDirectory, default_directory
from bot.privacy.logs import pseudonym

logger = logging.getLogger(__name__)

DEFAULT_LANGUAGE = "fi"


def conversation_language(tracker: Tracker) -> str:
    """fi or sv, as kept by the LanguagePolicy in the Rasa server."""
    return tracker.get_slot("language") if tracker.get_slot("language") in ("fi", "sv") else DEFAULT_LANGUAGE


def user_texts(tracker: Tracker) -> list[str]:
    """The person's own messages of this session, newest first (button payloads left out)."""
    texts = []
    for event in reversed(tracker.events):
        if event.get("event") == "session_started":
            break
        if event.get("event") == "user" and event.get("text") and not event["text"].startswith("/"):
            texts.append(event["text"])
    return texts


class DirectoryAction(Action, ABC):
    """An action that reads the service directory; tests pass an in-memory one.

    Its work (`answer`) runs in a worker thread: directory lookups, handoff records and counters are
    blocking database calls, and the action server's event loop must stay free for other conversations.
    If the database fails, the person still gets the national emergency and crisis lines (a domain
    response that needs no database) instead of silence.
    """

    # What the person is told when the database fails; subclasses name their own.
    unavailable_response = "utter_directory_unavailable"

    def __init__(self, directory: Optional[ServiceDirectory] = None) -> None:
        self._directory = directory

    @property
    def directory(self) -> ServiceDirectory:
        return self._directory or default_directory()

    @abstractmethod
    def name(self) -> Text:
        """The action's name in the domain."""

    @abstractmethod
    def answer(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]) -> List[EventType]:
        """The action's work, with the directory; runs in a worker thread, so it may block on the database."""

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]) -> List[EventType]:
        try:
            return await asyncio.to_thread(self.answer, dispatcher, tracker, domain)
        except (SQLAlchemyError, OSError):
            # The conversation's pseudonym lets an operator match this with the Rasa server's log lines.
            logger.exception("database unavailable in %s (%s)", self.name(), pseudonym(tracker.sender_id))
            dispatcher.messages.clear()
            dispatcher.utter_message(response=self.unavailable_response)
            return []
