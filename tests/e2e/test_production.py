"""Production mode: PostgreSQL for the tracker store and the app database, Redis for Rasa's lock store,
two Rasa server instances sharing them. One conversation's messages go alternately (and at the same
time) to both instances: no event is lost, duplicated or reordered, and no turn interleaves another.

Needs PostgreSQL (TEST_POSTGRES_URL) and Redis (TEST_REDIS_URL) on loopback: skipped when they are
absent, a failure when CI=true (they run on 127.0.0.1 there).
"""

from __future__ import annotations

import concurrent.futures
import os
import uuid

import pytest
import requests
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from tests.conftest import POSTGRES_URL, _on_ci
from tests.e2e.conftest import MODEL, Stack, free_port, load_directory, stack_env

REDIS_URL = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/0")
TOKEN = "e2e-production-token"


def _unavailable(what: str, exc: Exception):
    if _on_ci():
        pytest.fail(f"{what} must be reachable on CI: {exc}")
    pytest.skip(f"{what} not reachable: {exc}")


def _fresh_database() -> tuple[str, callable]:
    name = f"viitta_e2e_{uuid.uuid4().hex[:10]}"
    admin = create_engine(POSTGRES_URL, isolation_level="AUTOCOMMIT", future=True)
    try:
        with admin.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{name}"'))
    except Exception as exc:
        admin.dispose()
        _unavailable(f"PostgreSQL at {POSTGRES_URL}", exc)

    def drop() -> None:
        with admin.connect() as conn:
            conn.execute(text("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = :n"), {"n": name})
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}"'))
        admin.dispose()

    return str(make_url(POSTGRES_URL).set(database=name)), drop


@pytest.fixture(scope="module")
def instances(tmp_path_factory):
    if not MODEL.exists():
        pytest.fail(f"No trained model at {MODEL}: run `make train`.")
    try:
        import redis

        redis.Redis.from_url(REDIS_URL, socket_timeout=2).ping()
    except Exception as exc:
        _unavailable(f"Redis at {REDIS_URL}", exc)
    database, drop = _fresh_database()
    home = tmp_path_factory.mktemp("production")
    prefix = f"viittae2e{uuid.uuid4().hex[:8]}"  # our own lock keys on a shared Redis
    env = stack_env(
        home,
        DATABASE_URL=database,
        TRACKER_STORE_URL=database,
        RASA_TOKEN=TOKEN,
        ACTION_TOKEN="e2e-production-action-secret",
        LOCK_STORE_URL=f"{REDIS_URL}?key_prefix={prefix}",
    )
    actions = Stack(home, env, ("--actions-only",), "actions")
    rasa = [
        Stack(home, env, ("--rasa-only",), "rasa-a"),
        Stack(home, {**env, "RASA_PORT": str(free_port())}, ("--rasa-only",), "rasa-b"),
    ]
    try:
        load_directory(env)
        actions.start()
        for instance in rasa:  # both load the model at the same time
            instance.start(wait=False)
        for instance in rasa:
            instance.wait()
        yield [instance.base for instance in rasa]
    finally:
        for part in (*rasa, actions):
            part.stop()
        drop()


def _say(base: str, sender: str, message: str) -> list[dict]:
    response = requests.post(f"{base}/webhooks/rest/webhook", json={"sender": sender, "message": message}, timeout=60)
    response.raise_for_status()
    return response.json()


def _events(base: str, sender: str) -> list[dict]:
    response = requests.get(f"{base}/conversations/{sender}/tracker", params={"token": TOKEN}, timeout=10)
    response.raise_for_status()
    return response.json()["events"]


def _turns(events: list[dict]) -> list[list[dict]]:
    """The events split at each user message; each turn begins with its user event."""
    turns: list[list[dict]] = []
    for event in events:
        if event["event"] == "user":
            turns.append([event])
        elif turns:
            turns[-1].append(event)
    return turns


def _assert_whole_turns(events: list[dict]) -> None:
    for turn in _turns(events):
        assert any(e["event"] == "bot" for e in turn), f"a turn without its answer: {turn[0]['text']!r}"
        assert turn[-1]["event"] == "action" and turn[-1]["name"] == "action_listen"
    stamps = [e["timestamp"] for e in events]
    assert stamps == sorted(stamps)


MESSAGES = [
    "hei",
    "mun mies juo joka päivä",
    "meillä on vauva",
    "Oulu",
    "kiitos",
    "onko tämä nimetöntä",
    "oletko botti",
    "mitä sä osaat",
    "ei kiitos",
    "mitä teen kun oon tosi väsynyt",
    "Kemi",
    "moikka",
]


def test_alternating_instances_keep_one_conversation_in_order(instances):
    sender = f"prod-{uuid.uuid4().hex[:12]}"
    for i, message in enumerate(MESSAGES):
        replies = _say(instances[i % 2], sender, message)
        assert replies and all(r["recipient_id"] == sender for r in replies)
    events_a, events_b = _events(instances[0], sender), _events(instances[1], sender)
    assert events_a == events_b  # one shared store
    assert [e["text"] for e in events_a if e["event"] == "user"] == MESSAGES
    _assert_whole_turns(events_a)


def test_simultaneous_messages_to_both_instances_are_serialised(instances):
    sender = f"prod-{uuid.uuid4().hex[:12]}"
    _say(instances[0], sender, "hei")
    sent = [f"{MESSAGES[1 + i % (len(MESSAGES) - 1)]} ({i})" for i in range(16)]  # 8 pairs
    with concurrent.futures.ThreadPoolExecutor(max_workers=2) as pool:
        for first, second in zip(sent[::2], sent[1::2]):  # two at the same moment, one to each instance
            answers = list(
                pool.map(lambda pair: _say(*pair), [(instances[0], sender, first), (instances[1], sender, second)])
            )
            assert all(answers)
    events = _events(instances[1], sender)
    users = [e["text"] for e in events if e["event"] == "user"]
    assert users[0] == "hei" and sorted(users[1:]) == sorted(sent)  # none lost, none twice
    _assert_whole_turns(events)  # the Redis lock kept each turn whole
