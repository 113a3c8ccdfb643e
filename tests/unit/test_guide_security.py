"""Accounts and logins against the attacks of issue 13: set-password ends sessions and tokens, tokens can be
listed and revoked (CLI and API), parallel wrong passwords are checked one at a time with growing waits
(no lockout), the client address only from a trusted proxy, weak passwords refused, __Host-/Secure cookies,
the signed login CSRF token, and range-checked integers."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import threading
from datetime import timedelta
from pathlib import Path

import pytest
import requests
from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.handoff import service
from bot.handoff.schema import GuideTokenRow, LoginThrottleRow
from console import accounts, passwords, sessions
from console.app import make_app
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

ROOT = Path(__file__).resolve().parents[2]
WRONG = "arvaus-1234567"


def _waiting(engine, county: str = "lappi"):
    handoff = service.request(engine, f"person-{county}", county, "fi")
    return service.consent(
        engine, handoff.id, {"role": "parent", "concern": "jaksaminen", "area": county, "language": "fi"}
    )


# ------------------------------------------------------------------ passwords


@pytest.mark.parametrize(
    "password",
    [
        " " * 10,
        " " * 40,
        "aaaaaaaaaaaa",
        "abababababab",
        "salasana",
        "Salasana2024!",
        "qwertyuiop",
        "Password123",
        "tervetuloa1",
        "aino-aino",
        "lyhyt",
    ],
)
def test_weak_passwords_are_refused(password):
    username = "aino-aino" if password == "aino-aino" else "aino"
    assert passwords.weakness(password, username)
    with pytest.raises(ValueError):
        passwords.hash_password(password, username)


@pytest.mark.parametrize("password", ["korppi-juoksee-kuusikossa", "Lumi 8 sataa hiljaa", "väntar på tåget 7"])
def test_ordinary_good_passwords_pass(password):
    assert passwords.weakness(password, "aino") == ""


def test_set_password_ends_every_session_and_token_and_does_not_crash(console, app_engine):
    guide = make_guide(app_engine, "aino")
    browser = login(console.url, "aino")
    token = sessions.create_token(app_engine, guide, days=30, label="crm")
    assert browser.get(f"{console.url}/guide/api/me").status_code == 200
    accounts.set_password(app_engine, "aino", "uusi-pitka-salasana-42")
    assert browser.get(f"{console.url}/guide/api/me").status_code == 401
    assert requests.get(f"{console.url}/guide/api/me", headers={"Authorization": f"Bearer {token}"}).status_code == 401
    assert accounts.authenticate(app_engine, "aino", "uusi-pitka-salasana-42") == guide
    with pytest.raises(accounts.AccountError, match="spaces"):
        accounts.set_password(app_engine, "aino", " " * 12)


# ------------------------------------------------------------------ tokens: CLI and API


@pytest.fixture
def cli(tmp_path):
    from bot.db import make_engine

    url = f"sqlite:///{tmp_path / 'cli.db'}"
    env = {**os.environ, "DATABASE_URL": url}

    def run(*args: str, stdin: str = "") -> subprocess.CompletedProcess:
        return subprocess.run(
            [sys.executable, "-m", "console", *args],
            cwd=ROOT,
            env=env,
            input=stdin,
            capture_output=True,
            text=True,
            timeout=120,
        )

    run.engine = lambda: make_engine(url)
    return run


def test_tokens_from_the_command_line_listed_without_the_token_and_revoked_by_label_or_id(cli):
    password = "pitka-ja-hyva-salasana"
    assert (
        cli(
            "create-user",
            "--username",
            "aino",
            "--name",
            "Aino",
            "--county",
            "lappi",
            "--password-stdin",
            stdin=password + "\n",
        ).returncode
        == 0
    )
    crm = cli("create-token", "--username", "aino", "--days", "30", "--label", "county CRM").stdout.strip()
    other = cli("create-token", "--username", "aino", "--days", "7", "--label", "report").stdout.strip()
    engine = cli.engine()
    assert sessions.token_guide(engine, other) is not None  # used once: "last used" is set
    listing = cli("list-tokens")
    assert listing.returncode == 0 and crm not in listing.stdout and other not in listing.stdout
    header, *rows = [line.split("\t") for line in listing.stdout.splitlines()]
    assert header == ["id", "label", "owner", "created", "last used", "expires"]
    by_label = {row[1]: row for row in rows}
    assert set(by_label) == {"county CRM", "report"} and {row[2] for row in rows} == {"aino"}
    assert by_label["county CRM"][4] == "never" and by_label["report"][4] != "never"
    assert re.fullmatch(r"[0-9a-f]{12}", by_label["report"][0])

    assert cli("revoke-token", "county CRM").returncode == 0
    assert sessions.token_guide(engine, crm) is None and sessions.token_guide(engine, other) is not None
    assert cli("revoke-token", by_label["report"][0]).returncode == 0
    assert sessions.token_guide(engine, other) is None
    missing = cli("revoke-token", "no-such-token")
    assert missing.returncode == 2 and "no token" in missing.stderr

    # set-password (it crashed after saving) ends the tokens too, and says so.
    third = cli("create-token", "--username", "aino", "--days", "7").stdout.strip()
    changed = cli("set-password", "--username", "aino", "--password-stdin", stdin="toinen-hyva-salasana\n")
    assert changed.returncode == 0, changed.stderr
    assert "ended" in changed.stdout and sessions.token_guide(engine, third) is None
    assert cli("set-password", "--username", "aino", "--password-stdin", stdin=" " * 10 + "\n").returncode == 2


def test_an_admin_revokes_any_token_through_the_api_a_guide_only_their_own(console, app_engine):
    aino = make_guide(app_engine, "aino")
    make_guide(app_engine, "boss", counties=(), role="admin")
    leaked = sessions.create_token(app_engine, aino, days=30, label="leaked")
    as_aino = {"Authorization": f"Bearer {sessions.create_token(app_engine, aino, days=30, label='own')}"}
    boss = login(console.url, "boss")
    listed = boss.get(f"{console.url}/guide/api/tokens").json()["tokens"]
    assert {t["label"] for t in listed} == {"leaked", "own"} and leaked not in str(listed)
    assert set(listed[0]) == {"id", "label", "username", "created_at", "last_used_at", "expires_at"}
    leaked_id = next(t["id"] for t in listed if t["label"] == "leaked")

    other = make_guide(app_engine, "eero")
    eero = {"Authorization": f"Bearer {sessions.create_token(app_engine, other, days=1)}"}
    assert requests.delete(f"{console.url}/guide/api/tokens/{leaked_id}", headers=eero).status_code == 404
    assert sorted(
        t["label"] for t in requests.get(f"{console.url}/guide/api/tokens", headers=as_aino).json()["tokens"]
    ) == ["leaked", "own"]
    assert boss.delete(f"{console.url}/guide/api/tokens/{leaked_id}").status_code == 403  # CSRF header missing
    revoked = boss.delete(f"{console.url}/guide/api/tokens/{leaked_id}", headers={"X-CSRF-Token": boss.csrf})
    assert revoked.status_code == 200 and revoked.json()["revoked"][0]["label"] == "leaked"
    assert requests.get(f"{console.url}/guide/api/me", headers={"Authorization": f"Bearer {leaked}"}).status_code == 401
    assert requests.get(f"{console.url}/guide/api/me", headers=as_aino).status_code == 200
    assert (
        boss.delete(f"{console.url}/guide/api/tokens/{leaked_id}", headers={"X-CSRF-Token": boss.csrf}).status_code
        == 404
    )


# ------------------------------------------------------------------ the login throttle


def _post_login(url: str, username: str, password: str, headers: dict | None = None) -> requests.Response:
    browser = requests.Session()
    form = browser.get(f"{url}/guide/login", headers=headers)
    return browser.post(
        f"{url}/guide/login",
        headers=headers,
        allow_redirects=False,
        data={"username": username, "password": password, "csrf_token": hidden_token(form.text)},
    )


def test_thirty_parallel_wrong_passwords_are_checked_one_at_a_time(console, app_engine, monkeypatch):
    make_guide(app_engine, "aino")
    checked = []
    original = accounts.verify_password

    def counting(password, stored):
        checked.append(password)
        return original(password, stored)

    monkeypatch.setattr(accounts, "verify_password", counting)
    statuses: list[int] = []
    threads = [
        threading.Thread(target=lambda: statuses.append(_post_login(console.url, "aino", WRONG).status_code))
        for _ in range(30)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    assert len(statuses) == 30 and set(statuses) <= {401, 429}
    # The free attempts and at most one after each wait that passed during the burst; never all 30.
    assert 1 <= len(checked) <= sessions.FREE_FAILURES + 2, len(checked)
    assert statuses.count(401) == len(checked)
    with Session(app_engine) as db:
        assert db.get(LoginThrottleRow, "user:aino").failures == len(checked)


def test_the_wait_grows_with_each_failure_and_is_capped_not_a_lock(app_engine):
    make_guide(app_engine, "aino")
    now = service.utcnow()
    waits = []
    for n in range(14):
        assert sessions.claim_attempt(app_engine, "aino", f"198.51.100.{n}", now=now) is None
        sessions.attempt_failed(app_engine, "aino", f"198.51.100.{n}", now=now)
        wait = sessions.claim_attempt(app_engine, "aino", "192.0.2.99", now=now)
        if wait is None:  # free to try: this probe tries nothing and gives the username back
            sessions.attempt_abandoned(app_engine, "aino", now=now)
        waits.append(wait or 0)
        now += timedelta(seconds=waits[-1])  # the attacker waits exactly as long as told
    free = sessions.FREE_FAILURES
    assert waits[: free - 1] == [0] * (free - 1)
    growing = waits[free - 1 :]
    assert growing[0] == sessions.FIRST_DELAY.total_seconds()
    assert all(b == min(2 * a, sessions.MAX_DELAY.total_seconds()) for a, b in zip(growing, growing[1:]))
    assert max(waits) == sessions.MAX_DELAY.total_seconds()  # the guide waits at most this, never 15 min+
    # The right password after the wait: in, and the count starts again.
    assert sessions.claim_attempt(app_engine, "aino", "192.0.2.99", now=now) is None
    sessions.attempt_succeeded(app_engine, "aino")
    assert sessions.claim_attempt(app_engine, "aino", "192.0.2.99", now=now) is None


def test_one_address_guessing_many_usernames_is_slowed_down(app_engine):
    now = service.utcnow()
    for n in range(sessions.FREE_FAILURES_PER_ADDRESS):
        assert sessions.claim_attempt(app_engine, f"user{n}", "203.0.113.7", now=now) is None
        sessions.attempt_failed(app_engine, f"user{n}", "203.0.113.7", now=now)
    assert sessions.claim_attempt(app_engine, "someone-else", "203.0.113.7", now=now) >= 1
    assert sessions.claim_attempt(app_engine, "someone-else", "203.0.113.8", now=now) is None


def _throttled_addresses(engine) -> set[str]:
    with Session(engine) as db:
        return {k[len("addr:") :] for k in db.scalars(select(LoginThrottleRow.key)) if k.startswith("addr:")}


def test_x_forwarded_for_is_believed_only_from_the_trusted_proxy(app_engine, tracker_url):
    make_guide(app_engine, "aino")
    forged = {"X-Forwarded-For": "203.0.113.66"}
    # (Plain cookies: the forwarding headers would otherwise make them Secure, which requests keeps off http.)
    with RunningConsole(make_app(app_engine, tracker_url, secure_cookies=False)) as direct:
        assert _post_login(direct.url, "aino", WRONG, forged).status_code == 401
    assert _throttled_addresses(app_engine) == {"127.0.0.1"}
    with RunningConsole(
        make_app(app_engine, tracker_url, secure_cookies=False, trusted_proxies=("127.0.0.1",))
    ) as proxied:
        through = {"X-Forwarded-For": "198.51.100.1, 203.0.113.5"}  # the client forged the first entry
        assert _post_login(proxied.url, "eero", WRONG, through).status_code == 401
    assert _throttled_addresses(app_engine) == {"127.0.0.1", "203.0.113.5"}


# ------------------------------------------------------------------ cookies and the login form


def _cookies(response: requests.Response) -> list[str]:
    return response.raw.headers.getlist("Set-Cookie")


def test_cookies_are_host_prefixed_and_secure_except_on_plain_loopback_http(app_engine, tracker_url):
    with RunningConsole(make_app(app_engine, tracker_url)) as auto:
        plain = _cookies(requests.get(f"{auto.url}/guide/login"))
        # Behind the usual TLS proxy on the same machine: the proxy's headers say it is not plain loopback.
        proxied = _cookies(
            requests.get(
                f"{auto.url}/guide/login", headers={"X-Forwarded-Proto": "https", "X-Forwarded-For": "203.0.113.9"}
            )
        )
        public_name = _cookies(requests.get(f"{auto.url}/guide/login", headers={"Host": "viitta.example.fi"}))
    assert plain and all(not c.startswith("__Host-") and "Secure" not in c for c in plain)
    for cookie in proxied + public_name:
        assert cookie.startswith("__Host-") and "Secure" in cookie and "Path=/;" in cookie + ";"
        assert "Domain" not in cookie and "HttpOnly" in cookie and "SameSite=Strict" in cookie
    with RunningConsole(make_app(app_engine, tracker_url, secure_cookies=True)) as forced:
        assert _cookies(requests.get(f"{forced.url}/guide/login"))[0].startswith("__Host-viitta_guide_login=")


def test_a_login_through_the_secure_cookies_works(app_engine, tracker_url):
    make_guide(app_engine, "aino")
    with RunningConsole(make_app(app_engine, tracker_url, secure_cookies=True)) as running:
        form = requests.get(f"{running.url}/guide/login")
        nonce = form.cookies["__Host-viitta_guide_login"]
        answer = requests.post(
            f"{running.url}/guide/login",
            cookies={"__Host-viitta_guide_login": nonce},
            data={"username": "aino", "password": PASSWORD, "csrf_token": hidden_token(form.text)},
            allow_redirects=False,
        )
        assert answer.status_code == 303
        session = answer.cookies["__Host-" + SESSION_COOKIE]
        assert (
            requests.get(f"{running.url}/guide/api/me", cookies={"__Host-" + SESSION_COOKIE: session}).json()[
                "username"
            ]
            == "aino"
        )
        # The same value under the unprefixed name (what a sibling host or plain-HTTP page could plant) is no login.
        assert requests.get(f"{running.url}/guide/api/me", cookies={SESSION_COOKIE: session}).status_code == 401


def test_the_login_csrf_token_is_signed_a_planted_cookie_does_not_help(console, app_engine, tracker_url):
    make_guide(app_engine, "aino")
    planted = "A" * 43  # a nonce an attacker set in the victim's browser, with a token of their choosing
    for token in (planted, "forged", ""):
        answer = requests.post(
            f"{console.url}/guide/login",
            cookies={"viitta_guide_login": planted},
            data={"username": "aino", "password": PASSWORD, "csrf_token": token},
            allow_redirects=False,
        )
        assert answer.status_code == 403
    # A real form of another console (another key) does not fit this one either.
    with RunningConsole(make_app(app_engine, tracker_url, secret="another-key")) as other:
        browser = requests.Session()
        form = browser.get(f"{other.url}/guide/login")
        nonce = browser.cookies["viitta_guide_login"]
    answer = requests.post(
        f"{console.url}/guide/login",
        cookies={"viitta_guide_login": nonce},
        data={"username": "aino", "password": PASSWORD, "csrf_token": hidden_token(form.text)},
        allow_redirects=False,
    )
    assert answer.status_code == 403
    # Consoles sharing GUIDE_SECRET accept each other's forms (several behind one address).
    with (
        RunningConsole(make_app(app_engine, tracker_url, secret="shared")) as one,
        RunningConsole(make_app(app_engine, tracker_url, secret="shared")) as two,
    ):
        browser = requests.Session()
        form = browser.get(f"{one.url}/guide/login")
        answer = browser.post(
            f"{two.url}/guide/login",
            allow_redirects=False,
            data={"username": "aino", "password": PASSWORD, "csrf_token": hidden_token(form.text)},
        )
        assert answer.status_code == 303


# ------------------------------------------------------------------ integers


@pytest.mark.parametrize("after", [str(10**20), "-1", "1e3", "٣", "--5", "0x10", " ", str(2**31)])
def test_an_out_of_range_after_is_a_400_never_a_500(console, app_engine, after):
    guide = make_guide(app_engine, "aino")
    handoff = service.take(app_engine, _waiting(app_engine).id, guide.id)
    auth = {"Authorization": f"Bearer {sessions.create_token(app_engine, guide, days=1)}"}
    url = f"{console.url}/guide/api/handoffs/{handoff.id}/messages"
    assert requests.get(url, params={"after": after}, headers=auth).status_code == 400
    assert requests.get(url, params={"after": str(2**31 - 1)}, headers=auth).status_code == 200


@pytest.mark.parametrize("handoff_id", ["%00", "a" * 33, "ä", "x%0Ay"])
def test_odd_handoff_ids_are_404(console, app_engine, handoff_id):
    guide = make_guide(app_engine, "aino")
    auth = {"Authorization": f"Bearer {sessions.create_token(app_engine, guide, days=1)}"}
    assert requests.get(f"{console.url}/guide/api/handoffs/{handoff_id}", headers=auth).status_code == 404


def test_token_days_are_bounded(app_engine):
    guide = make_guide(app_engine, "aino")
    for days in (0, -1, 10**6):
        with pytest.raises(accounts.AccountError):
            sessions.create_token(app_engine, guide, days=days)
    with Session(app_engine) as db:
        assert db.scalars(select(GuideTokenRow)).all() == []
