"""What the console's pages, API and middlewares share: the app's state (its database engine and settings
under ENGINE and CONFIG), the one way to call the database from a handler, the API's error answer, the
cookies and the client's address. It imports nothing of the console's handlers, so app.py can import
api.py and pages.py at the top and both of them import this.

Cookies are `__Host-` cookies (Secure, Path=/, no Domain: no other host or plain-HTTP page can set or
read them) unless the console is used over plain HTTP on loopback for development (GUIDE_SECURE_COOKIES
unset; `1` forces Secure, `0` never).
"""

from __future__ import annotations

import asyncio
import base64
import hashlib
import hmac
import ipaddress
from pathlib import Path
from typing import Any, Callable, Optional

from aiohttp import web
from sqlalchemy.engine import Engine
from yarl import URL

from console import strings

HERE = Path(__file__).resolve().parent
# Where the console lives on its server (pages under it, the JSON API under /api, files under /static/).
# Links and redirects are built from the named routes (url()); these prefixes only tell the areas apart.
PREFIX = "/guide"
API_PREFIX = PREFIX + "/api"
STATIC_PREFIX = PREFIX + "/static/"
SESSION_COOKIE = "viitta_guide_session"
LOGIN_COOKIE = "viitta_guide_login"  # nonce of the login form; the form carries its signature
LANG_COOKIE = "viitta_guide_lang"
HOST_PREFIX = "__Host-"
LOOPBACK_NAMES = {"localhost", "127.0.0.1", "::1", "[::1]"}
FORWARDING_HEADERS = ("X-Forwarded-For", "X-Forwarded-Proto", "X-Forwarded-Host", "Forwarded", "X-Real-IP")
ENGINE = web.AppKey("engine", Engine)
CONFIG = web.AppKey("config", dict)


async def run(request: web.Request, function: Callable, *args: Any) -> Any:
    """A database call off the event loop (SQLAlchemy is synchronous)."""
    return await asyncio.to_thread(function, request.app[ENGINE], *args)


def url(request: web.Request, name: str, *, query: Optional[dict] = None, fragment: str = "", **parts: str) -> str:
    """The path of the console's route called `name`, its {parts} filled in, with a query and a fragment."""
    built = request.app.router[name].url_for(**parts)
    if query:
        built = built.with_query(query)
    if fragment:
        built = built.with_fragment(fragment)
    return str(built)


def is_api(request: web.Request) -> bool:
    return request.path.startswith(API_PREFIX + "/") or request.path == API_PREFIX


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
