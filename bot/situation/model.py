"""The person's situation, kept for the whole conversation as evidence with a confidence per field.

A reading of one message (bot.situation.reading) gives facts (`field -> value`) and needs, each with a
confidence. Merging follows three rules, so that a later detail never overwrites the worry:
- a weaker reading never replaces a stronger one (equal or stronger does: people correct themselves);
- list fields (substances, violence kinds, needs) grow: several things can hold at once;
- an answer to the question just asked arrives already strong (the reader raises its confidence).
A correction (`forget`) drops what the person said was wrong and keeps place and language.

The situation is a plain dict so that it travels in a Rasa slot (JSON) unchanged.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Iterable, Optional

# Single-valued facts; the value with the higher confidence stays.
SINGLE = (
    "role",
    "subject",
    "child_age",
    "baby_months",
    "pregnancy",
    "pregnancy_week",
    "mental_health",
    "coping",
    "relationship",
    "child_welfare",
    "municipality",
    "area",
    "language",
    "urgency",
    "sami",
    "asked_service",
    "foster",
)
# Facts that collect values: every substance, every kind of violence.
MULTI = ("substances", "violence")
# From this confidence on a need counts for routing; below it it is only a hint.
STRONG = 0.55
# Kept when the person says "not quite – correct".
KEPT_ON_CORRECTION = ("municipality", "area", "language")


@dataclass(frozen=True)
class Fact:
    field: str
    value: Any
    confidence: float


@dataclass
class Reading:
    """What one message says: facts and needs (need name -> confidence)."""

    facts: list[Fact] = field(default_factory=list)
    needs: dict[str, float] = field(default_factory=dict)
    # where in the message each need was first named: of equal needs, the one said first goes first
    positions: dict[str, int] = field(default_factory=dict)

    def add(self, name: str, value: Any, confidence: float) -> None:
        if value is not None and value != "":
            self.facts.append(Fact(name, value, confidence))

    def need(self, name: str, confidence: float, position: int = 0) -> None:
        self.needs[name] = max(confidence, self.needs.get(name, 0.0))
        self.positions[name] = min(position, self.positions.get(name, position))


def empty() -> dict:
    return {"facts": {}, "needs": {}, "turn": 0}


def load(value: Optional[dict]) -> dict:
    """The slot's value as a situation (a missing or malformed slot is an empty situation)."""
    if not isinstance(value, dict) or not isinstance(value.get("facts"), dict):
        return empty()
    return {"facts": dict(value["facts"]), "needs": dict(value.get("needs") or {}), "turn": int(value.get("turn") or 0)}


def merge(situation: dict, reading: Reading) -> dict:
    """The situation after one more message (a new dict; the old one is not changed)."""
    s = load(situation)
    turn = s["turn"] + 1
    facts = {k: dict(v) for k, v in s["facts"].items()}
    for fact in reading.facts:
        old = facts.get(fact.field)
        if fact.field in MULTI:
            values = dict((old or {}).get("values") or {})
            for value in fact.value if isinstance(fact.value, (list, tuple)) else [fact.value]:
                values[value] = max(fact.confidence, values.get(value, 0.0))
            facts[fact.field] = {"values": values, "confidence": max(values.values()), "turn": turn}
        elif old is None or fact.confidence >= old["confidence"]:
            facts[fact.field] = {"value": fact.value, "confidence": fact.confidence, "turn": turn}
    needs = {k: dict(v) for k, v in s["needs"].items()}
    for name, confidence in reading.needs.items():
        old = needs.get(name)
        position = reading.positions.get(name, 0)
        if old is None:
            needs[name] = {"confidence": confidence, "turn": turn, "pos": position}
        elif confidence > old["confidence"]:
            needs[name] = {"confidence": confidence, "turn": old["turn"], "pos": old.get("pos", 0)}
    return {"facts": facts, "needs": needs, "turn": turn}


def forget(situation: dict) -> dict:
    """After "not quite – correct": the worry and who is who are asked again; the place stays."""
    s = load(situation)
    kept = {k: v for k, v in s["facts"].items() if k in KEPT_ON_CORRECTION}
    return {"facts": kept, "needs": {}, "turn": s["turn"], "corrected": True}


def value(situation: dict, name: str, minimum: float = 0.0) -> Any:
    fact = load(situation)["facts"].get(name)
    if not fact or fact["confidence"] < minimum:
        return None
    if name in MULTI:
        return [v for v, c in sorted(fact["values"].items(), key=lambda kv: -kv[1]) if c >= minimum]
    return fact["value"]


def confidence(situation: dict, name: str) -> float:
    fact = load(situation)["facts"].get(name)
    return float(fact["confidence"]) if fact else 0.0


def needs(situation: dict, minimum: float = STRONG) -> list[str]:
    """The needs that count, in the order the person raised them (strongest first within a turn)."""
    items = load(situation)["needs"].items()
    strong = [(n, e) for n, e in items if e["confidence"] >= minimum]
    return [n for n, _ in sorted(strong, key=lambda ne: (ne[1]["turn"], -ne[1]["confidence"], ne[1].get("pos", 0)))]


def primary_need(situation: dict) -> Optional[str]:
    """The need a one-value `concern` slot carries: the first strong one, else the strongest hint."""
    found = needs(situation)
    if found:
        return found[0]
    hints = sorted(load(situation)["needs"].items(), key=lambda ne: -ne[1]["confidence"])
    return hints[0][0] if hints and hints[0][1]["confidence"] >= 0.3 else None


def has_any(situation: dict, names: Iterable[str]) -> bool:
    return any(value(situation, n) for n in names)
