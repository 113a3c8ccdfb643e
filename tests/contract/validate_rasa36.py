"""Check action-server replies with Rasa 3.6's own rules; run in .venv-rasa (Python 3.10, Rasa 3.6.21).

Reads a JSON list of replies on stdin; prints a JSON list with one error string (or null) per reply. A reply
passes when it validates against RemoteAction's response schema and every event deserialises into a
Rasa 3.6 event (an event type Rasa 3.6 does not know, such as rasa-sdk's `session_ended`, fails).
"""

from __future__ import annotations

import json
import sys


def check(reply: dict) -> str | None:
    import jsonschema
    from rasa.core.actions.action import RemoteAction
    from rasa.shared.core.events import Event

    try:
        jsonschema.validate(reply, RemoteAction.action_response_format_spec())
    except jsonschema.ValidationError as error:
        return f"schema: {error.message}"
    for event in reply.get("events") or []:
        if Event.resolve_by_type(event.get("event"), default=None) is None:
            return f"unknown event type {event.get('event')!r}"
        if Event.from_parameters(event) is None:
            return f"event does not deserialise: {event}"
    return None


def main() -> int:
    replies = json.load(sys.stdin)
    json.dump([check(reply) for reply in replies], sys.stdout)
    return 0


if __name__ == "__main__":
    sys.exit(main())
