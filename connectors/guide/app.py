"""The guide console's aiohttp application: pages under /guide/, the JSON API under /guide/api/.

Every route refuses a request without a login (401 for the API, a redirect to the login page for
pages) except the login page itself and the static files. Logins are server-side sessions (HttpOnly,
SameSite=Strict cookie; a CSRF token checked on every POST/PUT/DELETE, from the form field `csrf_token`
or the `X-CSRF-Token` header); the API also takes `Authorization: Bearer <token>` tokens made with the CLI.
"""
from __future__ import annotations

import asyncio
import hmac
import importlib
from pathlib import Path
from typing import Any, Callable, Optional
from urllib.parse import quote

from aiohttp import web
from sqlalchemy.engine import Engine

from connectors.guide import sessions, strings
from connectors.guide.accounts import Guide

HERE = Path(__file__).resolve().parent
SESSION_COOKIE = "viitta_guide_session"
LOGIN_COOKIE = "viitta_guide_login"  # double-submit CSRF token of the login form (no session exists yet)
LANG_COOKIE = "viitta_guide_lang"
PUBLIC_PATHS = {"/guide/login"}  # plus the static files (resource "static")
SAFE_METHODS = {"GET", "HEAD", "OPTIONS"}
# Pages and scripts come only from the console itself; nothing may frame it.
SECURITY_HEADERS = {
    "Content-Security-Policy": "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; "
                               "connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "no-referrer",
}
ENGINE = web.AppKey("engine", Engine)
CONFIG = web.AppKey("config", dict)


async def run(request: web.Request, function: Callable, *args: Any) -> Any:
    """A database call off the event loop (SQLAlchemy is synchronous)."""
    return await asyncio.to_thread(function, request.app[ENGINE], *args)


def is_api(request: web.Request) -> bool:
    return request.path.startswith("/guide/api/") or request.path == "/guide/api"


def api_error(request: web.Request, status: int, code: str) -> web.Response:
    message = strings.ui(code, request.get("lang", "fi")) if code in strings.UI else code
    return web.json_response({"error": code, "message": message}, status=status)


def cookie_options(request: web.Request) -> dict:
    return {"path": "/guide", "httponly": True, "samesite": "Strict",
            "secure": bool(request.app[CONFIG]["secure_cookies"])}


def _language(request: web.Request) -> str:
    wanted = request.query.get("lang")
    if wanted in strings.LANGUAGES:
        request["set_lang"] = wanted
        return wanted
    if request.cookies.get(LANG_COOKIE) in strings.LANGUAGES:
        return request.cookies[LANG_COOKIE]
    accept = request.headers.get("Accept-Language", "").lower()
    return "sv" if accept.startswith("sv") else "fi"


def _public(request: web.Request) -> bool:
    resource = getattr(request.match_info.route, "resource", None)
    if resource is None:  # no such route: a stranger learns nothing, not even that
        return False
    return resource.name == "static" or resource.canonical in PUBLIC_PATHS


async def _identify(request: web.Request) -> tuple[Optional[Guide], Optional[str], bool]:
    """(guide, csrf token, by_bearer) of the request, or (None, None, False)."""
    authorization = request.headers.get("Authorization", "")
    if authorization:
        scheme, _, token = authorization.partition(" ")
        if scheme.lower() != "bearer" or not is_api(request):
            return None, None, False
        guide = await run(request, sessions.token_guide, token.strip())
        return guide, None, guide is not None
    token = request.cookies.get(SESSION_COOKIE, "")
    if not token:
        return None, None, False
    live = await run(request, sessions.resume, token, request.app[CONFIG]["session_minutes"])
    return (live.guide, live.csrf_token, False) if live else (None, None, False)


async def _sent_csrf(request: web.Request) -> str:
    header = request.headers.get("X-CSRF-Token")
    if header:
        return header
    if request.content_type in ("application/x-www-form-urlencoded", "multipart/form-data"):
        form = await request.post()
        value = form.get("csrf_token")
        return value if isinstance(value, str) else ""
    return ""


@web.middleware
async def language(request: web.Request, handler):
    """The console's language: ?lang=fi|sv (remembered in a cookie), the cookie, or the browser's."""
    request["lang"] = _language(request)
    response = await handler(request)
    if request.get("set_lang"):
        response.set_cookie(LANG_COOKIE, request["set_lang"], max_age=365 * 24 * 3600,
                            **{**cookie_options(request), "httponly": False})
    return response


@web.middleware
async def guard(request: web.Request, handler):
    """Login and CSRF for everything but the public resources."""
    if _public(request) or not (request.path == "/" or request.path.startswith("/guide")):
        # Outside the console (a browser's /favicon.ico) there is nothing to protect: a plain 404.
        return await handler(request)
    guide, csrf_token, by_bearer = await _identify(request)
    if guide is None:
        if is_api(request):
            return api_error(request, 401, "login_required")
        target = request.path_qs if request.method in SAFE_METHODS else "/guide/"
        raise web.HTTPSeeOther(f"/guide/login?next={quote(target, safe='/')}")
    if request.method not in SAFE_METHODS and not by_bearer:
        sent = await _sent_csrf(request)
        if not sent or not hmac.compare_digest(sent.encode(), (csrf_token or "").encode()):
            if is_api(request):
                return api_error(request, 403, "csrf_failed")
            return web.Response(status=403, text=strings.ui("csrf_failed", request["lang"]),
                                content_type="text/plain")
    resource = getattr(request.match_info.route, "resource", None)
    if resource is not None and resource.canonical in request.app[CONFIG]["admin_paths"] and not guide.is_admin:
        # The owners' pages are for admins only, whatever the module itself checks.
        if is_api(request):
            return api_error(request, 403, "forbidden")
        return web.Response(status=403, text=strings.ui("forbidden", request["lang"]), content_type="text/plain")
    request["guide"] = guide
    request["csrf_token"] = csrf_token or ""
    return await handler(request)


async def _headers(request: web.Request, response: web.StreamResponse) -> None:
    for name, value in SECURITY_HEADERS.items():
        response.headers.setdefault(name, value)
    if not request.path.startswith("/guide/static/"):
        response.headers["Cache-Control"] = "no-store"


def owners_module():
    """connectors.guide.owners (the county's statistics for admins) when it exists."""
    try:
        return importlib.import_module("connectors.guide.owners")
    except ModuleNotFoundError as exc:
        if exc.name == "connectors.guide.owners":
            return None
        raise


def make_app(engine: Engine, tracker_store_url: str, session_minutes: int = 60,
             secure_cookies: bool = False) -> web.Application:
    from connectors.guide import api, pages

    app = web.Application(middlewares=[language, guard], client_max_size=64 * 1024)
    app[ENGINE] = engine
    app[CONFIG] = {"tracker_store_url": tracker_store_url, "session_minutes": session_minutes,
                   "secure_cookies": secure_cookies, "owners_link": None, "admin_paths": set()}
    app.on_response_prepare.append(_headers)
    pages.add_routes(app)
    api.add_routes(app)
    app.router.add_static("/guide/static/", HERE / "static", name="static")
    owners = owners_module()
    if owners is not None:
        definitions = list(owners.routes(engine))
        added = app.add_routes(definitions)
        app[CONFIG]["admin_paths"] = {route.resource.canonical for route in added if route.resource is not None}
        # The first plain GET page of the module is what the navigation links to.
        for definition in definitions:
            path = getattr(definition, "path", "")
            if getattr(definition, "method", "") == "GET" and path and "{" not in path:
                app[CONFIG]["owners_link"] = path
                break
    return app
