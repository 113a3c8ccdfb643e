"""Rasa's own command line with measured fixes for Rasa 3.6 applied first (see bench/README.md).

    python -m bot.rasa_server run --enable-api --model bot/models ...   # what bot.serve starts

1. Rasa 3.6 checks every action-server reply with `jsonschema.validate()`, which re-validates the
   schema itself against the JSON-Schema meta-schema on each call: ~10 ms of CPU per custom-action call
   (27 of the 41 ms of CPU a turn took), on the event loop that serves everyone. Here the schema is checked once and its validator reused;
   replies are validated exactly as before (same schema, same validator class, same errors).
2. The SQL tracker store reads and writes the conversation on every turn. With SQLite, SQLAlchemy 1.4
   opens and closes a connection per session and the default rollback journal waits for an fsync on
   every commit: 3–30 ms per turn, depending on how busy the disk is. The tracker store's SQLite connection is
   kept open (one per thread, SQLAlchemy's SingletonThreadPool) and SQLite files get write-ahead
   logging with synchronous=NORMAL: still consistent after a crash of the process or the machine;
   only the last turns can be lost on a power cut. PostgreSQL is not touched.
3. Reading a conversation turns every stored event's name into its class by walking all ~40 Event
   subclasses, for each event. The answer per name is now remembered.
4. Security, not speed: the HTTP API (on only with RASA_TOKEN, bot/serve.py) refuses changes sent as
   text/plain or as a form. A web page of any origin may send those without a CORS preflight
   (`/conversations/<id>/tracker/events` set a slot from a foreign Origin); JSON needs a preflight,
   which Rasa's CORS answers only for CORS_ORIGINS. The channels under /webhooks/ are not touched.
"""
from __future__ import annotations

import sqlite3
import sys
from functools import lru_cache
from typing import Any, Dict, Optional


@lru_cache(maxsize=1)
def _action_reply_validator():
    from jsonschema.validators import validator_for
    from rasa.core.actions.action import RemoteAction

    schema = RemoteAction.action_response_format_spec()
    validator_class = validator_for(schema)
    validator_class.check_schema(schema)
    return validator_class(schema)


def validate_action_result(self, result: Dict[str, Any]) -> bool:
    """Drop-in for RemoteAction._validate_action_result with a validator built once."""
    from jsonschema import ValidationError
    from rasa.shared.constants import DOCS_BASE_URL

    try:
        _action_reply_validator().validate(result)
        return True
    except ValidationError as e:
        e.message += (
            ". Failed to validate Action server response from API, make sure your response from the Action "
            f"endpoint is valid. For more information about the format visit {DOCS_BASE_URL}/custom-actions"
        )
        raise e


def sqlite_write_ahead_log(dbapi_connection, _connection_record) -> None:
    """SQLAlchemy `connect` listener: WAL and synchronous=NORMAL for SQLite connections only."""
    if isinstance(dbapi_connection, sqlite3.Connection):
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.close()


def _tracker_store_engine_kwargs(original):
    """Wraps rasa.core.tracker_store.create_engine_kwargs: SQLite connections stay open."""

    def create_engine_kwargs(url) -> Dict[str, Any]:
        from sqlalchemy.pool import SingletonThreadPool

        kwargs = original(url)
        if str(url).startswith("sqlite"):
            kwargs.setdefault("poolclass", SingletonThreadPool)
        return kwargs

    create_engine_kwargs.wrapped = original
    return create_engine_kwargs


def _remembered_event_types(original):
    """Wraps Event.resolve_by_type: the class of each event name is looked up once."""
    known: Dict[str, Any] = {}

    def resolve_by_type(type_name: str, default: Optional[Any] = None):
        found = known.get(type_name)
        if found is None:
            found = original(type_name, default)
            if found is not None and found is not default:
                known[type_name] = found
        return found

    resolve_by_type.wrapped = original
    return staticmethod(resolve_by_type)


# Content types a browser sends cross-origin without asking first (the Fetch standard's "simple" requests).
SIMPLE_CONTENT_TYPES = {"text/plain", "application/x-www-form-urlencoded", "multipart/form-data"}
# PUT and DELETE always need a preflight; POST does not when its body is one of the types above or untyped.
CHANGING_METHODS = {"POST"}


def refused_cross_site(method: str, path: str, content_type: str) -> bool:
    """A change to the HTTP API in a form a foreign page can send without a preflight."""
    if method not in CHANGING_METHODS or path.startswith("/webhooks/"):
        return False
    return content_type.split(";")[0].strip().lower() in SIMPLE_CONTENT_TYPES or not content_type


def _api_without_simple_posts(original):
    """Wraps rasa.server.create_app: the API's changes need a JSON (or YAML) body."""

    def create_app(*args, **kwargs):
        from sanic import response

        app = original(*args, **kwargs)

        @app.on_request
        async def refuse_simple_requests(request):
            if refused_cross_site(request.method, request.path, request.headers.get("content-type", "")):
                return response.json({"status": "failure", "reason": "UnsupportedMediaType",
                                      "message": "send JSON (Content-Type: application/json)"}, status=415)

        return app

    create_app.wrapped = original
    return create_app


def apply() -> None:
    """Install the fixes into the Rasa modules of this process (idempotent)."""
    from rasa import server
    from rasa.core import tracker_store
    from rasa.core.actions.action import RemoteAction
    from rasa.shared.core.events import Event
    from sqlalchemy import event
    from sqlalchemy.engine import Engine

    RemoteAction._validate_action_result = validate_action_result
    if not hasattr(server.create_app, "wrapped"):
        server.create_app = _api_without_simple_posts(server.create_app)
    if not hasattr(Event.resolve_by_type, "wrapped"):
        Event.resolve_by_type = _remembered_event_types(Event.resolve_by_type)
    if not hasattr(tracker_store.create_engine_kwargs, "wrapped"):
        tracker_store.create_engine_kwargs = _tracker_store_engine_kwargs(tracker_store.create_engine_kwargs)
    if not event.contains(Engine, "connect", sqlite_write_ahead_log):
        event.listen(Engine, "connect", sqlite_write_ahead_log)


def main() -> int:
    apply()
    from rasa.__main__ import main as rasa_main

    sys.argv[0] = "rasa"
    rasa_main()
    return 0


if __name__ == "__main__":
    sys.exit(main())
