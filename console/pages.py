"""The console's HTML pages: login, the queue, one conversation, duty hours. Forms work without
JavaScript (post, then redirect); console.js adds live updates by polling."""

from __future__ import annotations

import asyncio
import hmac
import secrets
from datetime import datetime
from functools import lru_cache
from typing import Optional

import jinja2
from aiohttp import web

from bot.handoff import messages
from bot.handoff.service import utcnow
from bot.labels import label
from bot.places.registry import county_names
from console import accounts, duty, handoffs, sessions, strings, transcript
from console.handoffs import ConsoleError, county_label
from console.web import (
    CONFIG,
    HERE,
    LOGIN_COOKIE,
    PREFIX,
    SESSION_COOKIE,
    client_address,
    del_cookie,
    get_cookie,
    login_form_token,
    run,
    set_cookie,
    url,
)

routes = web.RouteTableDef()


@lru_cache(maxsize=1)
def _templates() -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(HERE / "templates")),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )


def waited(since: Optional[datetime], lang: str, now: Optional[datetime] = None) -> str:
    minutes = max(0, int(((now or utcnow()) - since).total_seconds() // 60)) if since else 0
    if minutes < 60:
        return strings.ui("minutes", lang, minutes=minutes)
    return strings.ui("hours_minutes", lang, hours=minutes // 60, minutes=minutes % 60)


def value_label(key: str, value: str, lang: str) -> str:
    """A coded summary value in words: the bot's own label (bot/labels.yml <key>_<value>, the
    words the person saw when agreeing), a county's name, or the code itself."""
    if key in ("area", "county"):
        return county_label(value, lang)
    try:
        return label(f"{key}_{value}", lang)
    except KeyError:
        return value


def summary_items(summary: dict, lang: str) -> list[tuple[str, str]]:
    """The consented summary as (label, value) pairs in the console's language."""
    items = []
    for key, value in summary.items():
        if value in (None, "", [], {}):
            continue
        label = strings.ui(f"summary_{key}", lang) if f"summary_{key}" in strings.UI else key
        if isinstance(value, (list, tuple)):
            shown = ", ".join(value_label(key, str(v), lang) for v in value)
        else:
            shown = value_label(key, str(value), lang)
        items.append((label, shown))
    return items


def render(request: web.Request, template: str, status: int = 200, **context) -> web.Response:
    lang = request.get("lang", "fi")
    notice = request.query.get("notice")
    base = {
        "lang": lang,
        "guide": request.get("guide"),
        "csrf_token": request.get("csrf_token", ""),
        "t": lambda key, **values: strings.ui(key, lang, **values),
        "county": lambda code: county_label(code, lang),
        "summary": lambda h: summary_items(h.summary, lang),
        "waited": lambda h: waited(h.queued_at, lang),
        # Only fixed sentences (a key of strings.UI without placeholders), never text from the URL.
        "notice": strings.ui(notice, lang) if notice in strings.UI and "{" not in strings.ui(notice, lang) else None,
        "owners_link": request.app[CONFIG]["owners_link"],
        "path": request.path,
        "url": lambda name, **parts: url(request, name, **parts),
    }
    html = _templates().get_template(template).render(**{**base, **context})
    return web.Response(text=html, status=status, content_type="text/html", charset="utf-8")


def _safe_next(request: web.Request, target: Optional[str]) -> str:
    """Only a console path of this site (no //host, no scheme) after a login."""
    if target and target.startswith(PREFIX + "/") and not target.startswith("//") and "\\" not in target:
        return target
    return url(request, "queue")


# ---------------------------------------------------------------- login


@routes.get("/guide/login", name="login")
async def login_form(request: web.Request) -> web.StreamResponse:
    token = get_cookie(request, SESSION_COOKIE)
    if token and await run(request, sessions.resume, token, request.app[CONFIG]["session_minutes"]):
        raise web.HTTPSeeOther(_safe_next(request, request.query.get("next")))
    return _login_page(request)


def _nonce(value: str) -> bool:
    return len(value) == 43 and value.replace("-", "").replace("_", "").isalnum()


def _login_page(
    request: web.Request, status: int = 200, error: Optional[str] = None, wait: Optional[int] = None
) -> web.Response:
    # Keep a nonce the browser already has: a second tab, or a favicon request answered with this page,
    # must not invalidate the form that is already open. The form carries the nonce's signature, so a
    # nonce planted by someone else is useless without the console's key.
    existing = get_cookie(request, LOGIN_COOKIE)
    nonce = existing if _nonce(existing) else secrets.token_urlsafe(32)
    response = render(
        request,
        "login.html",
        status=status,
        form_token=login_form_token(request, nonce),
        error=error,
        wait=wait,
        next=_safe_next(request, request.query.get("next")),
    )
    set_cookie(response, request, LOGIN_COOKIE, nonce, max_age=3600)
    if wait:
        response.headers["Retry-After"] = str(wait)
    return response


@routes.post("/guide/login")
async def login(request: web.Request) -> web.StreamResponse:
    form = await request.post()
    sent, nonce = str(form.get("csrf_token", "")), get_cookie(request, LOGIN_COOKIE)
    if (
        not sent
        or not _nonce(nonce)
        or not hmac.compare_digest(sent.encode(), login_form_token(request, nonce).encode())
    ):
        return web.Response(status=403, text=strings.ui("csrf_failed", request["lang"]), content_type="text/plain")
    username, password = str(form.get("username", ""))[:80], str(form.get("password", ""))[:1000]
    address = client_address(request)
    wait = await run(request, sessions.claim_attempt, username, address)
    if wait is not None:
        return _login_page(request, 429, "login_wait", wait=wait)
    try:
        guide = await run(request, accounts.authenticate, username, password)
    except Exception:
        await run(request, sessions.attempt_abandoned, username)
        raise
    if guide is None:
        await run(request, sessions.attempt_failed, username, address)
        return _login_page(request, 401, "login_failed")
    await run(request, sessions.attempt_succeeded, username)
    live = await run(request, sessions.start, guide, request.app[CONFIG]["session_minutes"])
    response = web.HTTPSeeOther(_safe_next(request, str(form.get("next", ""))))
    set_cookie(response, request, SESSION_COOKIE, live.token)
    del_cookie(response, request, LOGIN_COOKIE)
    raise response


@routes.post("/guide/logout", name="logout")
async def logout(request: web.Request) -> web.StreamResponse:
    await run(request, sessions.end, get_cookie(request, SESSION_COOKIE))
    response = web.HTTPSeeOther(url(request, "login", query={"notice": "logged_out"}))
    del_cookie(response, request, SESSION_COOKIE)
    raise response


# ---------------------------------------------------------------- queue


@routes.get("/")
@routes.get("/guide")
async def home(request: web.Request) -> web.StreamResponse:
    raise web.HTTPSeeOther(url(request, "queue"))


async def _queues(request: web.Request) -> dict:
    guide: accounts.Guide = request["guide"]
    waiting = await run(request, handoffs.listing, guide, ("waiting",))
    mine = await run(request, handoffs.listing, guide, ("active",), None, True)
    by_county: dict[str, list] = {}
    for handoff in waiting:
        by_county.setdefault(handoff.county, []).append(handoff)
    # A guide always sees their own counties (also when empty); an admin sees the non-empty ones.
    codes = list(guide.counties) + sorted(c for c in by_county if c not in guide.counties)
    queues = [{"code": c, "label": county_label(c, request["lang"]), "items": by_county.get(c, [])} for c in codes]
    # Messages the crisis net flagged (acute or uncertain) mark their handoff in the queue.
    flags = await run(request, messages.risk_flags, [h.id for h in [*waiting, *mine]])
    return {"queues": queues, "mine": mine, "total": len(waiting), "flags": flags}


@routes.get("/guide/", name="queue")
async def queue_page(request: web.Request) -> web.Response:
    return render(request, "queue.html", **await _queues(request))


@routes.get("/guide/queue", name="queue_fragment")
async def queue_fragment(request: web.Request) -> web.Response:
    """The queue's live part, polled by console.js."""
    return render(request, "queue_fragment.html", **await _queues(request))


@routes.post("/guide/handoffs/{handoff_id}/take", name="take")
async def take(request: web.Request) -> web.StreamResponse:
    handoff_id = request.match_info["handoff_id"]
    try:
        await run(request, handoffs.take, request["guide"], handoff_id)
    except ConsoleError as exc:
        raise web.HTTPSeeOther(url(request, "queue", query={"notice": exc.code}))
    raise web.HTTPSeeOther(url(request, "conversation", handoff_id=handoff_id))


# ---------------------------------------------------------------- one conversation


@routes.get("/guide/handoffs/{handoff_id}", name="conversation")
async def conversation(request: web.Request) -> web.Response:
    guide: accounts.Guide = request["guide"]
    try:
        handoff, history = await run(request, handoffs.read, guide, request.match_info["handoff_id"])
    except ConsoleError as exc:
        return render(request, "error.html", status=exc.status, message=strings.ui(exc.code, request["lang"]))
    before = await asyncio.to_thread(transcript.before_handoff, handoff, request.app[CONFIG]["tracker_store_url"])
    others = sorted(
        ((c, county_label(c, request["lang"])) for c in county_names() if c != handoff.county), key=lambda pair: pair[1]
    )
    return render(
        request,
        "conversation.html",
        h=handoff,
        before=before,
        history=history,
        last_id=max((m.id for m in history), default=0),
        can_write=handoff.state == "active" and handoff.guide_id == guide.id,
        can_end=handoff.state == "active" and (handoff.guide_id == guide.id or guide.is_admin),
        can_forward=handoff.state in ("waiting", "active") and (handoff.guide_id == guide.id or guide.is_admin),
        other_counties=others,
    )


def _back(request: web.Request, handoff_id: str, code: str) -> web.HTTPSeeOther:
    return web.HTTPSeeOther(url(request, "conversation", handoff_id=handoff_id, query={"notice": code}))


@routes.post("/guide/handoffs/{handoff_id}/messages", name="say")
async def say(request: web.Request) -> web.StreamResponse:
    handoff_id = request.match_info["handoff_id"]
    form = await request.post()
    try:
        await run(request, handoffs.say, request["guide"], handoff_id, form.get("text"))
    except ConsoleError as exc:
        raise _back(request, handoff_id, exc.code)
    raise web.HTTPSeeOther(url(request, "conversation", handoff_id=handoff_id))


@routes.post("/guide/handoffs/{handoff_id}/end", name="end")
async def end(request: web.Request) -> web.StreamResponse:
    handoff_id = request.match_info["handoff_id"]
    try:
        await run(request, handoffs.end, request["guide"], handoff_id)
    except ConsoleError as exc:
        raise _back(request, handoff_id, exc.code)
    raise web.HTTPSeeOther(url(request, "queue", query={"notice": "ended_done"}))


@routes.post("/guide/handoffs/{handoff_id}/forward", name="forward")
async def forward(request: web.Request) -> web.StreamResponse:
    handoff_id = request.match_info["handoff_id"]
    form = await request.post()
    try:
        await run(request, handoffs.forward, request["guide"], handoff_id, str(form.get("county", "")))
    except ConsoleError as exc:
        raise _back(request, handoff_id, exc.code)
    raise web.HTTPSeeOther(url(request, "queue", query={"notice": "forwarded_done"}))


# ---------------------------------------------------------------- duty hours


def _duty_states(engine, guide: accounts.Guide, lang: str) -> list[duty.DutyState]:
    return sorted(duty.states(engine, guide, lang), key=lambda state: state.label)


@routes.get("/guide/duty", name="duty")
async def duty_page(request: web.Request) -> web.Response:
    states = await run(request, _duty_states, request["guide"], request["lang"])
    return render(request, "duty.html", counties=states)


@routes.post("/guide/duty/{county}", name="duty_save")
async def duty_save(request: web.Request) -> web.StreamResponse:
    county = request.match_info["county"]
    try:
        duty.allowed(request["guide"], county)
    except ConsoleError:  # an unknown county, too: this page does not tell them apart
        return render(request, "error.html", status=403, message=strings.ui("forbidden", request["lang"]))
    form = await request.post()
    mode = str(form.get("switch", "auto"))
    if mode not in duty.SWITCH_MODES:
        mode = "auto"
    try:
        await run(request, duty.change, request["guide"], county, request["lang"], str(form.get("hours", "")), mode)
    except ConsoleError as exc:
        raise web.HTTPSeeOther(url(request, "duty", query={"notice": exc.code}, fragment=f"duty-{county}"))
    raise web.HTTPSeeOther(url(request, "duty", query={"notice": "saved"}, fragment=f"duty-{county}"))


def add_routes(app: web.Application) -> None:
    app.add_routes(routes)
