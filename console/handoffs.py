"""What a guide can do with a handoff, with the access rules, shared by the console pages and the JSON API.

Rules: a guide sees the waiting queues of their own counties (admins: all); the conversation itself
(messages, the bot part before the handoff) is shown only to the guide who took it (and admins).
Unconsented requests are never shown. Every change tells the person through the outbox (sender
"system", a custom payload plus a sentence in the person's language).
"""

from __future__ import annotations

from typing import Any, Iterable, Optional

from sqlalchemy.engine import Engine

from bot.handoff import messages, service
from bot.handoff.records import AlreadyTaken, Handoff, HandoffError, Message
from bot.handoff.schema import STATES
from bot.places.registry import county_names
from connectors import limits
from console import strings
from console.accounts import Guide, by_id

LISTABLE_STATES = tuple(s for s in STATES if s != "requested")  # no consent yet: nothing to show


class ConsoleError(Exception):
    """Refused; `status` is the HTTP status, `code` a key of strings.UI (and the API's error code)."""

    status = 400

    def __init__(self, code: str) -> None:
        super().__init__(code)
        self.code = code


class NotFound(ConsoleError):
    status = 404


class Forbidden(ConsoleError):
    status = 403


class Conflict(ConsoleError):
    status = 409


def county_label(code: Optional[str], lang: str) -> str:
    """The region name people use ("Lappi" / "Lappland"), else the county's official name, else the code."""
    county = county_names().get(code or "")
    if county is None:
        return code or ""
    if lang == "sv":
        return county.region_sv or county.name_sv
    return county.region_fi or county.name_fi


def visible(guide: Guide, handoff: Handoff) -> bool:
    return handoff.state != "requested" and (guide.sees(handoff.county) or handoff.guide_id == guide.id)


def may_read(guide: Guide, handoff: Handoff) -> bool:
    """The conversation's content: its guide, or an admin (who may have to step in)."""
    return handoff.guide_id == guide.id or (guide.is_admin and handoff.state != "requested")


def well_formed_id(handoff_id: str) -> bool:
    """Handoff ids are short ASCII letters, digits, - and _ (what the database is never asked about otherwise:
    PostgreSQL refuses a NUL character with an error, not an empty answer)."""
    return 0 < len(handoff_id) <= 32 and handoff_id.isascii() and handoff_id.replace("-", "").replace("_", "").isalnum()


def load(engine: Engine, guide: Guide, handoff_id: str) -> Handoff:
    """The handoff if this guide may see it; otherwise NotFound (we do not tell whether it exists)."""
    if not well_formed_id(handoff_id):
        raise NotFound("not_found")
    handoff = service.get(engine, handoff_id)
    if handoff is None or not visible(guide, handoff):
        raise NotFound("not_found")
    return handoff


def listing(
    engine: Engine, guide: Guide, states: Iterable[str] = ("waiting",), county: Optional[str] = None, mine: bool = False
) -> list[Handoff]:
    """Handoffs in the given states of the guide's counties (or of one of them), oldest first;
    `mine`: only those the guide has taken, whatever county they are in."""
    states = tuple(s for s in states if s in LISTABLE_STATES)
    if county is not None and not guide.sees(county):
        raise Forbidden("forbidden")
    if mine:
        found = service.queue(engine, None, states)
        return [h for h in found if h.guide_id == guide.id and (county is None or h.county == county)]
    counties = [county] if county else (None if guide.is_admin else list(guide.counties))
    return service.queue(engine, counties, states)


