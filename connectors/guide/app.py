"""The guide console's aiohttp application: pages under /guide/, the JSON API under /guide/api/.

Every route refuses a request without a login (401 for the API, a redirect to the login page for
pages) except the login page itself and the static files. Logins are server-side sessions (HttpOnly,
SameSite=Strict cookie; a CSRF token checked on every POST/PUT/DELETE, from the form field `csrf_token`
or the `X-CSRF-Token` header); the API also takes `Authorization: Bearer <token>` tokens made with the CLI.

Cookies are `__Host-` cookies (Secure, Path=/, no Domain: no other host or plain-HTTP page can set or
read them) unless the console is used over plain HTTP on loopback for development (GUIDE_SECURE_COOKIES
unset; `1` forces Secure, `0` never). The login form's CSRF token is signed with the console's key
(GUIDE_SECRET, else one per process): a cookie planted by someone else does not come with a valid form.
"""
from __future__ import annotations

import asyncio
import base64
import hashlib
import hmac
import importlib
import ipaddress
import secrets
from pathlib import Path
from typing import Any, Callable, Optional
from urllib.parse import quote

from aiohttp import web
from sqlalchemy.engine import Engine
from yarl import URL

from connectors.guide import sessions, strings
from connectors.guide.accounts import Guide

HERE = Path(__file__).resolve().parent
SESSION_COOKIE = "viitta_guide_session"
LOGIN_COOKIE = "viitta_guide_login"  # nonce of the login form; the form carries its signature
LANG_COOKIE = "viitta_guide_lang"
HOST_PREFIX = "__Host-"
LOOPBACK_NAMES = {"localhost", "127.0.0.1", "::1", "[::1]"}
FORWARDING_HEADERS = ("X-Forwarded-For", "X-Forwarded-Proto", "X-Forwarded-Host", "Forwarded", "X-Real-IP")
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


def plain_loopback(request: web.Request) -> bool:
    """A developer's browser on this machine over http:// with nothing in between (no proxy headers)."""
    if request.secure or any(name in request.headers for name in FORWARDING_HEADERS):
        return False
    try:  # (not request.url: aiohttp 3.9 with today's yarl cannot build it from a Host with a port)
        host = (URL(f"http://{request.host}").host or "").strip("[]").lower()
    except ValueError:
        return False
    return host in LOOPBACK_NAMES and _is_loopback(request.remote or "")


def _is_loopback(address: str) -> bool:
    try:
        return ipaddress.ip_address(address).is_loopback
    except ValueError:
        return False


def secure_cookies(request: web.Request) -> bool:
    configured = request.app[CONFIG]["secure_cookies"]
    return configured if configured is not None else not plain_loopback(request)


def cookie_name(request: web.Request, base: str) -> str:
    return HOST_PREFIX + base if secure_cookies(request) else base


def cookie_options(request: web.Request) -> dict:
    return {"path": "/", "httponly": True, "samesite": "Strict", "secure": secure_cookies(request)}


def get_cookie(request: web.Request, base: str) -> str:
    return request.cookies.get(cookie_name(request, base), "")


def set_cookie(response: web.StreamResponse, request: web.Request, base: str, value: str, **options) -> None:
    response.set_cookie(cookie_name(request, base), value, **{**cookie_options(request), **options})


def del_cookie(response: web.StreamResponse, request: web.Request, base: str) -> None:
    response.del_cookie(cookie_name(request, base), path="/")


def client_address(request: web.Request) -> str:
    """The client's address: the connecting one, or, when that is a trusted proxy (GUIDE_TRUSTED_PROXY),
    the last X-Forwarded-For entry that is not a trusted proxy. Anyone else's X-Forwarded-For is ignored."""
    remote = request.remote or "unknown"
    trusted = request.app[CONFIG]["trusted_proxies"]
    if remote not in trusted:
        return remote
    forwarded = [a.strip() for value in request.headers.getall("X-Forwarded-For", []) for a in value.split(",")]
    for address in reversed([a for a in forwarded if a]):
        if address in trusted:
            continue
        try:
            return str(ipaddress.ip_address(address))
        except ValueError:
            return remote  # a proxy that passes on garbage is not believed
    return remote


def login_form_token(request: web.Request, nonce: str) -> str:
    """The login form's CSRF token: an HMAC of the nonce cookie under the console's key."""
    mac = hmac.new(request.app[CONFIG]["secret"], b"login-form:" + nonce.encode("utf-8"), hashlib.sha256)
    return base64.urlsafe_b64encode(mac.digest()).decode("ascii").rstrip("=")


def _language(request: web.Request) -> str:
    wanted = request.query.get("lang")
    if wanted in strings.LANGUAGES:
        request["set_lang"] = wanted
        return wanted
    if get_cookie(request, LANG_COOKIE) in strings.LANGUAGES:
        return get_cookie(request, LANG_COOKIE)
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
    token = get_cookie(request, SESSION_COOKIE)
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
        set_cookie(response, request, LANG_COOKIE, request["set_lang"], max_age=365 * 24 * 3600, httponly=False)
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
             secure_cookies: Optional[bool] = None, trusted_proxies: tuple = (), secret: str = "") -> web.Application:
    """`secure_cookies` None: Secure except over plain loopback HTTP; `trusted_proxies`: addresses whose
    X-Forwarded-For is believed; `secret`: the key of the login form's token (several consoles behind one
    address need the same one)."""
    from connectors.guide import api, pages

    app = web.Application(middlewares=[language, guard], client_max_size=64 * 1024)
    app[ENGINE] = engine
    app[CONFIG] = {"tracker_store_url": tracker_store_url, "session_minutes": session_minutes,
                   "secure_cookies": secure_cookies, "owners_link": None, "admin_paths": set(),
                   "trusted_proxies": frozenset(a.strip() for a in trusted_proxies if a.strip()),
                   "secret": secret.encode("utf-8") if secret else secrets.token_bytes(32)}
    app.on_response_prepare.append(_headers)  # type: ignore[arg-type]  # aiohttp 3.9's hints vs aiosignal 1.4's
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
