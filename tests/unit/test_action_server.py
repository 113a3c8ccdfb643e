"""The action server answers only the Rasa server: bound to ACTION_HOST, and with ACTION_TOKEN every call
but /health needs the shared secret (a forged /webhook call is refused). Run as its own process."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import psutil
import pytest
import requests

from bot import action_server

ROOT = Path(__file__).resolve().parents[2]
SECRET = "unit-action-secret-0123456789"
# What an outside tester posted: a made-up tracker asking for a handoff.
FORGED = {
    "next_action": "action_start_handoff",
    "sender_id": "someone-else",
    "version": "3.6.21",
    "tracker": {
        "sender_id": "someone-else",
        "slots": {"language": "fi"},
        "events": [],
        "latest_message": {"text": "apua", "intent": {"name": "ask_human"}},
    },
    "domain": {},
}


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def running():
    port = _free_port()
    env = {**os.environ, "ACTION_HOST": "127.0.0.1", "ACTION_TOKEN": SECRET, "SANIC_HOST": "0.0.0.0"}
    process = subprocess.Popen(
        [sys.executable, "-m", "bot.action_server", "--actions", "bot.actions", "--port", str(port)],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.time() + 120
    while time.time() < deadline:
        assert process.poll() is None, process.stdout.read().decode()[-2000:]
        try:
            if requests.get(f"{url}/health", timeout=2).ok:
                break
        except requests.RequestException:
            time.sleep(0.5)
    else:
        pytest.fail("the action server did not start")
    yield process, port, url
    process.terminate()
    try:
        process.wait(20)
    except subprocess.TimeoutExpired:
        process.kill()


def test_it_listens_only_on_the_loopback_address_although_sanic_host_says_otherwise(running):
    process, port, _url = running
    listening = [
        c.laddr
        for proc in [psutil.Process(process.pid), *psutil.Process(process.pid).children(True)]
        for c in proc.net_connections(kind="inet")
        if c.status == psutil.CONN_LISTEN and c.laddr.port == port
    ]
    assert listening and {a.ip for a in listening} == {"127.0.0.1"}
    outside = [
        a.address
        for addrs in psutil.net_if_addrs().values()
        for a in addrs
        if a.family == socket.AF_INET and not a.address.startswith("127.")
    ]
    for address in outside:  # another interface of this machine: nobody there
        with pytest.raises(OSError):
            socket.create_connection((address, port), timeout=2).close()


def test_a_forged_webhook_call_without_the_secret_is_refused(running):
    _process, _port, url = running
    assert requests.post(f"{url}/webhook", json=FORGED, timeout=10).status_code == 401
    assert requests.post(f"{url}/webhook", params={"token": "guess"}, json=FORGED, timeout=10).status_code == 401
    assert (
        requests.post(f"{url}/webhook", headers={"Authorization": "Bearer guess"}, json=FORGED, timeout=10).status_code
        == 401
    )
    assert requests.get(f"{url}/actions", timeout=10).status_code == 401


def test_the_secret_opens_the_actions(running):
    _process, _port, url = running
    listed = requests.get(f"{url}/actions", params={"token": SECRET}, timeout=10)
    assert listed.status_code == 200 and {"name": "action_start_handoff"} in listed.json()
    # Past the check, an unknown action is the executor's 404 (a real call runs in the e2e tests).
    unknown = requests.post(
        f"{url}/webhook",
        headers={"Authorization": f"Bearer {SECRET}"},
        json={**FORGED, "next_action": "action_that_does_not_exist"},
        timeout=10,
    )
    assert unknown.status_code == 404


def test_only_health_is_open():
    assert action_server.allowed(SECRET, "/health", "")
    assert not action_server.allowed(SECRET, "/webhook", "")
    assert not action_server.allowed(SECRET, "/webhook", SECRET[:-1])
    assert action_server.allowed(SECRET, "/webhook", SECRET)
    assert action_server.allowed("", "/webhook", "")  # no secret configured: loopback binding only


def test_rasas_token_parameter_and_a_bearer_header_are_both_read():
    assert action_server.sent_token({"token": [SECRET]}, {}) == SECRET
    assert action_server.sent_token({}, {"authorization": f"Bearer {SECRET}"}) == SECRET
    assert action_server.sent_token({}, {"authorization": f"Basic {SECRET}"}) == ""


def test_another_host_without_a_secret_is_refused():
    with pytest.raises(SystemExit, match="ACTION_TOKEN"):
        action_server.check_address("0.0.0.0", "")
    action_server.check_address("0.0.0.0", SECRET)
    action_server.check_address("127.0.0.1", "")
