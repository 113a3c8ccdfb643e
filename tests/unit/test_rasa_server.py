"""The fixes bot.rasa_server applies to Rasa 3.6: same behaviour, less work per turn."""
from __future__ import annotations

import jsonschema
import pytest
from rasa.core import tracker_store
from rasa.core.actions.action import RemoteAction
from sqlalchemy import create_engine, text
from sqlalchemy.pool import SingletonThreadPool

from bot import rasa_server


@pytest.fixture(scope="module", autouse=True)
def applied():
    rasa_server.apply()
    rasa_server.apply()  # twice: nothing is wrapped or registered twice


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


def test_the_sqlite_tracker_store_keeps_its_connection(tmp_path):
    kwargs = tracker_store.create_engine_kwargs(f"sqlite:///{tmp_path / 'tracker.db'}")
    assert kwargs["poolclass"] is SingletonThreadPool


def test_postgresql_settings_are_left_to_rasa():
    kwargs = tracker_store.create_engine_kwargs("postgresql://rasa@localhost/tracker")
    assert "poolclass" not in kwargs and "pool_size" in kwargs


def test_sqlite_files_get_write_ahead_logging(tmp_path):
    engine = create_engine(f"sqlite:///{tmp_path / 'tracker.db'}")
    with engine.connect() as connection:
        assert connection.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert connection.execute(text("PRAGMA synchronous")).scalar() == 1  # NORMAL
    engine.dispose()


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


@pytest.mark.parametrize("method,path,content_type,refused", [
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
])
def test_the_api_refuses_what_a_foreign_page_can_post_without_a_preflight(method, path, content_type, refused):
    assert rasa_server.refused_cross_site(method, path, content_type) is refused


def test_the_api_app_gets_the_check():
    from rasa import server

    assert hasattr(server.create_app, "wrapped")
    app = server.create_app(auth_token="t")
    assert any(getattr(m, "__name__", "") == "refuse_simple_requests" for m in app.request_middleware)
