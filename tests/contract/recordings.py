"""The recorded Rasa 3.6 → action server exchanges (tests/contract/recorded/<action>.json)."""

from __future__ import annotations

import json
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]
RECORDED = Path(__file__).resolve().parent / "recorded"
DOMAIN_REF = "see _domain.json"


def custom_actions() -> list[str]:
    """Every action of the domain that the action server runs (not a response, not a Rasa default)."""
    domain = yaml.safe_load((ROOT / "domain.yml").read_text(encoding="utf-8"))
    return [name for name in domain.get("actions", []) if not name.startswith("utter_")]


def recorded() -> dict[str, list[dict]]:
    """Action name → its exchanges, each request with the domain Rasa sent put back."""
    domain = json.loads((RECORDED / "_domain.json").read_text(encoding="utf-8"))
    found = {}
    for path in sorted(RECORDED.glob("*.json")):
        if path.name.startswith("_"):
            continue
        exchanges = json.loads(path.read_text(encoding="utf-8"))
        for exchange in exchanges:
            assert exchange["request"]["domain"] == DOMAIN_REF
            exchange["request"]["domain"] = domain
        found[path.stem] = exchanges
    return found
