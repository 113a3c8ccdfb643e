"""The console's JSON API under /guide/api/ (documented in docs/console.md, "JSON API").

Authentication: the console's session cookie plus the X-CSRF-Token header on changes, or
`Authorization: Bearer <token>` (python -m console create-token). Errors are
{"error": code, "message": sentence in the guide's language} with 400/401/403/404/409.
"""

from __future__ import annotations

import asyncio
import re
from datetime import datetime
from typing import Optional

from aiohttp import web

from bot.handoff.records import Handoff, Message
from bot.handoff.service import utcnow
from console import accounts, duty, handoffs, sessions, transcript
from console.handoffs import ConsoleError, county_label
from console.web import CONFIG, api_error, run

routes = web.RouteTableDef()
# Message ids are database integers: anything outside is refused before it reaches SQL (10**20 gave a 500).
MAX_ID = 2**31 - 1


def iso(value: Optional[datetime]) -> Optional[str]:
    return value.isoformat(timespec="seconds") + "Z" if value else None


def handoff_json(handoff: Handoff, guide: accounts.Guide, lang: str, now: Optional[datetime] = None) -> dict:
    """A handoff as the API shows it. The conversation id stays out: it is the person's channel identity."""
    now = now or utcnow()
    return {
        "id": handoff.id,
        "state": handoff.state,
        "kind": handoff.kind,
        "county": handoff.county,
        "county_name": county_label(handoff.county, lang),
        "language": handoff.language,
        "summary": handoff.summary,
        "forwarded_from": handoff.forwarded_from,
        "queued_at": iso(handoff.queued_at),
        "taken_at": iso(handoff.taken_at),
        "closed_at": iso(handoff.closed_at),
        "waited_seconds": int((now - handoff.queued_at).total_seconds()) if handoff.queued_at else None,
        "mine": handoff.guide_id == guide.id,
    }


def message_json(message: Message) -> dict:
    body = message.body
    out = {"id": message.id, "sender": message.sender, "text": body.get("text"), "created_at": iso(message.created_at)}
    for key in ("buttons", "custom", "risk"):
        if body.get(key):
            out[key] = body[key]
    if message.guide_name:
        out["guide_name"] = message.guide_name
    return out


def bounded_int(text: str, low: int, high: int) -> Optional[int]:
    """The integer `text` when it is plain decimal digits within [low, high], else None."""
    text = text.strip()
    if not re.fullmatch(r"-?[0-9]{1,12}", text):
        return None
    value = int(text)
    return value if low <= value <= high else None


def refused(request: web.Request, exc: ConsoleError) -> web.Response:
    return api_error(request, exc.status, exc.code)


async def _body(request: web.Request) -> dict:
    try:
        body = await request.json()
    except ValueError:
        raise ConsoleError("bad_request") from None
    if not isinstance(body, dict):
        raise ConsoleError("bad_request")
    return body


@routes.get("/guide/api/me")
async def me(request: web.Request) -> web.Response:
    guide: accounts.Guide = request["guide"]
    return web.json_response(
        {
            "username": guide.username,
            "display_name": guide.display_name,
            "role": guide.role,
            "counties": list(guide.visible_counties()),
        }
    )


@routes.get("/guide/api/handoffs")
async def list_handoffs(request: web.Request) -> web.Response:
    """?state=waiting (default; comma-separated for several), ?county=lappi, ?mine=1."""
    guide: accounts.Guide = request["guide"]
    states = [s for s in request.query.get("state", "waiting").split(",") if s]
    if any(s not in handoffs.LISTABLE_STATES for s in states):
        return api_error(request, 400, "bad_request")
    county = request.query.get("county") or None
    mine = request.query.get("mine", "") in ("1", "true", "yes")
    try:
        found = await run(request, handoffs.listing, guide, states, county, mine)
    except ConsoleError as exc:
        return refused(request, exc)
    now = utcnow()
    return web.json_response({"handoffs": [handoff_json(h, guide, request["lang"], now) for h in found]})


@routes.get("/guide/api/handoffs/{handoff_id}")
async def show_handoff(request: web.Request) -> web.Response:
    """One handoff; for its guide (and admins) also `before_handoff`, the conversation with the bot."""
    guide: accounts.Guide = request["guide"]
    try:
        handoff = await run(request, handoffs.load, guide, request.match_info["handoff_id"])
    except ConsoleError as exc:
        return refused(request, exc)
    out = handoff_json(handoff, guide, request["lang"])
    if handoffs.may_read(guide, handoff):
        lines = await asyncio.to_thread(transcript.before_handoff, handoff, request.app[CONFIG]["tracker_store_url"])
        out["before_handoff"] = [
            {"sender": line.sender, "text": line.text, "buttons": list(line.buttons)} for line in lines
        ]
    return web.json_response(out)


async def _change(request: web.Request, change) -> web.Response:
    """Apply a console change (take, end) to the handoff of the URL; answer with the handoff as it is now."""
    try:
        handoff = await run(request, change, request["guide"], request.match_info["handoff_id"])
    except ConsoleError as exc:
        return refused(request, exc)
    return web.json_response(handoff_json(handoff, request["guide"], request["lang"]))


