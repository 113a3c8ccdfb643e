"""Conversations that cannot be read or taken over by guessing an id, through the real servers:
the REST conversation token, REST sender ids, range checks, and web chat ids the server issued."""

from __future__ import annotations

import asyncio
import json
import uuid

import requests
import websockets

from bot.handoff import messages
from tests.e2e.conftest import API, Chat


def _post(viitta: str, sender: str, text: str = "hei") -> requests.Response:
    return requests.post(f"{viitta}/webhooks/rest/webhook", json={"sender": sender, "message": text}, timeout=30)


def _tokens(replies: list[dict]) -> list[str]:
    return [r["custom"]["token"] for r in replies if (r.get("custom") or {}).get("type") == "conversation"]


def test_the_first_reply_carries_the_token_and_reading_needs_it(viitta, app_db):
    sender = f"integrator-{uuid.uuid4().hex[:8]}"
    first = _post(viitta, sender, "moi").json()
    [token] = _tokens(first)
    assert any(r.get("text") for r in first)  # the bot still answered
    assert _tokens(_post(viitta, sender, "mun mies juo").json()) == []  # only a new conversation gets it

    written = messages.post(app_db, sender, "guide", {"text": "Hei, olen Anna."})
    url = f"{viitta}/webhooks/rest/messages"
    assert requests.get(url, params={"sender": sender}, timeout=10).status_code == 403
    assert requests.get(url, params={"sender": sender, "token": "0" * 32}, timeout=10).status_code == 403
    other = f"integrator-{uuid.uuid4().hex[:8]}"
    assert requests.get(url, params={"sender": other, "token": token}, timeout=10).status_code == 403
    found = requests.get(url, params={"sender": sender, "token": token}, timeout=10)
    assert found.status_code == 200 and [m["id"] for m in found.json()][-1] == written.id


def test_delete_my_conversation_needs_the_token(viitta):
    chat = Chat(viitta)
    chat.say("mun mies juo ja asutaan Oulussa")
    url = f"{viitta}/webhooks/rest/forget"
    assert requests.post(url, json={"sender": chat.sender}, timeout=10).status_code == 403
    assert requests.post(url, json={"sender": chat.sender, "token": "x"}, timeout=10).status_code == 403
    tracker = requests.get(f"{viitta}/conversations/{chat.sender}/tracker", params=API, timeout=10).json()
    assert [e for e in tracker["events"] if e["event"] == "user"]
    done = requests.post(url, json={"sender": chat.sender, "token": chat.token}, timeout=30)
    assert done.status_code == 200 and done.json() == {"status": "forgotten"}
    tracker = requests.get(f"{viitta}/conversations/{chat.sender}/tracker", params=API, timeout=10).json()
    assert [e for e in tracker["events"] if e["event"] == "user"] == []
    assert _tokens(_post(viitta, chat.sender).json()) == [chat.token]  # a new conversation again


def test_rest_refuses_other_channels_ids_control_characters_and_huge_cursors(viitta):
    for sender in ("web-0123456789abcdef0123456789abcdef", "tg-12345", "a\nb", "a\x00b", "x" * 129, ""):
        assert _post(viitta, sender).status_code == 400, sender
    chat = Chat(viitta)
    chat.say("hei")
    url = f"{viitta}/webhooks/rest/messages"
    for after in (str(10**20), "-1", "1e9", "eilen"):
        answer = requests.get(url, params={"sender": chat.sender, "token": chat.token, "after": after}, timeout=10)
        assert answer.status_code == 400, after
    assert chat.poll(after=2**63 - 1) == []


async def _hello(url: str, conversation, after=0) -> dict:
    async with websockets.connect(url, open_timeout=10) as ws:
        await ws.send(json.dumps({"type": "hello", "conversation": conversation, "after": after}))
        return json.loads(await asyncio.wait_for(ws.recv(), 10))


def test_the_websocket_accepts_only_ids_it_issued(viitta):
    url = viitta.replace("http://", "ws://") + "/webhooks/webchat/socket"
    issued = asyncio.run(_hello(url, None))["conversation"]
    assert asyncio.run(_hello(url, issued))["conversation"] == issued  # a reconnect keeps it
    for made_up in ("web-" + "0" * 32, issued[:-1] + ("1" if issued[-1] != "1" else "2"), "e2e-abc", "tg-1"):
        ready = asyncio.run(_hello(url, made_up))
        assert ready["type"] == "ready" and ready["conversation"] not in (made_up, issued)
    assert asyncio.run(_hello(url, issued, after=10**20)) == {"type": "ready", "conversation": issued}
