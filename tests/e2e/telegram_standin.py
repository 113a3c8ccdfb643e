"""A local stand-in of the Telegram Bot API: a small HTTP server on 127.0.0.1 that records every call
(sendMessage, answerCallbackQuery, setWebhook, …) and serves getUpdates from updates a test queues.

    with BotApiStandIn() as api:
        env["TELEGRAM_API_URL"] = api.url
        api.queue_update(TOKEN, api.text_update(chat_id=42, text="hei"))
        sent = api.wait_for(TOKEN, "sendMessage", lambda c: c["chat_id"] == "42")
"""

from __future__ import annotations

import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Callable, Optional
from urllib.parse import parse_qs

MAX_LONG_POLL = 2.0  # the stand-in answers getUpdates within this, so a stopping server is not kept waiting


class BotApiStandIn:
    def __init__(self) -> None:
        self._cond = threading.Condition()
        self._calls: list[tuple[str, str, dict]] = []  # (token, method, params)
        self._updates: dict[str, list[dict]] = {}
        self._next_update_id = 1000
        self._next_message_id = 1
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self._server.server_address[1]}"

    def __enter__(self) -> "BotApiStandIn":
        self._thread.start()
        return self

    def __exit__(self, *_exc) -> None:
        self._server.shutdown()
        self._server.server_close()

    # ---- what tests use ---------------------------------------------------------------------------
    def queue_update(self, token: str, update: dict) -> int:
        """Make an update available to getUpdates; returns its update_id."""
        with self._cond:
            self._next_update_id += 1
            update = {**update, "update_id": self._next_update_id}
            self._updates.setdefault(token, []).append(update)
            self._cond.notify_all()
            return self._next_update_id

    def calls(self, token: str, method: str) -> list[dict]:
        with self._cond:
            return [params for t, m, params in self._calls if t == token and m == method]

    def wait_for(
        self,
        token: str,
        method: str,
        predicate: Callable[[dict], bool] = lambda _c: True,
        timeout: float = 30.0,
        count: int = 1,
    ) -> list[dict]:
        """Block until `count` recorded calls of `method` satisfy `predicate`; returns them."""
        deadline = time.monotonic() + timeout
        with self._cond:
            while True:
                found = [p for t, m, p in self._calls if t == token and m == method and predicate(p)]
                if len(found) >= count:
                    return found
                left = deadline - time.monotonic()
                if left <= 0:
                    raise AssertionError(
                        f"no {method} matching after {timeout} s; recorded: "
                        f"{[(m, p) for t, m, p in self._calls if t == token][-10:]}"
                    )
                self._cond.wait(left)

    @staticmethod
    def text_update(chat_id: int, text: str, language_code: Optional[str] = "fi", chat_type: str = "private") -> dict:
        return {
            "message": {
                "message_id": 1,
                "date": int(time.time()),
                "text": text,
                "chat": {"id": chat_id, "type": chat_type},
                "from": {
                    "id": chat_id,
                    "is_bot": False,
                    "first_name": "Testi",
                    **({"language_code": language_code} if language_code else {}),
                },
                **(
                    {"entities": [{"type": "bot_command", "offset": 0, "length": len(text.split()[0])}]}
                    if text.startswith("/")
                    else {}
                ),
            }
        }

    @staticmethod
    def button_update(chat_id: int, data: str, language_code: Optional[str] = "fi") -> dict:
        user = {
            "id": chat_id,
            "is_bot": False,
            "first_name": "Testi",
            **({"language_code": language_code} if language_code else {}),
        }
        return {
            "callback_query": {
                "id": f"cb{time.monotonic_ns()}",
                "from": user,
                "chat_instance": "1",
                "data": data,
                "message": {
                    "message_id": 1,
                    "date": int(time.time()),
                    "text": "…",
                    "chat": {"id": chat_id, "type": "private"},
                },
            }
        }

    # ---- the Bot API ------------------------------------------------------------------------------
    def _answer(self, token: str, method: str, params: dict):
        with self._cond:
            self._calls.append((token, method, params))
            self._cond.notify_all()
        if method == "getMe":
            return {"id": 4242, "is_bot": True, "first_name": "Viitta", "username": "viitta_test_bot"}
        if method == "getUpdates":
            return self._get_updates(token, params)
        if method == "sendMessage":
            with self._cond:
                self._next_message_id += 1
                return {
                    "message_id": self._next_message_id,
                    "date": int(time.time()),
                    "text": params.get("text", ""),
                    "chat": {"id": int(params["chat_id"]), "type": "private"},
                }
        return True

    def _get_updates(self, token: str, params: dict) -> list[dict]:
        offset = int(params.get("offset") or 0)
        wait = min(float(params.get("timeout") or 0), MAX_LONG_POLL)
        deadline = time.monotonic() + wait
        with self._cond:
            while True:
                queue = self._updates.setdefault(token, [])
                queue[:] = [u for u in queue if u["update_id"] >= offset]  # offset confirms the earlier ones
                if queue or time.monotonic() >= deadline:
                    return list(queue)
                self._cond.wait(deadline - time.monotonic())

    def _handler(self):
        standin = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *_args) -> None:  # keep test output clean
                pass

            def do_POST(self) -> None:  # noqa: N802 (http.server's naming)
                parts = self.path.strip("/").split("/")
                if len(parts) != 2 or not parts[0].startswith("bot"):
                    self._reply(404, {"ok": False, "error_code": 404, "description": "Not Found"})
                    return
                token, method = parts[0][3:], parts[1]
                raw = self.rfile.read(int(self.headers.get("content-length") or 0)).decode("utf-8")
                if "json" in (self.headers.get("content-type") or ""):
                    params = json.loads(raw or "{}")
                else:
                    params = {k: v[0] for k, v in parse_qs(raw).items()}
                self._reply(200, {"ok": True, "result": standin._answer(token, method, params)})

            do_GET = do_POST

            def _reply(self, status: int, body: dict) -> None:
                data = json.dumps(body).encode("utf-8")
                self.send_response(status)
                self.send_header("content-type", "application/json")
                self.send_header("content-length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

        return Handler
