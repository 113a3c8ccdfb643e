"""The example reverse proxy (docs/reverse-proxy/nginx.conf) run for real on loopback in front of two
stand-in servers: the channels and the console pass, Rasa's HTTP API never does, and the client cannot
choose the address the console sees. Needs Debian's nginx-light (scripts/system-packages.sh)."""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
import requests

ROOT = Path(__file__).resolve().parents[2]
CONFIG = ROOT / "docs" / "reverse-proxy" / "nginx.conf"
NGINX = shutil.which("nginx") or "/usr/sbin/nginx"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class StandIn(ThreadingHTTPServer):
    """Answers every request with what it received (which server, method, raw path, headers)."""

    def __init__(self, name: str) -> None:
        self.name, self.seen = name, []
        outer = self

        class Handler(BaseHTTPRequestHandler):
            def _answer(self):
                length = int(self.headers.get("Content-Length") or 0)
                if length:
                    self.rfile.read(length)
                outer.seen.append(self.path)
                body = json.dumps(
                    {
                        "server": outer.name,
                        "method": self.command,
                        "path": self.path,
                        "headers": {k.lower(): v for k, v in self.headers.items()},
                    }
                ).encode()
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            do_GET = do_POST = do_PUT = do_DELETE = _answer

            def log_message(self, *_args):
                pass

        super().__init__(("127.0.0.1", 0), Handler)
        self.port = self.server_address[1]
        threading.Thread(target=self.serve_forever, daemon=True).start()


def adapted_config(port: int, rasa: int, guide: int) -> str:
    """The example with the marked lines adapted: plain HTTP on a loopback port, stand-in upstreams."""
    lines = []
    for line in CONFIG.read_text(encoding="utf-8").splitlines():
        code, _, marker = line.partition("# test:")
        marker = marker.strip()
        if marker == "drop":
            continue
        if marker == "listen":
            code = f"    listen 127.0.0.1:{port};"
        elif marker == "rasa":
            code = f"    server 127.0.0.1:{rasa};"
        elif marker == "guide":
            code = f"    server 127.0.0.1:{guide};"
        lines.append(code.rstrip() if marker else line)
    return "\n".join(lines)


@pytest.fixture(scope="module")
def proxy(tmp_path_factory):
    if not Path(NGINX).exists():
        if os.environ.get("CI"):
            pytest.fail("nginx is needed (scripts/system-packages.sh installs nginx-light)")
        pytest.skip("nginx not installed (apt-get install nginx-light)")
    home = tmp_path_factory.mktemp("nginx")
    rasa, guide = StandIn("rasa"), StandIn("guide")
    port = _free_port()
    (home / "viitta.conf").write_text(adapted_config(port, rasa.port, guide.port), encoding="utf-8")
    temp = "\n".join(
        f"    {kind}_temp_path {home / kind};" for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
    )
    (home / "nginx.conf").write_text(
        f"""
daemon off;
master_process off;
worker_processes 1;
pid {home / "nginx.pid"};
error_log {home / "error.log"} warn;
events {{ worker_connections 64; }}
http {{
    access_log off;
{temp}
    include {home / "viitta.conf"};
}}
""",
        encoding="utf-8",
    )
    check = subprocess.run(
        [NGINX, "-t", "-p", str(home), "-c", str(home / "nginx.conf")], capture_output=True, text=True
    )
    assert check.returncode == 0, check.stderr
    process = subprocess.Popen([NGINX, "-p", str(home), "-c", str(home / "nginx.conf")], stderr=subprocess.PIPE)
    base = f"http://127.0.0.1:{port}"
    for _ in range(100):
        try:
            requests.get(base, timeout=1)
            break
        except requests.RequestException:
            time.sleep(0.1)
    try:
        yield base, rasa, guide
    finally:
        process.terminate()
        process.wait(10)
        rasa.shutdown()
        guide.shutdown()


