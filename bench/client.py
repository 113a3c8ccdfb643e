"""The benchmark's HTTP client, run as its own process so that it never competes with the servers' event loops.

    python -m bench.client load --url http://127.0.0.1:5005 --concurrency 20 --duration 25 --out turns.json
    python -m bench.client parse --url http://127.0.0.1:5005 --out parse.json

`load`: N people hold whole conversations of the mix (bench/conversations.py) at the same time through
POST /webhooks/rest/webhook, each conversation with its own sender id. After every reply a person
"types" for a think time drawn uniformly from [0.5, 1.5] × `--think` seconds, then sends the next
message; a finished conversation is followed by the next one of the mix. Turns started during the
warm-up are not counted. Writes one record per turn.

`parse`: sends the NLU holdout (tests/nlu/holdout_*.yml) and the labelled municipality mentions
(tests/nlu/municipality_mentions.yml) to POST /model/parse and writes what the model answered.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import time
from pathlib import Path

import aiohttp
import yaml

from bench.conversations import MIX, met

ROOT = Path(__file__).resolve().parent.parent
TIMEOUT = aiohttp.ClientTimeout(total=60)


async def _person(
    index: int, session: aiohttp.ClientSession, url: str, args, t0: float, turns: list, sent: list
) -> None:
    rng = random.Random(index)
    warmup_end, deadline = t0 + args.warmup, t0 + args.warmup + args.duration
    # People do not all start typing at the same instant.
    await asyncio.sleep(rng.uniform(0, args.think * 1.5))
    n = index
    while time.monotonic() < deadline:
        conversation = MIX[n % len(MIX)]
        sender = f"{args.prefix}-{index}-{n}"
        n += 1
        for position, text in enumerate(conversation.messages):
            start = time.monotonic()
            if start >= deadline:
                return
            status, messages = 0, []
            try:
                async with session.post(url, json={"sender": sender, "message": text}) as response:
                    status = response.status
                    messages = await response.json(content_type=None) if status == 200 else []
            except (aiohttp.ClientError, asyncio.TimeoutError, ValueError):
                pass
            latency = time.monotonic() - start
            sent.append(1)
            expectation = conversation.expect.get(position)
            if start >= warmup_end:
                turns.append(
                    {
                        "t": round(start - t0, 4),
                        "ms": round(latency * 1000, 2),
                        "status": status,
                        "answered": isinstance(messages, list) and len(messages) > 0,
                        "service_cards": sum(
                            1
                            for m in messages
                            if isinstance(m, dict)
                            and isinstance(m.get("custom"), dict)
                            and m["custom"].get("type") == "service"
                        ),
                        "conversation": conversation.name,
                        "lang": conversation.lang,
                        "position": position,
                        "expected": None if expectation is None else met(expectation, messages),
                    }
                )
            await asyncio.sleep(rng.uniform(0.5, 1.5) * args.think)


async def load(args) -> dict:
    url = f"{args.url}/webhooks/rest/webhook"
    turns: list[dict] = []
    sent: list[int] = []  # every turn, warm-up included: the servers' CPU time covers them all
    connector = aiohttp.TCPConnector(limit=0)
    async with aiohttp.ClientSession(connector=connector, timeout=TIMEOUT) as session:
        t0 = time.monotonic()
        await asyncio.gather(*(_person(i, session, url, args, t0, turns, sent) for i in range(args.concurrency)))
        # The measured window ends at the deadline, but replies to turns started before it still count.
        elapsed = max(args.duration, max((t["t"] + t["ms"] / 1000 for t in turns), default=0) - args.warmup)
    return {
        "concurrency": args.concurrency,
        "duration": args.duration,
        "window": elapsed,
        "think": args.think,
        "sent": len(sent),
        "turns": sorted(turns, key=lambda t: t["t"]),
    }


def _holdout() -> list[tuple[str, str, str]]:
    items = []
    for lang in ("fi", "sv"):
        data = yaml.safe_load((ROOT / "tests" / "nlu" / f"holdout_{lang}.yml").read_text(encoding="utf-8"))
        for block in data["nlu"]:
            for line in block["examples"].splitlines():
                text = line.strip()[2:].strip() if line.strip().startswith("- ") else ""
                if text:
                    items.append((lang, text, block["intent"]))
    return items


async def parse(args) -> dict:
    # The HTTP API answers only with RASA_TOKEN (bench/stack.py sets it for the servers it starts).
    from bench.stack import BENCH_TOKEN

    url = f"{args.url}/model/parse?token={os.environ.get('RASA_TOKEN') or BENCH_TOKEN}"
    holdout = _holdout()
    mentions = yaml.safe_load((ROOT / "tests" / "nlu" / "municipality_mentions.yml").read_text(encoding="utf-8"))
    texts = sorted({text for _, text, _ in holdout} | {m["text"] for m in mentions["mentions"]})
    answers: dict[str, dict] = {}
    gate = asyncio.Semaphore(4)

    async def one(session, text):
        async with gate, session.post(url, json={"text": text}) as response:
            response.raise_for_status()
            data = await response.json()
        ranking = [r["name"] for r in data.get("intent_ranking") or [] if r.get("name") != "nlu_fallback"]
        answers[text] = {
            "intent": ranking[0] if ranking else None,
            "fallback": (data.get("intent") or {}).get("name") == "nlu_fallback",
            "municipality": next(
                (e["value"] for e in data.get("entities") or [] if e.get("entity") == "municipality"), None
            ),
        }

    start = time.monotonic()
    async with aiohttp.ClientSession(timeout=TIMEOUT) as session:
        await asyncio.gather(*(one(session, t) for t in texts))
    return {
        "seconds": time.monotonic() - start,
        "holdout": [
            {"lang": lang, "text": text, "intent": intent, **_without_text(answers[text])}
            for lang, text, intent in holdout
        ],
        "mentions": [
            {"lang": m["lang"], "municipality": m["municipality"], "found": answers[m["text"]]["municipality"]}
            for m in mentions["mentions"]
        ],
    }


def _without_text(answer: dict) -> dict:
    return {"predicted": answer["intent"], "fallback": answer["fallback"]}


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("mode", choices=["load", "parse"])
    parser.add_argument("--url", required=True, help="the Rasa server, e.g. http://127.0.0.1:5005")
    parser.add_argument("--out", required=True, type=Path)
    parser.add_argument("--concurrency", type=int, default=1)
    parser.add_argument("--duration", type=float, default=25.0, help="measured seconds")
    parser.add_argument("--warmup", type=float, default=3.0, help="seconds not counted at the start")
    parser.add_argument("--think", type=float, default=1.0, help="mean seconds between a reply and the next message")
    parser.add_argument("--prefix", default="bench", help="sender id prefix")
    args = parser.parse_args(argv)
    result = asyncio.run(load(args) if args.mode == "load" else parse(args))
    args.out.write_text(json.dumps(result, ensure_ascii=False), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
