"""Notice, inside the Rasa server, when a custom action fails (action server down, an error in it).

Rasa logs such a failure and carries on with the turn as if the action had said nothing; the person
may then get no answer, or only the question a form asked before. We wrap RemoteAction.run to note
the failure for the conversation's current turn, and re-raise so that Rasa's own handling is
unchanged; the SafetyPolicy then answers with the county's contact or the national lines (a domain
response: it needs neither the action server nor a database). Doing this in the Rasa server rather
than in a channel keeps the answer in the conversation's history and works for every channel.
"""

from __future__ import annotations

import logging
from collections import OrderedDict
from typing import Any, Optional

from rasa.core.actions.action import ActionExecutionRejection, RemoteAction
from rasa.shared.core.trackers import DialogueStateTracker

logger = logging.getLogger(__name__)

_MAX_CONVERSATIONS = 10_000
# sender id -> the turn (timestamp of its user message) in which a custom action failed
_failed: "OrderedDict[str, Optional[float]]" = OrderedDict()
_original_run = RemoteAction.run


def _turn(tracker: DialogueStateTracker) -> Optional[float]:
    message = tracker.latest_message
    return getattr(message, "timestamp", None) if message is not None else None


def mark_failed(tracker: DialogueStateTracker) -> None:
    _failed[tracker.sender_id] = _turn(tracker)
    _failed.move_to_end(tracker.sender_id)
    while len(_failed) > _MAX_CONVERSATIONS:
        _failed.popitem(last=False)


def failed_this_turn(tracker: DialogueStateTracker) -> bool:
    turn = _turn(tracker)
    return turn is not None and _failed.get(tracker.sender_id) == turn


async def _guarded_run(
    self: RemoteAction, output_channel: Any, nlg: Any, tracker: DialogueStateTracker, domain: Any
) -> list:
    try:
        return await _original_run(self, output_channel, nlg, tracker, domain)
    except ActionExecutionRejection:
        raise  # a form's "I could not validate that": part of normal dialogue, not a failure
    except Exception:
        mark_failed(tracker)
        raise


def install() -> None:
    """Wrap RemoteAction.run once (idempotent)."""
    if RemoteAction.run is not _guarded_run:
        RemoteAction.run = _guarded_run
