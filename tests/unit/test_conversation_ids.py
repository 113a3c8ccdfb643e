"""Conversation ids the server issued and REST conversation tokens (connectors/ids.py)."""

from __future__ import annotations

import pytest

from bot import settings
from connectors import ids


@pytest.fixture
def key(monkeypatch):
    monkeypatch.setenv("CONVERSATION_KEY", "k1")
    settings.get_settings.cache_clear()
    ids.key.cache_clear()
    yield
    settings.get_settings.cache_clear()
    ids.key.cache_clear()


def _with_key(monkeypatch, value):
    monkeypatch.setenv("CONVERSATION_KEY", value)
    settings.get_settings.cache_clear()
    ids.key.cache_clear()


def test_only_issued_web_ids_are_accepted(key, monkeypatch):
    made = ids.new_web_id()
    assert made.startswith("web-") and len(made) == 36 and ids.issued_web_id(made) == made
    assert made != ids.new_web_id()
    forged = "web-" + made[4:20] + "0" * 16  # the right shape, a tag it did not get
    for other in (None, 5, "", forged, "web-" + "0" * 32, made + "0", made.upper(), "tg-" + made[4:]):
        assert ids.issued_web_id(other) is None
    _with_key(monkeypatch, "k2")  # another installation's key: its ids are not ours
    assert ids.issued_web_id(made) is None


def test_the_key_file_survives_a_restart(tmp_path):
    path = tmp_path / "var" / "conversation.key"
    first = ids._key_file(path)
    assert ids._key_file(path) == first and len(first) == 64
    assert path.stat().st_mode & 0o777 == 0o600


def test_rest_tokens_are_keyed_per_sender(key, monkeypatch):
    token = ids.rest_token("integrator-1")
    assert ids.rest_token_ok("integrator-1", token)
    assert not ids.rest_token_ok("integrator-2", token)
    for wrong in (None, "", token[:-1], token + "0", 5):
        assert not ids.rest_token_ok("integrator-1", wrong)
    _with_key(monkeypatch, "k2")
    assert not ids.rest_token_ok("integrator-1", token)


@pytest.mark.parametrize(
    "sender, ok",
    [
        ("integrator-1", True),
        ("e2e-abc", True),
        ("ä" * 128, True),
        ("", False),
        ("   ", False),
        ("x" * 129, False),
        (None, False),
        (5, False),
        ("web-0123456789abcdef0123456789abcdef", False),
        ("WEB-1", False),
        ("tg-123", False),
        ("a\nb", False),
        ("a\x00b", False),
        ("a\u200bb", False),
        ("a\x1b[31m", False),
    ],
)
def test_rest_sender_ids(sender, ok):
    assert (ids.rest_sender_problem(sender) is None) is ok


@pytest.mark.parametrize(
    "value, expected",
    [
        (None, 0),
        ("", 0),
        ("0", 0),
        ("17", 17),
        (17, 17),
        (str(2**63 - 1), 2**63 - 1),
        (str(10**20), None),
        (10**20, None),
        ("-1", None),
        (-1, None),
        ("1.5", None),
        ("1e3", None),
        ("eilen", None),
        ("١٢", None),
        (True, None),
        ([1], None),
    ],
)
def test_message_ids_are_range_checked(value, expected):
    assert ids.message_id(value) == expected