@routes.post("/guide/api/handoffs/{handoff_id}/take")
async def take(request: web.Request) -> web.Response:
    return await _change(request, handoffs.take)


@routes.get("/guide/api/handoffs/{handoff_id}/messages", name="api_messages")
async def read_messages(request: web.Request) -> web.Response:
    """?after=<message id>: the messages of this handoff after it, and the handoff's current state."""
    guide: accounts.Guide = request["guide"]
    after = bounded_int(request.query.get("after", "0"), 0, MAX_ID)
    if after is None:
        return api_error(request, 400, "bad_request")
    try:
        handoff, found = await run(request, handoffs.read, guide, request.match_info["handoff_id"], after)
    except ConsoleError as exc:
        return refused(request, exc)
    return web.json_response(
        {"handoff": handoff_json(handoff, guide, request["lang"]), "messages": [message_json(m) for m in found]}
    )


@routes.post("/guide/api/handoffs/{handoff_id}/messages")
async def send_message(request: web.Request) -> web.Response:
    """{"text": "..."} to the person."""
    try:
        body = await _body(request)
        message = await run(request, handoffs.say, request["guide"], request.match_info["handoff_id"], body.get("text"))
    except ConsoleError as exc:
        return refused(request, exc)
    return web.json_response(message_json(message), status=201)


@routes.post("/guide/api/handoffs/{handoff_id}/end")
async def end(request: web.Request) -> web.Response:
    return await _change(request, handoffs.end)


@routes.post("/guide/api/handoffs/{handoff_id}/forward")
async def forward(request: web.Request) -> web.Response:
    """{"county": "kainuu"}"""
    try:
        body = await _body(request)
        handoff = await run(
            request, handoffs.forward, request["guide"], request.match_info["handoff_id"], str(body.get("county", ""))
        )
    except ConsoleError as exc:
        return refused(request, exc)
    return web.json_response(handoff_json(handoff, request["guide"], request["lang"]))


def duty_json(state: duty.DutyState) -> dict:
    return {
        "county": state.county,
        "county_name": state.label,
        "switch": state.switch,
        "on_duty": state.on_duty,
        "hours": state.hours,
        "ranges": [{"weekday": d, "opens": o, "closes": c} for d, o, c in state.ranges],
    }


@routes.get("/guide/api/duty")
async def duty_list(request: web.Request) -> web.Response:
    found = await run(request, duty.states, request["guide"], request["lang"])
    return web.json_response({"duty": [duty_json(state) for state in found]})


@routes.get("/guide/api/duty/{county}")
async def duty_show(request: web.Request) -> web.Response:
    try:
        state = await run(request, duty.state, request["guide"], request.match_info["county"], request["lang"])
    except ConsoleError as exc:
        return refused(request, exc)
    return web.json_response(duty_json(state))


@routes.put("/guide/api/duty/{county}")
async def duty_change(request: web.Request) -> web.Response:
    """{"switch": "on"|"off"|"auto"} and/or {"hours": "ma-pe 08:00-16:00"}; what is left out stays."""
    guide: accounts.Guide = request["guide"]
    try:
        county = duty.allowed(guide, request.match_info["county"])
        body = await _body(request)
        hours = str(body["hours"]) if body.get("hours") is not None else None
        state = await run(request, duty.change, guide, county, request["lang"], hours, body.get("switch"))
    except ConsoleError as exc:
        return refused(request, exc)
    return web.json_response(duty_json(state))


def token_json(info: sessions.TokenInfo) -> dict:
    return {
        "id": info.id,
        "label": info.label,
        "username": info.username,
        "created_at": iso(info.created_at),
        "last_used_at": iso(info.last_used_at),
        "expires_at": iso(info.expires_at),
    }


@routes.get("/guide/api/tokens")
async def list_tokens(request: web.Request) -> web.Response:
    """The API tokens (an admin: everyone's; a guide: their own), never the tokens themselves."""
    guide: accounts.Guide = request["guide"]
    found = await run(request, sessions.list_tokens, None if guide.is_admin else guide.id)
    return web.json_response({"tokens": [token_json(t) for t in found]})


@routes.delete("/guide/api/tokens/{token_id}")
async def revoke_token(request: web.Request) -> web.Response:
    """End one token by its id (an admin: anyone's; a guide: their own). 404 when there is none."""
    guide: accounts.Guide = request["guide"]
    token_id = request.match_info["token_id"]
    if not (len(token_id) == sessions.TOKEN_ID_CHARS and all(c in "0123456789abcdef" for c in token_id)):
        return api_error(request, 404, "token_not_found")
    revoked = await run(request, sessions.revoke_token, token_id, None if guide.is_admin else guide.id)
    if not revoked:
        return api_error(request, 404, "token_not_found")
    return web.json_response({"revoked": [token_json(t) for t in revoked]})


def add_routes(app: web.Application) -> None:
    app.add_routes(routes)
