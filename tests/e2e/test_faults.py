"""Faults, each with the process or database really stopped or broken: the action server down, the
databases unreadable, the Rasa server restarted. Every turn still gets a helpful answer, and the
conversation goes on where it was. Also: the HTTP API's token, retention commands and clean logs.

This module runs its own Viitta (action server and Rasa server as separate processes, SQLite files
in a temporary folder, RASA_TOKEN set), so that breaking it never disturbs the other tests.
"""

from __future__ import annotations

import hashlib
import hmac
import shutil
import subprocess
import sys
from types import SimpleNamespace

import pytest
import requests

from tests.e2e.conftest import MODEL, ROOT, Chat, Stack, customs, load_directory, stack_env, text_of

TOKEN = "e2e-token-not-secret"
LOG_KEY = "e2e"


def _pseudonym(sender: str) -> str:
    """What bot.privacy.logs writes for a sender id under this stack's LOG_HASH_KEY."""
    return "c-" + hmac.new(LOG_KEY.encode(), sender.encode(), hashlib.sha256).hexdigest()[:12]


def _logs(stack) -> str:
    return "".join((stack.home / f"{name}.log").read_text(errors="replace") for name in ("rasa", "actions"))


@pytest.fixture(scope="module")
def stack(tmp_path_factory):
    if not MODEL.exists():
        pytest.fail(f"No trained model at {MODEL}: run `make train`.")
    home = tmp_path_factory.mktemp("faults")
    env = stack_env(home, RASA_TOKEN=TOKEN, LOG_HASH_KEY=LOG_KEY, ACTION_TOKEN="e2e-faults-action-secret")
    load_directory(env)
    actions = Stack(home, env, ("--actions-only",), "actions")
    rasa = Stack(home, env, ("--rasa-only",), "rasa")
    try:
        actions.start()
        rasa.start()
        yield SimpleNamespace(home=home, env=env, base=rasa.base, actions=actions, rasa=rasa)
    finally:
        rasa.stop()
        actions.stop()


def _tracker(stack, sender: str) -> dict:
    response = requests.get(f"{stack.base}/conversations/{sender}/tracker", params={"token": TOKEN}, timeout=10)
    response.raise_for_status()
    return response.json()


def _county_contact(replies: list[dict], county_name: str) -> bool:
    start = text_of("utter_services_unavailable", "fi").split("{")[0]
    return any(r.get("text", "").startswith(start) and county_name in r["text"] for r in replies)


def _national_lines(replies: list[dict]) -> bool:
    return any(r.get("text") == text_of("utter_directory_unavailable", "fi") for r in replies)


def test_the_http_api_needs_the_token_and_the_chat_does_not(stack):
    chat = Chat(stack.base)
    assert chat.say("hei")
    assert requests.get(f"{stack.base}/conversations/{chat.sender}/tracker", timeout=10).status_code == 401
    assert (
        requests.get(
            f"{stack.base}/conversations/{chat.sender}/tracker", params={"token": "wrong"}, timeout=10
        ).status_code
        == 401
    )
    assert _tracker(stack, chat.sender)["sender_id"] == chat.sender


def test_action_server_down_every_turn_gets_the_countys_contact(stack):
    chat = Chat(stack.base)
    assert customs(chat.say("mun mies juo joka päivä ja meillä on vauva, asutaan Rovaniemellä"), "service")
    stack.actions.stop()
    try:
        for text in (
            "entä jos mies on väkivaltainen, mihin voi ottaa yhteyttä",
            "mun teini polttaa pilveä",
            "mistä saan apua jaksamiseen",
        ):
            replies = chat.say(text)
            assert replies and _county_contact(replies, "Lapin hyvinvointialue"), (text, replies)
        # Without a known place: the national lines.
        stranger = Chat(stack.base)
        assert _national_lines(stranger.say("mun mies juo ja pelkään"))
        # Danger still gets the emergency guidance first (a domain response: no action server needed).
        danger = chat.say("mies lyö mua nyt")
        assert danger[0]["text"] == text_of("utter_emergency", "fi")
    finally:
        stack.actions.start()
    assert customs(chat.say("mun mies juo joka päivä ja meillä on vauva"), "service")


def test_databases_down_every_turn_still_gets_an_answer(stack):
    chat = Chat(stack.base)
    assert chat.say("hei")
    saved = {}
    for name in ("app.db", "tracker.db"):
        path = stack.home / name
        saved[name] = stack.home / f"{name}.saved"
        shutil.copy(path, saved[name])
        path.write_bytes(b"this is not a database " * 200)  # what a dead disk or a dropped database looks like
    try:
        # Kainuu: a county no earlier test of this module asked for, so the action server's directory
        # cache cannot answer and the broken database is really read (and its failure logged).
        for text in ("mun mies juo ja asutaan Kajaanissa", "onko tämä nimetöntä", "mies lyö mua nyt"):
            replies = chat.say(text)
            assert replies and any(r.get("text") for r in replies), (text, replies)
            if "lyö mua nyt" in text:
                assert replies[0]["text"] == text_of("utter_emergency", "fi")
            elif "Kajaanissa" in text:
                assert _national_lines(replies) or customs(replies, "service"), replies
    finally:
        for name, copy in saved.items():
            shutil.copy(copy, stack.home / name)
    assert customs(Chat(stack.base).say("mun mies juo ja asutaan Kajaanissa"), "service")
    # The failures were logged, with SQL, under the conversation's pseudonym: no id, no words.
    logs = _logs(stack)
    assert "file is not a database" in logs and _pseudonym(chat.sender) in logs
    assert chat.sender not in logs and "mun mies juo ja asutaan Kajaanissa" not in logs


def test_a_restarted_rasa_server_continues_the_conversation(stack):
    chat = Chat(stack.base)
    asked = chat.say("mun mies juo joka päivä ja meillä on vauva")
    assert text_of("utter_ask_area", "fi") in [r.get("text") for r in asked]
    stack.rasa.stop()
    with pytest.raises(requests.ConnectionError):
        chat.say("Rovaniemi")  # really down
    stack.rasa.start()
    answer = chat.say("Rovaniemi")
    cards = customs(answer, "service")
    assert cards and cards[0]["area"] == "lappi"  # the form remembered what it was asking


def test_logs_carry_neither_message_text_nor_sender_ids(stack):
    chat = Chat(stack.base)
    phrase = "this sentence is only here to be looked for in the logs"
    chat.say(phrase)
    logs = _logs(stack)
    assert "Rasa server is up and running" in logs or "Starting" in logs  # the right files, being written
    assert phrase not in logs and chat.sender not in logs


def test_forget_and_purge_from_the_command_line(stack):
    keep, forget = Chat(stack.base), Chat(stack.base)
    keep.say("mun mies juo")
    forget.say("mun mies juo")
    run = [sys.executable, "-m", "bot.privacy"]
    subprocess.run(run + ["forget", forget.sender], cwd=ROOT, env=stack.env, check=True)
    assert [e for e in _tracker(stack, forget.sender)["events"] if e["event"] == "user"] == []
    assert [e for e in _tracker(stack, keep.sender)["events"] if e["event"] == "user"]
    out = subprocess.run(
        run + ["purge", "--days", "0"], cwd=ROOT, env=stack.env, check=True, capture_output=True, text=True
    ).stdout
    assert "purged:" in out
    assert [e for e in _tracker(stack, keep.sender)["events"] if e["event"] == "user"] == []
