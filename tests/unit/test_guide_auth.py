"""The guide console's login: password hashing, sessions, CSRF, rate limiting, API tokens, and that
every console and API route refuses a request without a login."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
import requests
from aiohttp import web
from sqlalchemy import update
from sqlalchemy.orm import Session

from bot.handoff import service
from bot.handoff.schema import GuideSessionRow
from console import accounts, owners, sessions
from console.app import make_app
from console.passwords import hash_password, verify_password
from console.web import SESSION_COOKIE
from tests.unit.guide_fixtures import (  # noqa: F401
    PASSWORD,
    RunningConsole,
    app_engine,
    console,
    fast_kdf,
    hidden_token,
    login,
    make_guide,
    tracker_url,
)

# ------------------------------------------------------------------ passwords


def test_passwords_are_scrypt_with_a_random_salt_and_their_parameters():
    first, second = hash_password("correct horse battery"), hash_password("correct horse battery")
    assert first != second  # a fresh salt each time
    scheme, log2_n, r, p, salt, key = first.split("$")
    assert (scheme, int(log2_n) >= 15, int(r), int(p) >= 1) == ("scrypt", True, 8, True)
    assert verify_password("correct horse battery", first) and verify_password("correct horse battery", second)
    assert not verify_password("correct horse batterY", first)


def test_a_tampered_or_foreign_hash_never_verifies():
    good = hash_password("correct horse battery")
    assert not verify_password("correct horse battery", good.replace("scrypt$", "pbkdf2$"))
    assert not verify_password("correct horse battery", good[:-4] + "AAAA")
    assert not verify_password("correct horse battery", "not a hash")


def test_short_passwords_are_refused():
    with pytest.raises(ValueError):
        hash_password("lyhyt")


def test_authenticate_needs_the_right_password_and_an_active_account(app_engine):
    guide = make_guide(app_engine, "aino")
    assert accounts.authenticate(app_engine, "aino", PASSWORD) == guide
    assert accounts.authenticate(app_engine, "AINO ", PASSWORD) == guide  # usernames are case-insensitive
    assert accounts.authenticate(app_engine, "aino", PASSWORD + "x") is None
    assert accounts.authenticate(app_engine, "nobody", PASSWORD) is None
    accounts.deactivate(app_engine, "aino")
    assert accounts.authenticate(app_engine, "aino", PASSWORD) is None


def test_accounts_refuse_unknown_counties_and_guides_without_one(app_engine):
    with pytest.raises(accounts.AccountError, match="unknown county"):
        make_guide(app_engine, "x", counties=("atlantis",))
    with pytest.raises(accounts.AccountError, match="at least one county"):
        make_guide(app_engine, "y", counties=())
    assert make_guide(app_engine, "boss", counties=(), role="admin").visible_counties()  # admins: every county
    make_guide(app_engine, "aino")
    with pytest.raises(accounts.AccountError, match="taken"):
        make_guide(app_engine, "Aino")


# ------------------------------------------------------------------ sessions


def test_sessions_expire_when_idle_and_after_the_hard_limit(app_engine):
    guide = make_guide(app_engine, "aino")
    start = service.utcnow()
    live = sessions.start(app_engine, guide, idle_minutes=30, now=start)
    assert sessions.resume(app_engine, live.token, 30, now=start + timedelta(minutes=29)).guide == guide
    # Used at minute 29, so it lives until minute 59; idle after that.
    assert sessions.resume(app_engine, live.token, 30, now=start + timedelta(minutes=58)) is not None
    assert sessions.resume(app_engine, live.token, 30, now=start + timedelta(minutes=89)) is None
    again = sessions.start(app_engine, guide, idle_minutes=30, now=start)
    moment = start
    while moment < start + timedelta(hours=sessions.MAX_SESSION_HOURS - 1):
        moment += timedelta(minutes=20)
        assert sessions.resume(app_engine, again.token, 30, now=moment) is not None
    assert sessions.resume(app_engine, again.token, 30, now=start + timedelta(hours=sessions.MAX_SESSION_HOURS)) is None


def test_the_database_keeps_only_a_digest_of_the_session_token(app_engine):
    live = sessions.start(app_engine, make_guide(app_engine, "aino"), 30)
    with Session(app_engine) as db:
        row = db.get(GuideSessionRow, sessions.digest(live.token))
        assert row is not None and live.token not in (row.token_digest, row.csrf_token)


def test_login_sets_a_strict_http_only_session_cookie(console, app_engine):
    make_guide(app_engine, "aino")
    browser = requests.Session()
    form = browser.get(f"{console.url}/guide/login")
    answer = browser.post(
        f"{console.url}/guide/login",
        allow_redirects=False,
        data={"username": "aino", "password": PASSWORD, "csrf_token": hidden_token(form.text)},
    )
    assert answer.status_code == 303 and answer.headers["Location"] == "/guide/"
    cookie = next(c for c in answer.raw.headers.getlist("Set-Cookie") if c.startswith(SESSION_COOKIE))
    # Plain http://127.0.0.1 is development: no Secure flag, no __Host- prefix (test_guide_security.py).
    assert "HttpOnly" in cookie and "SameSite=Strict" in cookie and "Path=/" in cookie and "Secure" not in cookie
    assert browser.get(f"{console.url}/guide/").status_code == 200


def test_a_wrong_password_gives_no_session(console, app_engine):
    make_guide(app_engine, "aino")
    browser = requests.Session()
    form = browser.get(f"{console.url}/guide/login?lang=sv")
    answer = browser.post(
        f"{console.url}/guide/login",
        allow_redirects=False,
        data={"username": "aino", "password": "vaara-salasana", "csrf_token": hidden_token(form.text)},
    )
    assert answer.status_code == 401 and "Fel användarnamn eller lösenord." in answer.text
    assert SESSION_COOKIE not in browser.cookies
    assert browser.get(f"{console.url}/guide/api/me").status_code == 401


def test_the_login_form_needs_its_csrf_token(console, app_engine):
    make_guide(app_engine, "aino")
    browser = requests.Session()
    browser.get(f"{console.url}/guide/login")
    answer = browser.post(
        f"{console.url}/guide/login", data={"username": "aino", "password": PASSWORD}, allow_redirects=False
    )
    assert answer.status_code == 403 and SESSION_COOKIE not in browser.cookies
    stranger = requests.post(
        f"{console.url}/guide/login",
        allow_redirects=False,  # a token without its cookie
        data={"username": "aino", "password": PASSWORD, "csrf_token": "forged"},
    )
    assert stranger.status_code == 403


def test_repeated_failures_slow_the_login_down_without_locking_it(console, app_engine):
    make_guide(app_engine, "aino")
    browser = requests.Session()
    for _ in range(sessions.FREE_FAILURES):
        form = browser.get(f"{console.url}/guide/login")
        wrong = browser.post(
            f"{console.url}/guide/login",
            data={"username": "aino", "password": "arvaus-123456", "csrf_token": hidden_token(form.text)},
        )
        assert wrong.status_code == 401
    form = browser.get(f"{console.url}/guide/login")
    waiting = browser.post(
        f"{console.url}/guide/login",
        data={"username": "aino", "password": PASSWORD, "csrf_token": hidden_token(form.text)},
    )
    assert waiting.status_code == 429 and SESSION_COOKIE not in browser.cookies
    assert 1 <= int(waiting.headers["Retry-After"]) <= sessions.FIRST_DELAY.total_seconds()
    # A wait, not a lock: once it has passed, the right password works.
    later = service.utcnow() + sessions.FIRST_DELAY + timedelta(seconds=1)
    assert sessions.claim_attempt(app_engine, "aino", "127.0.0.1", now=later) is None


def test_an_expired_session_is_refused(console, app_engine):
    make_guide(app_engine, "aino")
    browser = login(console.url, "aino")
    with Session(app_engine) as db, db.begin():
        db.execute(update(GuideSessionRow).values(expires_at=service.utcnow() - timedelta(minutes=1)))
    assert browser.get(f"{console.url}/guide/api/handoffs").status_code == 401
    page = browser.get(f"{console.url}/guide/", allow_redirects=False)
    assert page.status_code == 303 and page.headers["Location"].startswith("/guide/login")


def test_a_console_restart_keeps_the_login(app_engine, tracker_url):
    make_guide(app_engine, "aino")
    with RunningConsole(make_app(app_engine, tracker_url)) as first:
        browser = login(first.url, "aino")
        cookie = browser.cookies.get(SESSION_COOKIE)
    with RunningConsole(make_app(app_engine, tracker_url)) as second:  # a new process would look the same
        assert requests.get(f"{second.url}/guide/api/me", cookies={SESSION_COOKIE: cookie}).json()["username"] == "aino"


def test_logout_ends_the_session_on_the_server(console, app_engine):
    make_guide(app_engine, "aino")
    browser = login(console.url, "aino")
    stolen = browser.cookies.get(SESSION_COOKIE)
    browser.post(f"{console.url}/guide/logout", data={"csrf_token": browser.csrf})
    thief = requests.get(f"{console.url}/guide/api/me", cookies={SESSION_COOKIE: stolen})
    assert thief.status_code == 401


def test_a_deactivated_guide_is_logged_out_at_once(console, app_engine):
    make_guide(app_engine, "aino")
    browser = login(console.url, "aino")
    assert browser.get(f"{console.url}/guide/api/me").status_code == 200
    accounts.deactivate(app_engine, "aino")
    assert browser.get(f"{console.url}/guide/api/me").status_code == 401


# ------------------------------------------------------------------ CSRF


def test_a_form_post_without_the_csrf_token_is_forbidden(console, app_engine):
    make_guide(app_engine, "aino")
    browser = login(console.url, "aino")
    handoff = _waiting(app_engine, "lappi")
    refused = browser.post(f"{console.url}/guide/handoffs/{handoff.id}/take", data={}, allow_redirects=False)
    assert refused.status_code == 403
    forged = browser.post(
        f"{console.url}/guide/handoffs/{handoff.id}/take", data={"csrf_token": "x" * 43}, allow_redirects=False
    )
    assert forged.status_code == 403
    assert service.get(app_engine, handoff.id).state == "waiting"
    taken = browser.post(
        f"{console.url}/guide/handoffs/{handoff.id}/take", data={"csrf_token": browser.csrf}, allow_redirects=False
    )
    assert taken.status_code == 303 and service.get(app_engine, handoff.id).state == "active"


def test_an_api_change_with_the_session_cookie_needs_the_csrf_header(console, app_engine):
    make_guide(app_engine, "aino")
    browser = login(console.url, "aino")
    handoff = _waiting(app_engine, "lappi")
    refused = browser.post(f"{console.url}/guide/api/handoffs/{handoff.id}/take")
    assert refused.status_code == 403 and refused.json()["error"] == "csrf_failed"
    ok = browser.post(f"{console.url}/guide/api/handoffs/{handoff.id}/take", headers={"X-CSRF-Token": browser.csrf})
    assert ok.status_code == 200 and ok.json()["state"] == "active"


# ------------------------------------------------------------------ API tokens


def test_a_bearer_token_works_for_the_api_only_and_ends_with_the_account(console, app_engine):
    guide = make_guide(app_engine, "aino")
    token = sessions.create_token(app_engine, guide, days=30)
    auth = {"Authorization": f"Bearer {token}"}
    handoff = _waiting(app_engine, "lappi")
    listed = requests.get(f"{console.url}/guide/api/handoffs", headers=auth)
    assert listed.status_code == 200 and [h["id"] for h in listed.json()["handoffs"]] == [handoff.id]
    assert requests.post(f"{console.url}/guide/api/handoffs/{handoff.id}/take", headers=auth).status_code == 200
    page = requests.get(f"{console.url}/guide/", headers=auth, allow_redirects=False)
    assert page.status_code == 303  # pages need a login session
    wrong = requests.get(f"{console.url}/guide/api/handoffs", headers={"Authorization": "Bearer vgt_nope"})
    assert wrong.status_code == 401
    accounts.deactivate(app_engine, "aino")
    assert requests.get(f"{console.url}/guide/api/handoffs", headers=auth).status_code == 401


# ------------------------------------------------------------------ every route refuses strangers


def _public(route) -> bool:
    return route.resource.name == "static" or route.resource.canonical == "/guide/login"


def _concrete(route) -> str:
    info = route.resource.get_info()
    path = info.get("path") or info.get("formatter") or info.get("prefix")
    return re.sub(r"\{[^}]+\}", "lappi", path)


def test_every_console_and_api_route_refuses_a_request_without_a_login(console):
    checked = 0
    for route in console.app.router.routes():
        if route.resource is None or _public(route):
            continue
        url = f"{console.url}{_concrete(route)}"
        answer = requests.request(route.method, url, allow_redirects=False, json={})
        if _concrete(route).startswith("/guide/api/"):
            assert answer.status_code == 401, (route.method, url, answer.status_code)
            assert route.method == "HEAD" or answer.json()["error"] == "login_required"
        else:
            assert answer.status_code == 303, (route.method, url, answer.status_code)
            assert answer.headers["Location"].startswith("/guide/login"), (route.method, url)
        checked += 1
    assert checked >= 20  # the pages and API really were enumerated (GET routes come with HEAD)


def test_every_changing_route_refuses_a_logged_in_request_without_csrf(console, app_engine):
    make_guide(app_engine, "aino")
    browser = login(console.url, "aino")
    checked = 0
    for route in console.app.router.routes():
        if route.method in ("GET", "HEAD") or route.resource is None or _public(route):
            continue
        answer = browser.request(
            route.method, f"{console.url}{_concrete(route)}", data={"csrf_token": ""}, allow_redirects=False
        )
        assert answer.status_code == 403, (route.method, _concrete(route), answer.status_code)
        checked += 1
    assert checked >= 9


def test_the_login_page_and_static_files_are_public(console):
    assert requests.get(f"{console.url}/guide/login").status_code == 200
    assert requests.get(f"{console.url}/guide/static/console.js").status_code == 200
    assert requests.get(f"{console.url}/guide/static/console.css").status_code == 200


def test_owners_routes_are_served_behind_the_login(app_engine, tracker_url, monkeypatch):
    seen = []

    async def owners_page(request):
        seen.append((request["guide"].role, request["guide"].counties))
        return web.Response(text="owners")

    # make_app adds console.owners' routes; a stand-in page under the owners' route name shows the guard's work.
    monkeypatch.setattr(owners, "routes", lambda engine=None: [web.get("/guide/owners", owners_page, name="owners")])
    make_guide(app_engine, "boss", counties=(), role="admin")
    make_guide(app_engine, "aino")
    with RunningConsole(make_app(app_engine, tracker_url)) as running:
        stranger = requests.get(f"{running.url}/guide/owners", allow_redirects=False)
        assert stranger.status_code == 303 and stranger.headers["Location"].startswith("/guide/login")
        guide = login(running.url, "aino")
        assert 'href="/guide/owners"' not in guide.get(f"{running.url}/guide/").text
        assert guide.get(f"{running.url}/guide/owners").status_code == 403
        admin = login(running.url, "boss")
        assert 'href="/guide/owners"' in admin.get(f"{running.url}/guide/").text
        assert admin.get(f"{running.url}/guide/owners").text == "owners"
    assert seen and seen[0][0] == "admin"


# ------------------------------------------------------------------ counties


def _waiting(engine, county: str, language: str = "fi", conversation: str | None = None):
    handoff = service.request(engine, conversation or f"person-{county}-{language}", county, language)
    return service.consent(
        engine, handoff.id, {"role": "parent", "concern": "jaksaminen", "area": county, "language": language}
    )


def test_a_guide_cannot_see_or_take_another_countys_conversations(console, app_engine):
    make_guide(app_engine, "aino", counties=("lappi",))
    make_guide(app_engine, "boss", counties=(), role="admin")
    theirs = _waiting(app_engine, "kainuu")
    ours = _waiting(app_engine, "lappi")
    aino = login(console.url, "aino")
    listed = aino.get(f"{console.url}/guide/api/handoffs").json()["handoffs"]
    assert [h["id"] for h in listed] == [ours.id]
    assert aino.get(f"{console.url}/guide/api/handoffs?county=kainuu").status_code == 403
    assert aino.get(f"{console.url}/guide/api/handoffs/{theirs.id}").status_code == 404
    took = aino.post(f"{console.url}/guide/api/handoffs/{theirs.id}/take", headers={"X-CSRF-Token": aino.csrf})
    assert took.status_code == 404 and service.get(app_engine, theirs.id).state == "waiting"
    assert theirs.id not in aino.get(f"{console.url}/guide/").text
    assert (
        aino.put(
            f"{console.url}/guide/api/duty/kainuu", json={"switch": "on"}, headers={"X-CSRF-Token": aino.csrf}
        ).status_code
        == 403
    )
    boss = login(console.url, "boss")
    everything = {h["id"] for h in boss.get(f"{console.url}/guide/api/handoffs").json()["handoffs"]}
    assert everything == {ours.id, theirs.id}
