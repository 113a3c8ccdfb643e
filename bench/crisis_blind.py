"""The crisis net on a blind set: recall per kind and language, false alarms of the full reply and the check-in.

    .venv-rasa/bin/python -m bench.crisis_blind --set bench/blind/crisis_b [--out bench/results/crisis_b.txt]

(--dir is the older name of --set.) Sets A and B are training data now
(bot/safety/data/retired_a_*.yml, retired_b_*.yml): measured on it, the net is measured on what it learnt from, and the
report says so.

Prints aggregates only (counts per language and kind), never a message, so that the set stays blind
while the net is built. The set: acute_<lang>.yml and near_miss_<lang>.yml (a mapping kind -> messages)
and multi_turn.yml (conversations). An acute message counts as caught when the net gives the full
emergency reply or the check-in; a near miss counts as a false alarm of either tier separately.
It measures whatever bot.safety offers: the risk net (bot.safety.risk.assess, tiers "acute"/"checkin")
or, on the code before it, the deterministic detector alone (tier "acute" or nothing).
"""

from __future__ import annotations

import argparse
import sys
from collections import defaultdict
from pathlib import Path

import yaml

try:  # the risk net (issue 12)
    from bot.safety.risk import assess

    NET = "risk net (patterns + model + conversation)"
except ImportError:  # the start commit: patterns only
    from bot.safety.crisis import detect

    NET = "deterministic patterns only"

    def assess(text: str, history=()):  # noqa: D103 - the same shape as bot.safety.risk.assess
        class _A:
            tier = "acute" if detect(text).acute else "none"

        return _A()


LANGUAGES = ("fi", "sv")


def _kinds(path: Path) -> dict:
    if not path.exists():
        return {}
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    return {str(k): [str(t) for t in (v or [])] for k, v in data.items()}


def single(folder: Path) -> list[str]:
    lines = [
        "| language | set | kind | n | caught (full or check-in) | full reply | check-in |",
        "|---|---|---|---|---|---|---|",
    ]
    totals = defaultdict(lambda: [0, 0, 0])
    for lang in LANGUAGES:
        for name in ("acute", "near_miss"):
            for kind, texts in _kinds(folder / f"{name}_{lang}.yml").items():
                tiers = [assess(t).tier for t in texts]
                full, check = tiers.count("acute"), tiers.count("checkin")
                n = len(tiers)
                for key in ((lang, name), ("all", name)):
                    totals[key][0] += n
                    totals[key][1] += full
                    totals[key][2] += check
                lines.append(_row(lang, name, kind, n, full, check))
    lines.append("")
    lines.append("| language | set | n | recall (full or check-in) | full reply | check-in |")
    lines.append("|---|---|---|---|---|---|")
    for (lang, name), (n, full, check) in sorted(totals.items()):
        lines.append(f"| {lang} | {name} | {n} | {_pct(full + check, n)} | {_pct(full, n)} | {_pct(check, n)} |")
    return lines


def _row(lang, name, kind, n, full, check) -> str:
    return f"| {lang} | {name} | {kind} | {n} | {_pct(full + check, n)} | {_pct(full, n)} | {_pct(check, n)} |"


def _pct(k: int, n: int) -> str:
    return f"{k}/{n} ({k / n:.1%})" if n else "0/0"


def _conversations(data) -> list[dict]:
    """multi_turn.yml as a list of {"turns": [...], "acute": bool, "kind": str, "language": str}; the
    writers' spelling of the keys is accepted in a few forms."""
    items = []
    if isinstance(data, dict):
        for kind, group in data.items():
            for item in group if isinstance(group, list) else [group]:
                if isinstance(item, dict):
                    item = {"kind": kind, **item}
                    items.append(item)
    elif isinstance(data, list):
        items = [i for i in data if isinstance(i, dict)]
    out = []
    for item in items:
        turns = item.get("turns") or item.get("messages") or item.get("conversation") or []
        turns = [t if isinstance(t, str) else (t.get("text") or t.get("user") or "") for t in turns]
        label = item.get("acute", item.get("label", item.get("expect", item.get("expected"))))
        acute = label is True or str(label).lower() in ("acute", "true", "yes", "emergency", "crisis")
        out.append(
            {
                "turns": turns,
                "acute": acute,
                "kind": str(item.get("kind", "")),
                "language": str(item.get("language", item.get("lang", "?"))),
                "at": item.get("acute_at", item.get("turn")),
            }
        )
    return out


def multi(folder: Path) -> list[str]:
    path = folder / "multi_turn.yml"
    if not path.exists():
        return ["(no multi_turn.yml)"]
    conversations = _conversations(yaml.safe_load(path.read_text(encoding="utf-8")))
    groups = defaultdict(lambda: [0, 0, 0, 0])  # n, caught by the end, full at some turn, alarm-free
    for c in conversations:
        tiers = [assess(turn, tuple(c["turns"][:i])).tier for i, turn in enumerate(c["turns"])]
        caught = any(t != "none" for t in tiers)
        g = groups[(c["language"], "acute" if c["acute"] else "not acute", c["kind"])]
        g[0] += 1
        g[1] += caught
        g[2] += "acute" in tiers
        g[3] += "checkin" in tiers and "acute" not in tiers
    lines = [
        "| language | label | kind | conversations | some tier fired | full reply | check-in only |",
        "|---|---|---|---|---|---|---|",
    ]
    for (lang, label, kind), (n, caught, full, check) in sorted(groups.items()):
        lines.append(f"| {lang} | {label} | {kind} | {n} | {_pct(caught, n)} | {_pct(full, n)} | {_pct(check, n)} |")
    return lines


def _retired_note(folder: Path) -> list[str]:
    """A set whose files were retired into the training data is no blind measure any more: say so."""
    from bot.settings import ROOT

    retired = ROOT / "bot" / "safety" / "data"
    texts = {p.read_text(encoding="utf-8").split("\n", 1)[0] for p in retired.glob("retired_*.yml")}
    # crisis_<x>/ was retired as retired_<x>_*.yml (set B: bench/blind/crisis_b -> retired_b_*.yml).
    name = folder.resolve().name
    set_name = name.partition("_")[2] if name.startswith("crisis_") else ""
    if any(f"({folder.resolve()}/" in line for line in texts) or (
        set_name and any(retired.glob(f"retired_{set_name}_*.yml"))
    ):
        return ["NOTE: this set is training data now (bot/safety/data/retired_*.yml): in-sample, not blind."]
    return []


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--set",
        "--dir",
        dest="folder",
        required=True,
        help="the set's folder: acute_<lang>.yml, near_miss_<lang>.yml, multi_turn.yml",
    )
    parser.add_argument("--out")
    args = parser.parse_args(argv)
    folder = Path(args.folder)
    if not any(folder.glob("*.yml")):
        parser.error(f"no set files (*.yml) in {folder}")
    report = [
        f"crisis net on {folder} — {NET}",
        *_retired_note(folder),
        "",
        *single(folder),
        "",
        "multi-turn:",
        "",
        *multi(folder),
    ]
    text = "\n".join(report) + "\n"
    if args.out:
        Path(args.out).write_text(text, encoding="utf-8")
    sys.stdout.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
