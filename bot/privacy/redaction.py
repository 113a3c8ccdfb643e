"""Replace personal data in free text with typed placeholders before it is stored or logged.

    redact("nimeni on Mikko, puh 040 123 4567")  ->  "nimeni on [name], puh [phone]"

Kinds: email, hetu (henkilötunnus with a valid check character), iban (mod-97), phone (Finnish and
international), address (street and house number, fi/sv), name (fi/sv given names and surnames, by list
and by context). Redaction is idempotent: placeholders are left as they are.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Callable, Iterable

from bot.privacy import identifiers, names

# Checked in this order; a later kind never overlaps an earlier one's span.
FINDERS: tuple[tuple[str, Callable[[str], Iterable[tuple[int, int]]]], ...] = (
    ("email", identifiers.emails),
    ("iban", identifiers.ibans),
    ("hetu", identifiers.hetus),
    ("phone", identifiers.phones),
    ("address", identifiers.addresses),
    ("name", names.names),
)
KINDS = tuple(kind for kind, _ in FINDERS)
# Longer than any message a channel lets through (connectors.limits): redaction stays bounded.
MAX_CHARS = 20_000


@dataclass(frozen=True)
class Finding:
    kind: str
    start: int
    end: int

    @property
    def placeholder(self) -> str:
        return f"[{self.kind}]"


@lru_cache(maxsize=4096)
def find(text: str) -> tuple[Finding, ...]:
    """Personal data in `text`, as non-overlapping findings in text order."""
    if not text or not isinstance(text, str):
        return ()
    text = text[:MAX_CHARS]
    taken: list[Finding] = []
    for kind, finder in FINDERS:
        for start, end in finder(text):
            overlaps = [f for f in taken if f.start < end and start < f.end]
            if overlaps and kind == "address":
                # "Yrjö-Koskisen bulevardi 034 12345" where the number was read as a phone: the street stays
                # an address up to the earlier finding.
                end = min(f.start for f in overlaps)
                overlaps = [f for f in taken if f.start < end and start < f.end]
                if not text[start:end].strip() or not any(c.isalpha() for c in text[start:end]):
                    continue
                end = start + len(text[start:end].rstrip())
            if end > start and not overlaps:
                taken.append(Finding(kind, start, end))
    return tuple(sorted(taken, key=lambda f: f.start))


def apply(text: str, findings: Iterable[Finding]) -> str:
    out, last = [], 0
    for f in findings:
        out.append(text[last : f.start])
        out.append(f.placeholder)
        last = f.end
    out.append(text[last:])
    return "".join(out)


def redact(text: str) -> str:
    """`text` with every finding replaced by its placeholder ([name], [phone], ...)."""
    if not isinstance(text, str) or not text:
        return text
    return apply(text, find(text)) + ("" if len(text) <= MAX_CHARS else "[…]")


def offset_map(findings: tuple[Finding, ...]) -> Callable[[int], int]:
    """Maps an offset in the original text to the redacted text (inside a finding: its placeholder's start)."""
    starts = [f.start for f in findings]

    def shifted(offset: int) -> int:
        i = bisect.bisect_right(starts, offset)
        delta = sum(len(f.placeholder) - (f.end - f.start) for f in findings[:i] if f.end <= offset)
        inside = next((f for f in findings[:i] if f.start <= offset < f.end), None)
        if inside is not None:
            return inside.start + sum(len(f.placeholder) - (f.end - f.start) for f in findings if f.end <= inside.start)
        return offset + delta

    return shifted


def redact_value(value: Any) -> Any:
    """Strings redacted anywhere inside dicts and lists (metadata, slot values)."""
    if isinstance(value, str):
        return redact(value)
    if isinstance(value, dict):
        return {k: redact_value(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [redact_value(v) for v in value]
    return value
