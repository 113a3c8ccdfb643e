"""The action server (rasa_sdk) for the Rasa server only: bound to ACTION_HOST, and with ACTION_TOKEN
every call but /health must carry that shared secret.

    python -m bot.action_server --actions bot.actions --port 5055    # what bot.serve starts

rasa_sdk 3.6 binds SANIC_HOST (0.0.0.0 unless set) and answers anyone: a forged tracker posted to
/webhook could queue a handoff without consent or take over a conversation. Rasa sends the secret as
`?token=` (its `token` setting of the action endpoint, endpoints.yml); `Authorization: Bearer` works too.
"""

from __future__ import annotations

import hmac
import logging
import sys
from typing import Optional

from bot.settings import get_settings

# Answers without the secret: it tells nothing and the tests and process supervisors poll it.
OPEN_PATHS = {"/health"}
LOOPBACK = {"127.0.0.1", "localhost", "::1"}


def sent_token(args: dict, headers: dict) -> str:
    """The secret a request carries: Rasa's ?token= or an Authorization: Bearer header."""
    token = args.get("token") or ""
    if isinstance(token, list):
        token = token[0] if token else ""
    scheme, _, value = (headers.get("authorization") or "").partition(" ")
    if not token and scheme.lower() == "bearer":
        token = value.strip()
    return token


def allowed(expected: str, path: str, token: str) -> bool:
    """Whether a call may reach the actions; without a configured secret only the address protects them."""
    if not expected or path in OPEN_PATHS:
        return True
    return bool(token) and hmac.compare_digest(token.encode("utf-8"), expected.encode("utf-8"))


def check_address(host: str, token: str) -> None:
    """Refuse to listen beyond loopback without a secret (the actions would answer anyone there)."""
    if host not in LOOPBACK and not token:
        raise SystemExit(
            f"ACTION_HOST={host} is reachable from other hosts: set ACTION_TOKEN (docs/operations.md, "
            '"Running in production").'
        )


def create_app(actions: str, token: str, cors: Optional[list] = None):
    from rasa_sdk.endpoint import create_app as sdk_app
    from sanic import response

    app = sdk_app(actions, cors_origins=cors or None)

    @app.on_request
    async def require_token(request):
        if not allowed(token, request.path, sent_token(dict(request.args), dict(request.headers))):
            return response.json({"error": "unauthorized"}, status=401)

    return app


def main(argv: Optional[list] = None) -> int:
    from rasa_sdk import utils
    from rasa_sdk.constants import APPLICATION_ROOT_LOGGER_NAME
    from rasa_sdk.endpoint import create_argument_parser, create_ssl_context
    from rasa_sdk.plugin import plugin_manager

    args = create_argument_parser().parse_args(argv)
    s = get_settings()
    check_address(s.action_host, s.action_token)
    logging.getLogger("matplotlib").setLevel(logging.WARN)
    utils.configure_colored_logging(args.loglevel)
    utils.configure_file_logging(
        logging.getLogger(APPLICATION_ROOT_LOGGER_NAME), args.log_file, args.loglevel, args.logging_config_file
    )
    utils.update_sanic_log_level()
    app = create_app(args.actions, s.action_token, args.cors)
    plugin_manager().hook.attach_sanic_app_extensions(app=app)
    ssl_context = create_ssl_context(args.ssl_certificate, args.ssl_keyfile, args.ssl_password)
    logging.getLogger(__name__).info(
        "Action server on %s:%s (%s)",
        s.action_host,
        args.port,
        "shared secret required" if s.action_token else "loopback only, no secret",
    )
    app.run(s.action_host, args.port, ssl=ssl_context, workers=utils.number_of_sanic_workers())
    return 0


if __name__ == "__main__":
    sys.exit(main())
