"""The fixes bot.server.patches applies to Rasa 3.6: same behaviour, less work per turn; only on 3.6.x, and
undone after these tests so that no other test runs on a patched Rasa."""

from __future__ import annotations

import jsonschema
import pytest
import rasa
from rasa import server
from rasa.core.actions.action import RemoteAction
from rasa.shared.core.events import Event

from bot.server import patches as rasa_server


def _originals() -> tuple:
    return RemoteAction.__dict__["_validate_action_result"], server.create_app, Event.__dict__["resolve_by_type"]


@pytest.fixture(scope="module", autouse=True)
def applied():
    before = _originals()
    rasa_server.apply()
    rasa_server.apply()  # twice: nothing is wrapped or registered twice
    assert not hasattr(server.create_app.wrapped, "wrapped") and not hasattr(Event.resolve_by_type.wrapped, "wrapped")
    yield
    rasa_server.undo()
    assert _originals() == before and not rasa_server.applied()


REPLIES = [
    {"events": [{"event": "slot", "name": "area", "value": "lappi"}], "responses": [{"response": "utter_greet"}]},
    {"events": [], "responses": []},
    {"events": "not a list", "responses": []},
    {"events": [{"event": "slot", "name": 3}], "responses": []},
    {"events": [{"no_event_key": True}], "responses": []},
]


@pytest.mark.parametrize("reply", REPLIES)
def test_action_replies_are_judged_exactly_as_rasa_judges_them(reply):
    schema = RemoteAction.action_response_format_spec()
    try:
        jsonschema.validate(reply, schema)
        valid = True
    except jsonschema.ValidationError:
        valid = False
    action = RemoteAction("action_x", None)
    if valid:
        assert action._validate_action_result(reply) is True
    else:
        with pytest.raises(jsonschema.ValidationError, match="Failed to validate Action server response"):
            action._validate_action_result(reply)


def test_the_schema_is_checked_once():
    rasa_server._action_reply_validator.cache_clear()
    action = RemoteAction("action_x", None)
    for reply in REPLIES[:2] * 5:
        action._validate_action_result(reply)
    assert rasa_server._action_reply_validator.cache_info().misses == 1


def test_event_names_resolve_as_before():
    from rasa.shared.core.events import ActionExecuted, Event, SlotSet, UserUttered

    for _ in range(2):  # the second time from memory
        assert Event.resolve_by_type("slot") is SlotSet
        assert Event.resolve_by_type("user") is UserUttered
        assert Event.resolve_by_type("action") is ActionExecuted
    assert Event.resolve_by_type("topic") is None
    assert Event.resolve_by_type("no_such_event", default=SlotSet) is SlotSet
    with pytest.raises(ValueError, match="Unknown event name"):
        Event.resolve_by_type("no_such_event")


@pytest.mark.parametrize(
    "method,path,content_type,refused",
    [
        ("POST", "/conversations/x/tracker/events", "text/plain", True),
        ("POST", "/conversations/x/tracker/events", "text/plain;charset=UTF-8", True),
        ("POST", "/model/parse", "application/x-www-form-urlencoded", True),
        ("POST", "/model/parse", "multipart/form-data; boundary=x", True),
        ("POST", "/model/parse", "", True),
        ("POST", "/model/parse", "application/json", False),
        ("POST", "/model/train", "application/x-yaml", False),
        ("GET", "/conversations/x/tracker", "", False),
        ("PUT", "/conversations/x/tracker/events", "text/plain", False),  # PUT always needs a preflight
        ("POST", "/webhooks/rest/webhook", "text/plain", False),  # the channels are the public part
    ],
)
def test_the_api_refuses_what_a_foreign_page_can_post_without_a_preflight(method, path, content_type, refused):
    assert rasa_server.refused_cross_site(method, path, content_type) is refused


def test_the_api_app_gets_the_check():
    from rasa import server

    assert hasattr(server.create_app, "wrapped")
    app = server.create_app(auth_token="t")
    assert any(getattr(m, "__name__", "") == "refuse_simple_requests" for m in app.request_middleware)


def test_undo_puts_rasas_originals_back_and_apply_installs_them_again():
    rasa_server.undo()
    try:
        assert not hasattr(server.create_app, "wrapped") and not hasattr(Event.resolve_by_type, "wrapped")
        assert RemoteAction._validate_action_result is not rasa_server.validate_action_result
    finally:
        rasa_server.apply()
    assert hasattr(server.create_app, "wrapped") and not hasattr(server.create_app.wrapped, "wrapped")
    assert RemoteAction._validate_action_result is rasa_server.validate_action_result


@pytest.mark.parametrize("version", ["3.7.0", "3.5.17", "4.0.0", "13.6.1"])
def test_the_fixes_refuse_a_rasa_they_were_not_checked_against(version, monkeypatch):
    monkeypatch.setattr(rasa, "__version__", version)
    rasa_server.undo()
    try:
        with pytest.raises(rasa_server.UnsupportedRasaVersion, match=rf"Rasa {version} is installed"):
            rasa_server.apply()
        assert not rasa_server.applied() and not hasattr(server.create_app, "wrapped")
    finally:
        monkeypatch.undo()
        rasa_server.apply()


def test_the_command_line_stops_with_the_message_on_another_rasa(monkeypatch, capsys):
    from bot.server import __main__ as command_line

    monkeypatch.setattr(rasa, "__version__", "3.7.1")
    monkeypatch.setattr(rasa_server, "_replaced", [])  # as in a fresh process
    assert command_line.main() == 2
    assert "Rasa 3.7.1 is installed" in capsys.readouterr().err
    assert rasa.__version__ == "3.7.1" and not rasa_server.applied()


def test_every_3_6_release_is_accepted():
    for version in ("3.6.0", "3.6.21", rasa.__version__):
        rasa_server.check_rasa_version(version)
