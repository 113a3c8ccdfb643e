"""The guide console's aiohttp application: pages under /guide/, the JSON API under /guide/api/.

Every route refuses a request without a login (401 for the API, a redirect to the login page for
pages) except the login page itself and the static files. Logins are server-side sessions (HttpOnly,
SameSite=Strict cookie; a CSRF token checked on every POST/PUT/DELETE, from the form field `csrf_token`
or the `X-CSRF-Token` header); the API also takes `Authorization: Bearer <token>` tokens made with the CLI.

Cookies are `__Host-` cookies (console/web.py). The login form's CSRF token is signed with the console's
key (GUIDE_SECRET, else one per process): a cookie planted by someone else does not come with a valid form.

This module only wires the application (middlewares, routes of pages.py, api.py and owners.py, static
files); what handlers share lives in web.py, so nothing here is imported back by them.
"""

from __future__ import annotations

import hmac
import secrets
from typing import Optional
from urllib.parse import quote

from aiohttp import web
from sqlalchemy.engine import Engine

from console import api, owners, pages, sessions, strings
from console.accounts import Guide
from console.web import (
    CONFIG,
    ENGINE,
    HERE,
    LANG_COOKIE,
    PREFIX,
    SESSION_COOKIE,
    STATIC_PREFIX,
    api_error,
    get_cookie,
    is_api,
    run,
    set_cookie,
    url,
)

PUBLIC_ROUTES = {"login", "static"}  # the login page (GET and POST) and the static files
SAFE_METHODS = {"GET", "HEAD", "OPTIONS"}
# Pages and scripts come only from the console itself; nothing may frame it.
SECURITY_HEADERS = {
    "Content-Security-Policy": "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; "
    "connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "no-referrer",
}


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
    # By the named routes' paths: the login form's POST is a resource of its own on the login page's path.
    return any(resource.canonical == request.app.router[name].canonical for name in PUBLIC_ROUTES)


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
    if _public(request) or not (request.path == "/" or request.path.startswith(PREFIX)):
        # Outside the console (a browser's /favicon.ico) there is nothing to protect: a plain 404.
        return await handler(request)
    guide, csrf_token, by_bearer = await _identify(request)
    if guide is None:
        if is_api(request):
            return api_error(request, 401, "login_required")
        target = request.path_qs if request.method in SAFE_METHODS else url(request, "queue")
        raise web.HTTPSeeOther(f"{url(request, 'login')}?next={quote(target, safe='/')}")
    if request.method not in SAFE_METHODS and not by_bearer:
        sent = await _sent_csrf(request)
        if not sent or not hmac.compare_digest(sent.encode(), (csrf_token or "").encode()):
            if is_api(request):
                return api_error(request, 403, "csrf_failed")
            return web.Response(status=403, text=strings.ui("csrf_failed", request["lang"]), content_type="text/plain")
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
    if not request.path.startswith(STATIC_PREFIX):
        response.headers["Cache-Control"] = "no-store"


def make_app(
    engine: Engine,
    tracker_store_url: str,
    session_minutes: int = 60,
    secure_cookies: Optional[bool] = None,
    trusted_proxies: tuple = (),
    secret: str = "",
) -> web.Application:
    """`secure_cookies` None: Secure except over plain loopback HTTP; `trusted_proxies`: addresses whose
    X-Forwarded-For is believed; `secret`: the key of the login form's token (several consoles behind one
    address need the same one)."""
    app = web.Application(middlewares=[language, guard], client_max_size=64 * 1024)
    app[ENGINE] = engine
    app[CONFIG] = {
        "tracker_store_url": tracker_store_url,
        "session_minutes": session_minutes,
        "secure_cookies": secure_cookies,
        "owners_link": None,
        "admin_paths": set(),
        "trusted_proxies": frozenset(a.strip() for a in trusted_proxies if a.strip()),
        "secret": secret.encode("utf-8") if secret else secrets.token_bytes(32),
    }
    app.on_response_prepare.append(_headers)  # type: ignore[arg-type]  # aiohttp 3.9's hints vs aiosignal 1.4's
    pages.add_routes(app)
    api.add_routes(app)
    app.router.add_static(STATIC_PREFIX, HERE / "static", name="static")
    # The owners' pages (console/owners.py) are for admins only: the guard refuses them to guides.
    added = app.add_routes(owners.routes(engine))
    app[CONFIG]["admin_paths"] = {route.resource.canonical for route in added if route.resource is not None}
    if "owners" in app.router:  # the page the navigation links to
        app[CONFIG]["owners_link"] = str(app.router["owners"].url_for())
    return app
