"""Record what the real Rasa 3.6 server sends the action server, and what the action server answers.

    .venv/bin/python -m tests.contract.record [--out tests/contract/recorded]

Starts Viitta in two parts (`bot.serve --actions-only`, `bot.serve --rasa-only`) with a recording proxy
between them, has the conversations of CONVERSATIONS over the REST channel, and writes up to PER_ACTION
exchanges per custom action to one JSON file per action. The first recording was made with the action
server on rasa-sdk 3.6.2 (Python 3.10), before the action server moved to rasa-sdk 3.21: its replies are
the reference the contract test compares with (tests/contract/README.md).
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
import uuid
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import requests

from tests.contract.recordings import DOMAIN_REF, RECORDED, custom_actions

ROOT = Path(__file__).resolve().parents[2]
PER_ACTION = 3
TOKEN = "contract-recording-token"

# Made-up conversations (no personal data) that call every custom action, both forms and their validations.
CONVERSATIONS = [
    ["mun mies juo paljon ja meillä on vauva", "asun rovaniemellä", "mikä sen puhelinnumero on?", "kiitos"],
    ["min sambo dricker varje kväll och vi har en bebis, vi bor i Jakobstad", "vad är deras telefonnummer?"],
    ["mun mies on lyöny mua monta kertaa ja mä pelkään sitä", "meillä on kolmen kuukauden vauva", "Oulu"],
    ["mun tyttöystävä on raskaana ja käyttää amfetamiinia", "poikaystävä", "Rovaniemi", "/correct_situation"],
    ["mä en jaksa enää vauvan kanssa", "en halua kertoa", "mitä sä osaat?"],
    ["haluun jutella jonkun oikeen ihmisen kanssa", "asun rovaniemellä", "joo", "onko siellä ketään?"],
    ["jag vill prata med en människa", "Vasa", "nej tack"],
    ["haluan puhua palveluohjaajan kanssa, asun kokkolassa", "kyllä, jätän viestin"],
    ["haluan puhua ihmisen kanssa", "en kerro", "Ahvenanmaa"],
    ["asdfgh qwerty zxcvb", "qwerty asdf jklö", "joo"],
    ["olen neuvolan terveydenhoitaja ja asiakkaallani on päihdeongelma, minne ohjaan?", "Seinäjoki"],
    ["vad kan du hjälpa till med?", "vi har det tufft i familjen", "Borgå", "/feedback_helpful"],
    ["meillä on 2-vuotias joka ei nuku ja oon ihan loppu", "Kuopio", "/feedback_not_helpful"],
    ["mitä mun pitäis tehdä", "asun tampereella", "mun teini polttaa pilveä joka päivä", "ok"],
    ["jos kerron että käytän raskaana, tuleeko siitä lastensuojeluilmoitus?", "Oulu"],
    ["onks tää anonyymi?", "puhu ruotsia"],
    ["hej", "vår tonåring dricker", "Närpes", "kan jag få prata med någon?", "ja", "ja"],
]


class Recorder:
    def __init__(self) -> None:
        self.exchanges: list[dict] = []
        self.lock = threading.Lock()

    def proxy(self, target: str) -> ThreadingHTTPServer:
        recorder = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args) -> None:  # quiet
                pass

            def _forward(self, body: bytes | None) -> None:
                request = urllib.request.Request(target + self.path, data=body, method=self.command)
                for key in ("Content-Type", "Authorization"):
                    if self.headers.get(key):
                        request.add_header(key, self.headers[key])
                try:
                    with urllib.request.urlopen(request, timeout=60) as answer:
                        status, reply = answer.status, answer.read()
                except urllib.error.HTTPError as error:
                    status, reply = error.code, error.read()
                if body and self.path.startswith("/webhook"):
                    with recorder.lock:
                        recorder.exchanges.append(
                            {"request": json.loads(body), "status": status, "reply": json.loads(reply or b"null")}
                        )
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(reply)))
                self.end_headers()
                self.wfile.write(reply)

            def do_POST(self) -> None:
                self._forward(self.rfile.read(int(self.headers.get("Content-Length") or 0)))

            def do_GET(self) -> None:
                self._forward(None)

        server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        return server


def _free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait(url: str, timeout: float = 300) -> None:
    deadline = time.time() + timeout
    while time.time() < deadline:
        try:
            if requests.get(url, timeout=2).status_code == 200:
                return
        except requests.RequestException:
            pass
        time.sleep(1)
    raise SystemExit(f"{url} not up after {timeout} s")


def record(out: Path) -> dict[str, list[dict]]:
    tmp = Path(tempfile.mkdtemp(prefix="viitta-contract-"))
    action_port = _free_port()
    env = {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{tmp / 'app.db'}",
        "TRACKER_STORE_URL": f"sqlite:///{tmp / 'tracker.db'}",
        "RASA_PORT": str(_free_port()),
        "GUIDE_PORT": str(_free_port()),
        "ACTION_TOKEN": TOKEN,
        "RASA_TELEMETRY_ENABLED": "false",
    }
    subprocess.run([sys.executable, "-m", "bot.directory", "load"], cwd=ROOT, env=env, check=True)
    recorder = Recorder()
    processes = []
    try:
        actions_env = {**env, "ACTION_PORT": str(action_port)}
        processes.append(
            subprocess.Popen(
                [sys.executable, "-m", "bot.serve", "--actions-only"], cwd=ROOT, env=actions_env, start_new_session=True
            )
        )
        _wait(f"http://127.0.0.1:{action_port}/health")
        proxy = recorder.proxy(f"http://127.0.0.1:{action_port}")
        rasa_env = {**env, "ACTION_PORT": str(proxy.server_address[1])}
        processes.append(
            subprocess.Popen(
                [sys.executable, "-m", "bot.serve", "--rasa-only"], cwd=ROOT, env=rasa_env, start_new_session=True
            )
        )
        base = f"http://127.0.0.1:{env['RASA_PORT']}"
        _wait(f"{base}/")
        for turns in CONVERSATIONS:
            sender = f"contract-{uuid.uuid4().hex[:12]}"
            for text in turns:
                requests.post(f"{base}/webhooks/rest/webhook", json={"sender": sender, "message": text}, timeout=60)
    finally:
        for process in processes:
            os.killpg(process.pid, signal.SIGTERM)
            process.wait(timeout=30)
    by_action: dict[str, list[dict]] = {}
    for exchange in recorder.exchanges:
        kept = by_action.setdefault(exchange["request"]["next_action"], [])
        if len(kept) < PER_ACTION:
            kept.append(exchange)
    out.mkdir(parents=True, exist_ok=True)
    # Rasa 3.6 sends the whole domain with every call: kept once (_domain.json), put back by recordings.py.
    for kept in by_action.values():
        for exchange in kept:
            domain = exchange["request"].pop("domain")
            exchange["request"]["domain"] = DOMAIN_REF
    (out / "_domain.json").write_text(json.dumps(domain, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    for name, kept in by_action.items():
        (out / f"{name}.json").write_text(json.dumps(kept, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return by_action


def main() -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.contract.record", description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=RECORDED)
    args = parser.parse_args()
    recorded = record(args.out)
    missing = sorted(set(custom_actions()) - set(recorded))
    print(f"recorded {sum(map(len, recorded.values()))} calls of {len(recorded)} actions; missing: {missing or 'none'}")
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())
