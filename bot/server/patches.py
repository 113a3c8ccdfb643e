"""Measured fixes for Rasa 3.6 that have no plug point, applied by `python -m bot.server` (see bench/README.md).

1. Rasa 3.6 checks every action-server reply with `jsonschema.validate()`, which re-validates the
   schema itself against the JSON-Schema meta-schema on each call: ~10 ms of CPU per custom-action call
   (27 of the 41 ms of CPU a turn took), on the event loop that serves everyone. Here the schema is checked once and its validator reused;
   replies are validated exactly as before (same schema, same validator class, same errors).
2. Reading a conversation turns every stored event's name into its class by walking all ~40 Event
   subclasses, for each event. The answer per name is now remembered.
3. Security, not speed: the HTTP API (on only with RASA_TOKEN, bot/serve.py) refuses changes sent as
   text/plain or as a form. A web page of any origin may send those without a CORS preflight
   (`/conversations/<id>/tracker/events` set a slot from a foreign Origin); JSON needs a preflight,
   which Rasa's CORS answers only for CORS_ORIGINS. The channels under /webhooks/ are not touched.

The SQLite tracker store's connection and journal settings have a plug point (the tracker store's own
engine) and live in bot/server/tracker_store.py.

Each fix replaces a Rasa internal, so they are applied only to the Rasa they were measured on (3.6.x):
`apply()` refuses any other version. `undo()` puts Rasa's originals back (for tests).
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any, Callable, Dict, Optional

# The Rasa line these fixes were written for and checked against (tests/unit/test_server_patches.py).
RASA_SERIES = "3.6."


class UnsupportedRasaVersion(RuntimeError):
    """The installed Rasa is not the one the fixes replace internals of."""


def check_rasa_version(version: Optional[str] = None) -> None:
    """Raise UnsupportedRasaVersion unless `version` (the installed Rasa's by default) is 3.6.x."""
    if version is None:
        import rasa

        version = rasa.__version__
    if not str(version).startswith(RASA_SERIES):
        raise UnsupportedRasaVersion(
            f"bot.server.patches replaces internals of Rasa {RASA_SERIES}x, but Rasa {version} is installed. "
            f"Install the pinned Rasa (requirements.txt with constraints.txt), or check each fix against "
            f"Rasa {version} and change RASA_SERIES in bot/server/patches.py."
        )


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
                return response.json(
                    {
                        "status": "failure",
                        "reason": "UnsupportedMediaType",
                        "message": "send JSON (Content-Type: application/json)",
                    },
                    status=415,
                )

        return app

    create_app.wrapped = original
    return create_app


# What apply() replaced, to put back: (owner, attribute name, Rasa's original as stored on the owner).
_replaced: list[tuple[Any, str, Any]] = []


def _replace(owner: Any, name: str, make: Callable[[Any], Any]) -> None:
    original = owner.__dict__[name] if isinstance(owner, type) else getattr(owner, name)
    _replaced.append((owner, name, original))
    setattr(owner, name, make(getattr(owner, name)))


def apply() -> None:
    """Install the fixes into the Rasa modules of this process (idempotent); only on Rasa 3.6.x."""
    check_rasa_version()
    if _replaced:
        return
    from rasa import server
    from rasa.core.actions.action import RemoteAction
    from rasa.shared.core.events import Event

    _replace(RemoteAction, "_validate_action_result", lambda _original: validate_action_result)
    _replace(server, "create_app", _api_without_simple_posts)
    _replace(Event, "resolve_by_type", _remembered_event_types)


def undo() -> None:
    """Put Rasa's originals back (the tests do, so that no other test runs on a patched Rasa)."""
    while _replaced:
        owner, name, original = _replaced.pop()
        setattr(owner, name, original)
    _action_reply_validator.cache_clear()


def applied() -> bool:
    return bool(_replaced)
