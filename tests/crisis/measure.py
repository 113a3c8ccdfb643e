"""Recall and false-alarm rate of the crisis detector on the labelled sets, plus the NLU data as a check.

.venv/bin/python -m tests.crisis.measure
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from bot.safety.crisis import detect

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]


@dataclass
class Score:
    name: str
    acute: int = 0
    found: int = 0
    near: int = 0
    alarms: int = 0
    missed: list = field(default_factory=list)
    false_alarms: list = field(default_factory=list)

    @property
    def recall(self) -> float:
        return self.found / self.acute if self.acute else 1.0

    @property
    def false_alarm_rate(self) -> float:
        return self.alarms / self.near if self.near else 0.0

    def add(self, text: str, acute: bool, language: str | None = None) -> None:
        finding = detect(text)
        if acute:
            self.acute += 1
            if finding.acute:
                self.found += 1
            else:
                self.missed.append(text)
        else:
            self.near += 1
            if finding.acute:
                self.alarms += 1
                self.false_alarms.append((text, finding.cue))


def labelled(language: str) -> Score:
    score = Score(f"labelled set, {language}")
    for kind, acute in (("acute", True), ("near_miss", False)):
        groups = yaml.safe_load((HERE / f"{kind}_{language}.yml").read_text(encoding="utf-8"))
        for texts in groups.values():
            for text in texts:
                score.add(text, acute)
    return score


def nlu_examples(path: Path):
    for item in yaml.safe_load(path.read_text(encoding="utf-8")).get("nlu", []):
        for line in (item.get("examples") or "").splitlines():
            line = line.strip()
            if line.startswith("- ") and "intent" in item:
                yield item["intent"], re.sub(r"\[([^\]]*)\]\{[^}]*\}", r"\1", line[2:])


def nlu(path: Path) -> Score:
    """The intent data: `emergency` examples as acute, every other intent as not acute."""
    score = Score(str(path.relative_to(ROOT)))
    for intent, text in nlu_examples(path):
        score.add(text, intent == "emergency")
    return score


def all_scores() -> list[Score]:
    scores = [labelled("fi"), labelled("sv")]
    for path in ("bot/data/nlu_fi.yml", "bot/data/nlu_sv.yml", "tests/nlu/holdout_fi.yml", "tests/nlu/holdout_sv.yml"):
        scores.append(nlu(ROOT / path))
    return scores


def report(scores: list[Score]) -> str:
    lines = ["| data | acute | recall | not acute | false alarms |", "|---|---|---|---|---|"]
    for s in scores:
        lines.append(f"| {s.name} | {s.acute} | {s.recall:.1%} | {s.near} | {s.alarms} ({s.false_alarm_rate:.1%}) |")
    for s in scores:
        lines += [f"missed ({s.name}): {t!r}" for t in s.missed]
        lines += [f"false alarm ({s.name}): {t!r} on {cue!r}" for t, cue in s.false_alarms]
    return "\n".join(lines)


if __name__ == "__main__":
    print(report(all_scores()))
