"""What the redactor leaves of generated personal data (tests/privacy/generated.py), what it takes from
ordinary messages (false positives), and what it costs per message.

    .venv/bin/python -m tests.privacy.measure_generated [--count 3000] [--seed 13 ...] [--shapes all]
        [--examples 5]

Several seeds give one table each and a line of the name and false-positive shares per seed, so that a
change is judged on more than one draw. --shapes retired|own|all picks the sentence shapes; --shapes c
or e or f measures blind set C, E or F (tests/privacy/blind_c, blind_e, blind_f) alone.

A value is "left" when any of its letters or digits is outside every finding (a surname left after the
first name was redacted counts). Messages are counted per kind: of the messages holding a name, how many
keep any part of one.
"""

from __future__ import annotations

import argparse
import statistics
import time
from dataclasses import dataclass, field

from bot.privacy import redaction
from tests.privacy.generated import SCORED, SHAPES, Message, generate, ordinary


@dataclass
class Figures:
    language: str
    messages: int = 0
    values: dict = field(default_factory=lambda: {k: 0 for k in SCORED})
    values_left: dict = field(default_factory=lambda: {k: 0 for k in SCORED})
    with_kind: dict = field(default_factory=lambda: {k: 0 for k in SCORED})
    with_kind_left: dict = field(default_factory=lambda: {k: 0 for k in SCORED})
    leaks: dict = field(default_factory=lambda: {k: [] for k in SCORED})
    other_words: int = 0  # words of generated messages outside any value
    other_words_hit: int = 0
    ordinary_words: int = 0
    ordinary_words_hit: int = 0
    false_positives: list = field(default_factory=list)
    ms: list = field(default_factory=list)

    def share_left(self, kind: str) -> float:
        return self.with_kind_left[kind] / self.with_kind[kind] if self.with_kind[kind] else 0.0

    @property
    def false_positive_rate(self) -> float:
        return self.ordinary_words_hit / self.ordinary_words if self.ordinary_words else 0.0


def _covered(findings, start: int, end: int, text: str) -> bool:
    return all(
        not ch.isalnum() or any(f.start <= i < f.end for f in findings)
        for i, ch in zip(range(start, end), text[start:end])
    )


def _words(text: str):
    i = 0
    for word in text.split():
        start = text.index(word, i)
        i = start + len(word)
        if any(ch.isalnum() for ch in word):
            yield start, i


def _find_timed(text: str, figures: Figures):
    began = time.perf_counter()
    findings = redaction.find.__wrapped__(text)  # uncached: the cost of a new message
    figures.ms.append((time.perf_counter() - began) * 1000)
    return findings


def score(language: str, messages: list[Message], shapes: str = "retired") -> Figures:
    figures = Figures(language, len(messages))
    for message in messages:
        findings = _find_timed(message.text, figures)
        left_kinds = set()
        for span in message.spans:
            if span.kind not in SCORED:
                continue
            figures.values[span.kind] += 1
            if not _covered(findings, span.start, span.end, message.text):
                figures.values_left[span.kind] += 1
                left_kinds.add(span.kind)
                figures.leaks[span.kind].append(
                    (message.text[span.start : span.end], redaction.apply(message.text, findings))
                )
        for kind in {s.kind for s in message.spans if s.kind in SCORED}:
            figures.with_kind[kind] += 1
            figures.with_kind_left[kind] += kind in left_kinds
        for start, end in _words(message.text):
            if any(s.start < end and start < s.end for s in message.spans):
                continue
            figures.other_words += 1
            figures.other_words_hit += any(f.start < end and start < f.end for f in findings)
    for text in ordinary(language, shapes):
        findings = _find_timed(text, figures)
        for start, end in _words(text):
            figures.ordinary_words += 1
            if any(f.start < end and start < f.end for f in findings):
                figures.ordinary_words_hit += 1
                figures.false_positives.append((text[start:end], text))
    return figures


def report(results: list[Figures], examples: int = 5) -> str:
    lines = [
        "| language | kind | values | values left | messages with the kind | messages left with any part |",
        "|---|---|---|---|---|---|",
    ]
    for r in results:
        for kind in SCORED:
            lines.append(
                f"| {r.language} | {kind} | {r.values[kind]} | {r.values_left[kind]} | {r.with_kind[kind]} | "
                f"{r.with_kind_left[kind]} ({r.share_left(kind):.1%}) |"
            )
    lines += [
        "",
        "| language | messages | ordinary words redacted (false positives) | other words of generated "
        "messages redacted | ms per message: mean / p95 |",
        "|---|---|---|---|---|",
    ]
    for r in results:
        ms = sorted(r.ms)
        lines.append(
            f"| {r.language} | {r.messages} | {r.ordinary_words_hit} of {r.ordinary_words} "
            f"({r.false_positive_rate:.1%}) | {r.other_words_hit} of {r.other_words} | "
            f"{statistics.mean(ms):.2f} / {ms[int(len(ms) * 0.95)]:.2f} |"
        )
    for r in results:
        for kind in SCORED:
            for value, redacted in r.leaks[kind][:examples]:
                lines.append(f"left ({r.language}, {kind}): {value!r} in {redacted!r}")
        for word, text in r.false_positives[: examples * 4]:
            lines.append(f"false positive ({r.language}): {word!r} in {text!r}")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--count", type=int, default=3000, help="messages per language")
    parser.add_argument("--seed", type=int, nargs="+", default=[13])
    parser.add_argument("--shapes", choices=SHAPES, default="all")
    parser.add_argument("--examples", type=int, default=5)
    args = parser.parse_args()
    redaction.find("warm up: nimeni on Mikko")  # load lists and models outside the timing
    summary = []
    for seed in args.seed:
        results = [score(lang, generate(lang, args.count, seed, args.shapes), args.shapes) for lang in ("fi", "sv")]
        print(f"## seed {seed}, shapes {args.shapes}")
        print(report(results, args.examples))
        summary += [
            f"seed {seed} {r.language}: names left {r.share_left('name'):.2%}, iban left "
            f"{r.share_left('iban'):.2%}, false positives {r.false_positive_rate:.2%}"
            for r in results
        ]
    print("\n".join(summary))


if __name__ == "__main__":
    main()
