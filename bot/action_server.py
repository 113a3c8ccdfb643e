"""The action server (rasa_sdk) for the Rasa server only: bound to ACTION_HOST, and with ACTION_TOKEN
every call but /health must carry that shared secret.

    python -m bot.action_server --actions bot.actions --port 5055    # what bot.serve starts

rasa_sdk binds SANIC_HOST (0.0.0.0 unless set) and answers anyone: a forged tracker posted to
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
    """rasa_sdk's app (3.21: built around an ActionExecutor) behind the shared-secret check. Auto-reload stays
    off (it re-imports the actions on every call) and no tracer is set up: endpoints.yml configures none."""
    from rasa_sdk.endpoint import create_app as sdk_app
    from rasa_sdk.executor import ActionExecutor
    from sanic import response

    executor = ActionExecutor()
    executor.register_package(actions)
    app = sdk_app(executor, cors_origins=cors or None, auto_reload=False)

    @app.on_request
    async def require_token(request):
        if not allowed(token, request.path, sent_token(dict(request.args), dict(request.headers))):
            return response.json({"error": "unauthorized"}, status=401)

    return app


def serving_app(actions: str, token: str, cors: Optional[list] = None):
    """The app as each Sanic 25 worker builds it (Sanic.serve re-creates it per process from a loader)."""
    from rasa_sdk.plugin import plugin_manager

    app = create_app(actions, token, cors)
    plugin_manager().hook.attach_sanic_app_extensions(app=app)
    return app


def main(argv: Optional[list] = None) -> int:
    from functools import partial

    from rasa_sdk import utils
    from rasa_sdk.constants import APPLICATION_ROOT_LOGGER_NAME
    from rasa_sdk.endpoint import create_argument_parser, create_ssl_config
    from sanic import Sanic
    from sanic.worker.loader import AppLoader

    args = create_argument_parser().parse_args(argv)
    # The gRPC server of rasa_sdk 3.21 has no secret check and Rasa 3.6 cannot call it: never started here.
    if getattr(args, "grpc", False):
        raise SystemExit("--grpc is not supported: Rasa 3.6 calls the action server over HTTP (/webhook).")
    s = get_settings()
    check_address(s.action_host, s.action_token)
    logging.getLogger("matplotlib").setLevel(logging.WARN)
    utils.configure_colored_logging(args.loglevel)
    utils.configure_file_logging(
        logging.getLogger(APPLICATION_ROOT_LOGGER_NAME), args.log_file, args.loglevel, args.logging_config_file
    )
    utils.update_sanic_log_level()
    actions = args.actions_module or args.actions
    loader = AppLoader(factory=partial(serving_app, actions, s.action_token, args.cors))
    app = loader.load()
    logging.getLogger(__name__).info(
        "Action server on %s:%s (%s)",
        s.action_host,
        args.port,
        "shared secret required" if s.action_token else "loopback only, no secret",
    )
    ssl_config = create_ssl_config(args.ssl_certificate, args.ssl_keyfile, args.ssl_password)
    app.prepare(host=s.action_host, port=args.port, ssl=ssl_config, workers=utils.number_of_sanic_workers())
    Sanic.serve(primary=app, app_loader=loader)
    return 0


if __name__ == "__main__":
    sys.exit(main())
