"""Redacted copies of Rasa events (as the dicts Rasa serialises them to), before they are stored.

Plain dicts in and out, no Rasa import: the tracker store (bot.server.tracker_store) calls this on each
new event. What is redacted:
- the person's message: `text`, `parse_data.text`, and entity values that repeat a redacted part of it
  (entity offsets are moved so they still point at the right words of the stored text);
- channel metadata on the message and in `session_started_metadata` (a channel may pass a user name);
- values of slots filled from free text (`from_text` mappings).
Bot messages are ours and stay as they are; so do intents, slots with fixed values and the language.
"""

from __future__ import annotations

import copy
from typing import Iterable

from bot.privacy.redaction import apply, find, offset_map, redact_value

METADATA_SLOT = "session_started_metadata"


def _user(data: dict) -> dict:
    text = data.get("text")
    out = copy.deepcopy(data)
    if isinstance(text, str) and text:
        findings = find(text)
        if findings:
            shifted = offset_map(findings)
            out["text"] = apply(text, findings)
            parse = out.get("parse_data") or {}
            if parse.get("text") == text:
                parse["text"] = out["text"]
            for entity in parse.get("entities") or []:
                _move_entity(entity, text, findings, shifted)
    if out.get("metadata"):
        out["metadata"] = redact_value(out["metadata"])
    parse = out.get("parse_data")
    if isinstance(parse, dict) and parse.get("metadata"):
        parse["metadata"] = redact_value(parse["metadata"])
    return out


def _move_entity(entity: dict, text: str, findings, shifted) -> None:
    start, end = entity.get("start"), entity.get("end")
    if not isinstance(start, int) or not isinstance(end, int):
        return
    covering = next((f for f in findings if f.start < end and start < f.end), None)
    if (
        covering is not None
        and isinstance(entity.get("value"), str)
        and entity["value"].strip().lower() in text[start:end].strip().lower()
    ):
        entity["value"] = covering.placeholder  # the value repeats personal data (e.g. a name taken as a place)
    entity["start"], entity["end"] = shifted(start), shifted(end)


def redact_event(data: dict, free_text_slots: Iterable[str] = ()) -> dict:
    """A redacted copy of one serialised event (the same dict when nothing needs redacting)."""
    kind = data.get("event")
    if kind == "user":
        return _user(data)
    if kind == "slot" and (data.get("name") in set(free_text_slots) or data.get("name") == METADATA_SLOT):
        value = redact_value(data.get("value"))
        return data if value == data.get("value") else {**data, "value": value}
    if kind == "session_started" and data.get("metadata"):
        return {**data, "metadata": redact_value(data["metadata"])}
    return data