def _status(engine: Engine, handoff: Handoff, kind: str, guide_name: Optional[str] = None) -> Message:
    """{"text": in the person's language, "custom": {"type": kind, "handoff_id", …}} to the outbox."""
    custom: dict[str, Any] = {"type": kind, "handoff_id": handoff.id, "kind": handoff.kind}
    if kind == "handoff_forwarded":
        custom.update(area=handoff.county, forwarded_from=handoff.forwarded_from)
        text = strings.status(kind, handoff.language, county=county_label(handoff.county, handoff.language))
    else:
        custom["guide_name"] = guide_name
        # A left message is answered, not chatted about: its own sentences.
        sentence = f"{kind}_message" if handoff.kind == "message" else kind
        text = strings.status(sentence, handoff.language, name=guide_name)
    return messages.post(
        engine, handoff.conversation_id, "system", {"text": text, "custom": custom}, handoff.id, guide_name=guide_name
    )


def take(engine: Engine, guide: Guide, handoff_id: str) -> Handoff:
    handoff = load(engine, guide, handoff_id)
    if not guide.sees(handoff.county):
        raise NotFound("not_found")
    try:
        taken = service.take(engine, handoff.id, guide.id)
    except AlreadyTaken:
        current = service.get(engine, handoff.id)
        raise Conflict("already_taken" if current and current.state == "active" else "not_waiting") from None
    _status(engine, taken, "handoff_joined", guide.display_name)
    return taken


def read(engine: Engine, guide: Guide, handoff_id: str, after_id: int = 0) -> tuple[Handoff, list[Message]]:
    handoff = load(engine, guide, handoff_id)
    if not may_read(guide, handoff):
        raise Forbidden("taken_by_other" if handoff.state == "active" else "forbidden")
    return handoff, messages.history(engine, handoff.conversation_id, after_id, handoff_id=handoff.id)


def _own_active(engine: Engine, guide: Guide, handoff_id: str, admin_may: bool) -> Handoff:
    handoff = load(engine, guide, handoff_id)
    if handoff.state != "active":
        raise Conflict("not_active")
    if handoff.guide_id != guide.id and not (admin_may and guide.is_admin):
        raise Forbidden("taken_by_other")
    return handoff


def say(engine: Engine, guide: Guide, handoff_id: str, text: object) -> Message:
    """The guide writes to the person (delivered by the person's channel from the outbox)."""
    cleaned, _cut = limits.truncate(limits.clean(text))
    if not cleaned:
        raise ConsoleError("message_empty")
    handoff = _own_active(engine, guide, handoff_id, admin_may=False)
    return messages.post(
        engine, handoff.conversation_id, "guide", {"text": cleaned}, handoff.id, guide_name=guide.display_name
    )


def end(engine: Engine, guide: Guide, handoff_id: str) -> Handoff:
    """Back to the bot: the relay in the Rasa server resumes the conversation within about a second."""
    handoff = _own_active(engine, guide, handoff_id, admin_may=True)
    try:
        ended = service.end(engine, handoff.id)
    except HandoffError:
        raise Conflict("not_active") from None
    _status(engine, ended, "handoff_ended", _guide_name(engine, handoff, guide))
    return ended


def _guide_name(engine: Engine, handoff: Handoff, acting: Guide) -> str:
    """The name the person knows: the guide who took the conversation (an admin may end it for them)."""
    if handoff.guide_id in (None, acting.id):
        return acting.display_name
    taker = by_id(engine, handoff.guide_id)
    return taker.display_name if taker else acting.display_name


def forward(engine: Engine, guide: Guide, handoff_id: str, county: str) -> Handoff:
    """To another county's queue; an active conversation only by its guide (or an admin)."""
    if county not in county_names():
        raise ConsoleError("unknown_county")
    handoff = load(engine, guide, handoff_id)
    if handoff.state == "active" and handoff.guide_id != guide.id and not guide.is_admin:
        raise Forbidden("taken_by_other")
    if handoff.state not in ("waiting", "active"):
        raise Conflict("not_waiting")
    if county == handoff.county:
        raise Conflict("same_county")
    try:
        moved = service.forward(engine, handoff.id, county)
    except HandoffError:
        raise Conflict("not_active") from None
    _status(engine, moved, "handoff_forwarded")
    return moved
