"""The servers behind the channels answer only whom they are for (issue 13, items 2 and 4):
the action server only the Rasa server (a per-run shared secret from bot.serve), the Rasa HTTP API only
with RASA_TOKEN, and without it the API is off while the channels, the widget and the console work."""

from __future__ import annotations

import pytest
import requests

from tests.e2e.conftest import API, Chat, customs, running_viitta, stack_env

FORGED = {
    "next_action": "action_start_handoff",
    "sender_id": "e2e-forged",
    "version": "3.6.21",
    "tracker": {
        "sender_id": "e2e-forged",
        "slots": {"language": "fi", "area": "lappi"},
        "events": [],
        "latest_message": {"text": "haluan puhua ihmiselle", "intent": {"name": "request_human"}},
    },
    "domain": {},
}


def test_a_forged_action_call_is_refused_while_rasas_own_calls_work(stack, viitta):
    for kwargs in ({}, {"params": {"token": "guessed"}}, {"headers": {"Authorization": "Bearer guessed"}}):
        assert requests.post(f"{stack.action_url}/webhook", json=FORGED, timeout=10, **kwargs).status_code == 401
    assert requests.get(f"{stack.action_url}/actions", timeout=10).status_code == 401
    # The same turn through the Rasa server runs the custom actions (service search) with the secret.
    answer = Chat(viitta).say("mun mies juo joka päivä ja asun Kemissä")
    assert customs(answer, "service"), answer


def test_the_http_api_needs_the_token(stack, viitta):
    chat = Chat(viitta)
    chat.say("hei")
    for path in ("/status", f"/conversations/{chat.sender}/tracker"):
        assert requests.get(f"{viitta}{path}", timeout=10).status_code == 401
        assert requests.get(f"{viitta}{path}", params={"token": "wrong"}, timeout=10).status_code == 401
        assert requests.get(f"{viitta}{path}", params=API, timeout=10).status_code == 200


def _slot(viitta: str, sender: str, name: str):
    tracker = requests.get(f"{viitta}/conversations/{sender}/tracker", params=API, timeout=10).json()
    return tracker["slots"].get(name)


@pytest.mark.parametrize("content_type", ["text/plain", "application/x-www-form-urlencoded", None])
def test_a_cross_site_post_without_preflight_changes_nothing_even_with_the_token(stack, viitta, content_type):
    chat = Chat(viitta)
    chat.say("hei")
    before = _slot(viitta, chat.sender, "area")
    body = '[{"event": "slot", "name": "area", "value": "kainuu"}]'
    headers = {"Origin": "https://evil.example"}
    if content_type:
        headers["Content-Type"] = content_type
    url = f"{viitta}/conversations/{chat.sender}/tracker/events"
    for params in ({}, API):  # a page cannot know the token; even a leaked one does not help here
        answer = requests.post(url, params=params, data=body.encode(), headers=headers, timeout=10)
        assert answer.status_code == 415 if params else answer.status_code in (401, 415)
        assert "access-control-allow-origin" not in {k.lower() for k in answer.headers}
    assert _slot(viitta, chat.sender, "area") == before
    # An API client sending JSON with the token still can.
    ok = requests.post(url, params=API, json=[{"event": "slot", "name": "area", "value": "kainuu"}], timeout=10)
    assert ok.status_code == 200 and _slot(viitta, chat.sender, "area") == "kainuu"


@pytest.fixture(scope="module")
def without_token(tmp_path_factory):
    home = tmp_path_factory.mktemp("no-api")
    env = {k: v for k, v in stack_env(home).items() if k not in ("RASA_TOKEN", "ACTION_TOKEN")}
    with running_viitta(env, home) as running:
        yield running


def test_without_rasa_token_the_api_is_off_and_the_channels_widget_and_console_work(without_token):
    base = without_token.base
    for method, path in (
        ("get", "/status"),
        ("get", "/conversations/x/tracker"),
        ("post", "/model/parse"),
        ("get", "/version"),
        ("put", "/model"),
    ):
        assert getattr(requests, method)(f"{base}{path}", timeout=10).status_code in (404, 405), path
    assert requests.get(f"{base}/", timeout=10).status_code == 200
    assert Chat(base).say("mun mies juo joka päivä ja asun Kemissä")
    assert requests.get(f"{base}/webhooks/webchat/widget.js", timeout=10).status_code == 200
    assert requests.get(f"{without_token.guide_url}/guide/login", timeout=10).status_code == 200
    assert requests.post(f"{without_token.action_url}/webhook", json=FORGED, timeout=10).status_code == 401
