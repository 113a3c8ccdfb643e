"""Recall and false positives of the redactor on the labelled sets redaction_fi.yml / redaction_sv.yml.

.venv/bin/python -m tests.privacy.measure      # prints the table docs/privacy-and-crisis.md quotes
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from bot.privacy.redaction import KINDS, find

HERE = Path(__file__).resolve().parent
_MARK = re.compile(r"\{(\w+)\|([^}]*)\}")


@dataclass
class Result:
    language: str
    labelled: dict = field(default_factory=lambda: {k: 0 for k in KINDS})
    found: dict = field(default_factory=lambda: {k: 0 for k in KINDS})  # covered by a finding of the same kind
    leaked: list = field(default_factory=list)  # (message, text) not covered by any finding
    false_positives: list = field(default_factory=list)  # (message, redacted text) overlapping no label
    clean_messages: int = 0
    clean_messages_hit: int = 0
    words: int = 0

    def recall(self, kind: str | None = None) -> float:
        kinds = [kind] if kind else list(KINDS)
        total = sum(self.labelled[k] for k in kinds)
        return sum(self.found[k] for k in kinds) / total if total else 1.0

    @property
    def leak_free(self) -> float:
        total = sum(self.labelled.values())
        return 1 - len(self.leaked) / total if total else 1.0


def parse(example: str) -> tuple[str, list[tuple[str, int, int]]]:
    """(plain text, [(kind, start, end)]) of a marked example."""
    text, labels, last = [], [], 0
    length = 0
    for m in _MARK.finditer(example):
        before = example[last : m.start()]
        text.append(before)
        length += len(before)
        labels.append((m.group(1), length, length + len(m.group(2))))
        text.append(m.group(2))
        length += len(m.group(2))
        last = m.end()
    text.append(example[last:])
    return "".join(text), labels


def measure(language: str) -> Result:
    result = Result(language)
    examples = yaml.safe_load((HERE / f"redaction_{language}.yml").read_text(encoding="utf-8"))["examples"]
    for example in examples:
        text, labels = parse(example)
        findings = find(text)
        result.words += len(text.split())
        for kind, start, end in labels:
            result.labelled[kind] += 1
            covering = [f for f in findings if f.start <= start and end <= f.end]
            if any(f.kind == kind for f in covering):
                result.found[kind] += 1
            if not any(f.start < end and start < f.end for f in findings):
                result.leaked.append((text, text[start:end]))
        for f in findings:
            if not any(f.start < end and start < f.end for _, start, end in labels):
                result.false_positives.append((text, text[f.start : f.end]))
        if not labels:
            result.clean_messages += 1
            result.clean_messages_hit += bool(findings)
    return result


def report(results: list[Result]) -> str:
    lines = ["| language | kind | labelled | recall (right kind) |", "|---|---|---|---|"]
    for r in results:
        for kind in KINDS:
            if r.labelled[kind]:
                lines.append(f"| {r.language} | {kind} | {r.labelled[kind]} | {r.recall(kind):.1%} |")
    lines.append("")
    lines.append(
        "| language | recall, all kinds | spans left unredacted | false positives | clean messages with a redaction |"
    )
    lines.append("|---|---|---|---|---|")
    for r in results:
        lines.append(
            f"| {r.language} | {r.recall():.1%} | {len(r.leaked)} of {sum(r.labelled.values())} | "
            f"{len(r.false_positives)} in {r.words} words | {r.clean_messages_hit} of {r.clean_messages} |"
        )
    for r in results:
        for text, span in r.leaked:
            lines.append(f"leaked ({r.language}): {span!r} in {text!r}")
        for text, span in r.false_positives:
            lines.append(f"false positive ({r.language}): {span!r} in {text!r}")
    return "\n".join(lines)


if __name__ == "__main__":
    print(report([measure("fi"), measure("sv")]))