@pytest.mark.parametrize(
    "method,path,server",
    [
        ("GET", "/webhooks/webchat/widget.js", "rasa"),
        ("GET", "/webhooks/webchat/demo", "rasa"),
        ("POST", "/webhooks/rest/webhook", "rasa"),
        ("GET", "/webhooks/rest/messages?sender=x&after=0", "rasa"),
        ("POST", "/webhooks/telegram/webhook", "rasa"),
        ("GET", "/guide/login", "guide"),
        ("GET", "/guide/api/me", "guide"),
        ("POST", "/guide/api/handoffs/x/take", "guide"),
    ],
)
def test_the_channels_and_the_console_pass(proxy, method, path, server):
    base, _rasa, _guide = proxy
    answer = requests.request(method, base + path, json={}, timeout=10)
    assert answer.status_code == 200 and answer.json()["server"] == server and answer.json()["path"] == path


@pytest.mark.parametrize(
    "method,path",
    [
        ("GET", "/status"),
        ("GET", "/version"),
        ("GET", "/"),
        ("POST", "/model/parse"),
        ("PUT", "/model"),
        ("DELETE", "/model"),
        ("POST", "/model/train"),
        ("GET", "/domain"),
        ("GET", "/conversations/x/tracker"),
        ("POST", "/conversations/x/tracker/events"),
        ("GET", "/conversations/x/tracker?token=leaked"),
        ("POST", "/conversations/x/messages"),
        ("GET", "/webhooks/rest/../../status"),
        ("GET", "/webhooks/rest/%2e%2e/%2e%2e/conversations/x/tracker"),
        ("GET", "/webhooks/webchat/..%2f..%2fstatus"),
        ("GET", "/guide/../model/parse"),
        ("GET", "//status"),
        ("GET", "/Status"),
        ("GET", "/webhooks/"),
        ("GET", "/webhooks/callback/webhook"),
        ("GET", "/webhook"),
        ("GET", "/health"),
        ("GET", "/actions"),
    ],
)
def test_rasas_http_api_and_everything_else_is_not_there(proxy, method, path):
    base, rasa, guide = proxy
    before = len(rasa.seen) + len(guide.seen)
    # A raw request line: requests would normalise the dot segments before sending them.
    with socket.create_connection(("127.0.0.1", int(base.rsplit(":", 1)[1])), timeout=10) as conn:
        conn.sendall(
            f"{method} {path} HTTP/1.1\r\nHost: viitta.example.fi\r\nContent-Length: 2\r\n"
            f"Connection: close\r\n\r\n{{}}".encode()
        )
        status_line = conn.makefile("rb").readline().decode()
    assert status_line.split()[1] == "404", (path, status_line)
    assert len(rasa.seen) + len(guide.seen) == before  # nothing reached a server


def test_the_client_cannot_choose_its_forwarded_address(proxy):
    base, _rasa, _guide = proxy
    seen = requests.get(
        f"{base}/guide/login",
        headers={"X-Forwarded-For": "203.0.113.9", "X-Real-IP": "203.0.113.9", "Forwarded": "for=203.0.113.9"},
        timeout=10,
    ).json()
    assert seen["headers"]["x-forwarded-for"] == "127.0.0.1"
    assert "x-real-ip" not in seen["headers"] and "forwarded" not in seen["headers"]
    assert seen["headers"]["x-forwarded-proto"] == "http"  # https in production: the console's cookies are Secure


def test_the_websocket_upgrade_is_passed_to_the_widget_only(proxy):
    base, _rasa, _guide = proxy
    upgrade = {"Upgrade": "websocket", "Connection": "Upgrade"}
    widget = requests.get(f"{base}/webhooks/webchat/socket", headers=upgrade, timeout=10).json()
    assert widget["headers"].get("upgrade") == "websocket" and widget["headers"]["connection"].lower() == "upgrade"
    rest = requests.get(f"{base}/webhooks/rest/messages", headers=upgrade, timeout=10).json()
    assert "upgrade" not in rest["headers"]
