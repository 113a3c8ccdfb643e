"""The real Rasa 3.6 server's recorded webhook calls (tests/contract/recorded/) replayed against the action
server as it runs now (`python -m bot.action_server`, rasa-sdk 3.21 on Python 3.12+): the same replies as
the rasa-sdk 3.6.2 action server gave, and every reply valid by Rasa 3.6's own rules (validate_rasa36.py,
run in .venv-rasa)."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest
import requests

from bot.labels import labels
from tests.contract.recordings import ROOT, custom_actions, recorded

TOKEN = "contract-test-token"
VOLATILE = {"timestamp", "handoff_id", "open_now"}
# Whether a service is open depends on the wall clock when the test runs (bot/directory/hours.py has its
# own tests), so the card's "(open now)" / "(closed now)" label is compared as one placeholder.
OPEN_LABELS = [text for key in ("open_now", "closed_now") for text in labels()[key].values()]
RASA_PYTHON = os.environ.get("RASA_PYTHON") or str(ROOT / ".venv-rasa" / "bin" / "python")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def action_server():
    tmp = Path(tempfile.mkdtemp(prefix="viitta-contract-"))
    port = _free_port()
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{tmp / 'app.db'}", "ACTION_TOKEN": TOKEN}
    subprocess.run([sys.executable, "-m", "bot.directory", "load"], cwd=ROOT, env=env, check=True)
    log = (tmp / "actions.log").open("w")
    process = subprocess.Popen(
        [sys.executable, "-m", "bot.action_server", "--actions", "bot.actions", "--port", str(port)],
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.time() + 120
    while time.time() < deadline:
        try:
            if requests.get(f"{url}/health", timeout=2).status_code == 200:
                break
        except requests.RequestException:
            time.sleep(0.5)
    else:
        process.kill()
        pytest.fail(f"action server not up:\n{(tmp / 'actions.log').read_text()[-3000:]}")
    yield url
    process.terminate()
    process.wait(timeout=30)


def _normalised(reply):
    """Timestamps, new handoffs' ids and opening state differ run to run; everything else must be the same."""
    if isinstance(reply, dict):
        return {k: _normalised(v) for k, v in reply.items() if k not in VOLATILE}
    if isinstance(reply, list):
        return [_normalised(v) for v in reply]
    if isinstance(reply, str):
        for text in OPEN_LABELS:
            reply = reply.replace(text, "(open or closed now)")
    return reply


def _validate_with_rasa36(replies: list) -> list:
    if not Path(RASA_PYTHON).exists():
        pytest.fail(f"No Rasa 3.6 environment at {RASA_PYTHON}: make install builds .venv-rasa")
    done = subprocess.run(
        [RASA_PYTHON, "-m", "tests.contract.validate_rasa36"],
        input=json.dumps(replies),
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={**os.environ, "TF_CPP_MIN_LOG_LEVEL": "3"},
        check=True,
    )
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_every_custom_action_has_a_recording():
    assert sorted(recorded()) == sorted(custom_actions())


def test_the_replies_are_the_recorded_ones_and_valid_for_rasa_36(action_server):
    replies, differences = [], []
    for action, exchanges in recorded().items():
        for exchange in exchanges:
            answer = requests.post(f"{action_server}/webhook?token={TOKEN}", json=exchange["request"], timeout=60)
            assert answer.status_code == exchange["status"], (action, answer.text[:500])
            reply = answer.json()
            replies.append(reply)
            if _normalised(reply) != _normalised(exchange["reply"]):
                differences.append((action, reply, exchange["reply"]))
    assert not differences, [
        (a, json.dumps(_normalised(r))[:800], json.dumps(_normalised(e))[:800]) for a, r, e in differences[:2]
    ]
    assert len(replies) >= len(custom_actions())
    errors = [e for e in _validate_with_rasa36(replies) if e]
    assert not errors, errors


def test_the_validator_refuses_what_rasa_36_does_not_know():
    known = {"events": [{"event": "slot", "name": "area", "value": "lappi"}], "responses": []}
    unknown = {"events": [{"event": "session_ended"}], "responses": []}
    assert _validate_with_rasa36([known, unknown])[0] is None
    assert _validate_with_rasa36([known, unknown])[1]


def test_a_call_without_the_domain_is_449(action_server):
    """rasa-sdk >= 3.9 answers 449 when no domain is sent: why Rasa's enable_selective_domain stays off."""
    request = dict(next(iter(recorded().values()))[0]["request"])
    request.pop("domain")
    answer = requests.post(f"{action_server}/webhook?token={TOKEN}", json=request, timeout=30)
    assert answer.status_code == 449
