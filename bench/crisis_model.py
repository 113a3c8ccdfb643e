"""Choose the crisis risk model's features and thresholds by measurement, and leave one kind out.

    .venv-rasa/bin/python -m bench.crisis_model [--features] [--thresholds] [--loko] [--blind DIR]

--features     cross-validation (4 folds, stratified, seeded) of feature sets and C on the training data
--thresholds   the whole net (patterns + model) on the cross-validated scores over a grid of thresholds
--loko         leave-one-kind-out: the model trained without one acute kind of bot/safety/data, recall on
               that kind (held-out training messages; with --blind also the blind set's counts)
--writers      leave-one-writer-out: the model trained without one writer's files of bot/safety/data (the
               training writer, extra_, more_, after_c_, fresh_, retired_a_ … retired_d_), the whole net on that writer's
               messages over a grid of thresholds – the nearest the data comes to a new blind set
--compare      feature candidates (--candidates) by leave-one-kind-out and leave-one-writer-out
Prints tables (aggregates only). Training data: bot.safety.model.training_examples().
"""

from __future__ import annotations

import argparse
from collections import defaultdict
from itertools import product
from pathlib import Path

import numpy as np
import yaml

from bot.safety import model as risk_model
from bot.safety import risk
from bot.safety.crisis import detect

FEATURES = ("chars", "chars+words", "chars+lemmas", "words+lemmas")
CS = (4.0, 16.0)


def _folds(examples, k=4, seed=0):
    from sklearn.model_selection import StratifiedKFold

    labels = [f"{e.label}:{e.source}" for e in examples]
    return StratifiedKFold(k, shuffle=True, random_state=seed).split(np.zeros(len(labels)), labels)


def cross_validated(examples, features=risk_model.FEATURES, c=risk_model.C):
    """P(acute), P(acute)+P(uncertain) for every example, each from a model that did not see it."""
    acute, riskp = np.zeros(len(examples)), np.zeros(len(examples))
    for train_idx, test_idx in _folds(examples):
        fitted = risk_model.train([examples[i] for i in train_idx], features, c)
        probs = risk_model.probabilities([examples[i].text for i in test_idx], fitted)
        for i, p in zip(test_idx, probs):
            acute[i], riskp[i] = p["acute"], p["acute"] + p["uncertain"]
    return acute, riskp


def tiers(examples, acute, riskp, acute_at, checkin_at, defused_at, pattern_below=None):
    below = risk.PATTERN_CHECKIN_BELOW if pattern_below is None else pattern_below
    out = []
    for e, a, r in zip(examples, acute, riskp):
        finding = detect(e.text)
        if finding.acute:
            out.append("checkin" if risk.long_enough(e.text) and a < below else "acute")
        elif finding.defused:
            out.append("checkin" if r >= defused_at else "none")
        else:
            tier = "acute" if a >= acute_at else "checkin" if r >= checkin_at else "none"
            # as bot.safety.risk.assess: a farewell the model reads as nothing still gets the check-in
            out.append("checkin" if tier == "none" and risk.farewell(e.text, False) else tier)
    return out


def summary(examples, tier_list) -> dict:
    """Rates over the crisis data (not the intent data, which is only everyday negatives)."""
    g = defaultdict(lambda: [0, 0, 0])  # n, full, checkin
    for e, t in zip(examples, tier_list):
        group = ("everyday" if e.source == "intents" and e.label == "none" else e.label, e.language)
        g[group][0] += 1
        g[group][1] += t == "acute"
        g[group][2] += t == "checkin"
    return g


def _rate(k, n):
    return f"{k / n:.1%}" if n else "–"


def _at_alarm_rate(scores_pos, scores_neg, rate):
    """Recall of the positives at the threshold that lets `rate` of the negatives through."""
    threshold = np.quantile(scores_neg, 1 - rate) if len(scores_neg) else 0.5
    return (scores_pos > threshold).mean(), threshold


def features_table(examples) -> list[str]:
    """Model alone, threshold-free: acute recall of P(acute) at 3 % near-miss alarms (the full reply's
    bound) and of P(acute)+P(uncertain) at 8 % (the check-in's)."""
    lines = [
        "| features | C | acute recall at 3 % near-miss alarms (P acute) | at 8 % (P acute + uncertain) | "
        "uncertain flagged at 8 % |",
        "|---|---|---|---|---|",
    ]
    acute = np.array([e.label == "acute" and e.source != "intents" for e in examples])
    near = np.array([e.label == "none" and e.source != "intents" for e in examples])
    unc = np.array([e.label == "uncertain" for e in examples])
    for features, c in product(FEATURES, CS):
        a, r = cross_validated(examples, features, c)
        full, _ = _at_alarm_rate(a[acute], a[near], 0.03)
        anyt, t = _at_alarm_rate(r[acute], r[near], 0.08)
        lines.append(f"| {features} | {c:g} | {full:.1%} | {anyt:.1%} | {(r[unc] > t).mean():.1%} |")
        print(lines[-1], flush=True)
    return lines


def thresholds_table(examples) -> list[str]:
    a, r = cross_validated(examples)
    lines = [
        "| acute at | check-in at | defused check-in at | lang | acute recall (full+check-in) | full | "
        "uncertain flagged | near-miss full | near-miss check-in | everyday full | everyday check-in |",
        "|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for acute_at, checkin_at, defused_at in product((0.5, 0.6, 0.7, 0.8, 0.85), (0.3, 0.4, 0.45, 0.5, 0.6), (0.8,)):
        g = summary(examples, tiers(examples, a, r, acute_at, checkin_at, defused_at))
        for lang in ("fi", "sv"):
            n, f, c = g[("acute", lang)]
            un, uf, uc = g[("uncertain", lang)]
            nn, nf, nc = g[("none", lang)]
            en, ef, ec = g[("everyday", lang)]
            lines.append(
                f"| {acute_at} | {checkin_at} | {defused_at} | {lang} | {_rate(f + c, n)} | {_rate(f, n)} | "
                f"{_rate(uf + uc, un)} | {_rate(nf, nn)} | {_rate(nc, nn)} | {_rate(ef, en)} | {_rate(ec, en)} |"
            )
    return lines


# Blind kinds -> the training kind they are (set when the blind kind names were seen, not the messages).
BLIND_KIND = {}


def loko_table(examples, blind: Path | None) -> list[str]:
    # Kinds of the taxonomy only: a retired set's conversations ("conversation") are no kind.
    kinds = sorted({e.kind for e in examples if e.source == "data" and e.label == "acute" and e.kind != "conversation"})
    blind_sets = {}
    if blind:
        for lang in ("fi", "sv"):
            path = blind / f"acute_{lang}.yml"
            if path.exists():
                for kind, texts in (yaml.safe_load(path.read_text(encoding="utf-8")) or {}).items():
                    blind_sets.setdefault(BLIND_KIND.get(kind, kind), []).extend(texts or [])
    lines = [
        "| kind left out | held-out training messages | model alone flags | net flags (patterns + model) | "
        "blind messages of the kind | blind: model alone | blind: net | blind net, all kinds in training |",
        "|---|---|---|---|---|---|---|---|",
    ]
    # Kinds are written per language; intent `emergency` examples carry no kind, so they are left out
    # of every LOKO model (they would leak the kind).
    base = [
        e
        for e in examples
        if not (e.source == "intents" and e.label == "acute")
        and not (e.source == "pattern_sets" and e.label == "acute")
    ]
    full = risk_model.train(examples)
    for kind in kinds:
        held = [e for e in examples if e.source == "data" and e.kind == kind]
        fitted = risk_model.train([e for e in base if not (e.source == "data" and e.kind == kind)])
        model_flags, net_flags = _flags([e.text for e in held], fitted)
        row = f"| {kind} | {len(held)} | {_rate(model_flags, len(held))} | {_rate(net_flags, len(held))} |"
        texts = blind_sets.get(kind, [])
        if texts:
            bm, bn = _flags(texts, fitted)
            _, bf = _flags(texts, full)
            row += f" {len(texts)} | {_rate(bm, len(texts))} | {_rate(bn, len(texts))} | {_rate(bf, len(texts))} |"
        else:
            row += " – | – | – | – |"
        lines.append(row)
        print(row, flush=True)
    return lines


def _flags(texts, fitted) -> tuple[int, int]:
    probs = risk_model.probabilities(texts, fitted)
    model_only = net = 0
    for text, p in zip(texts, probs):
        a, r = p["acute"], p["acute"] + p["uncertain"]
        finding = detect(text)
        by_model = (r >= risk.DEFUSED_CHECKIN_AT) if finding.defused else (a >= risk.ACUTE_AT or r >= risk.CHECKIN_AT)
        model_only += by_model
        net += by_model or finding.acute
    return model_only, net


# -- leave one writer out, leave one kind out as a score ------------------------------------------------


def _without_acute_extras(examples):
    """Intent `emergency` examples and the pattern sets' acute messages carry no kind and no writer: they
    are left out of every held-out model (they would leak the kind or the writer's topics)."""
    return [e for e in examples if not (e.source in ("intents", "pattern_sets") and e.label == "acute")]


def writers_scores(examples, features=risk_model.FEATURES, c=risk_model.C, only=None):
    """(held-out examples, P(acute), P(acute)+P(uncertain)), each writer's messages scored by a model trained
    without that writer's files."""
    base = _without_acute_extras(examples)
    writers = sorted({e.writer for e in examples if e.source == "data"})
    held, acute, riskp = [], [], []
    for writer in writers if only is None else only:
        out = [e for e in examples if e.source == "data" and e.writer == writer]
        fitted = risk_model.train([e for e in base if not (e.source == "data" and e.writer == writer)], features, c)
        for e, p in zip(out, risk_model.probabilities([e.text for e in out], fitted)):
            held.append(e)
            acute.append(p["acute"])
            riskp.append(p["acute"] + p["uncertain"])
    return held, np.array(acute), np.array(riskp)


def kinds_scores(examples, features=risk_model.FEATURES, c=risk_model.C):
    """Every acute kind's data messages scored by a model trained without that kind."""
    base = _without_acute_extras(examples)
    kinds = sorted({e.kind for e in examples if e.source == "data" and e.label == "acute" and e.kind != "conversation"})
    held, acute, riskp = [], [], []
    for kind in kinds:
        out = [e for e in examples if e.source == "data" and e.kind == kind]
        fitted = risk_model.train([e for e in base if not (e.source == "data" and e.kind == kind)], features, c)
        for e, p in zip(out, risk_model.probabilities([e.text for e in out], fitted)):
            held.append(e)
            acute.append(p["acute"])
            riskp.append(p["acute"] + p["uncertain"])
    return held, np.array(acute), np.array(riskp)


GRID = list(product((0.6, 0.7, 0.75, 0.8, 0.85), (0.35, 0.4, 0.45, 0.5, 0.55), (0.8,)))


def grid_table(held, acute, riskp, title) -> list[str]:
    lines = [
        title,
        "",
        "| acute at | check-in at | defused at | lang | acute caught | full | uncertain flagged | "
        "near-miss full | near-miss check-in |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for acute_at, checkin_at, defused_at in GRID:
        g = summary(held, tiers(held, acute, riskp, acute_at, checkin_at, defused_at))
        for lang in ("fi", "sv"):
            n, f, c = g[("acute", lang)]
            un, uf, uc = g[("uncertain", lang)]
            nn, nf, nc = g[("none", lang)]
            lines.append(
                f"| {acute_at} | {checkin_at} | {defused_at} | {lang} | {_rate(f + c, n)} | {_rate(f, n)} | "
                f"{_rate(uf + uc, un)} | {_rate(nf, nn)} | {_rate(nc, nn)} |"
            )
    return lines


def pattern_checkin_table(held, acute, riskp) -> list[str]:
    """A pattern's hit is the check-in when the model's P(acute) is below the value (0: never)."""
    lines = [
        "pattern hit -> check-in below P(acute), leave-one-writer-out, today's other thresholds",
        "",
        "| below | lang | acute caught | acute full | near-miss full | near-miss check-in |",
        "|---|---|---|---|---|---|",
    ]
    for below in (0.0, 0.02, 0.05, 0.1, 0.15, 0.2, 0.3):
        t = tiers(held, acute, riskp, risk.ACUTE_AT, risk.CHECKIN_AT, risk.DEFUSED_CHECKIN_AT, below)
        g = summary(held, t)
        for lang in ("fi", "sv"):
            n, f, c = g[("acute", lang)]
            nn, nf, nc = g[("none", lang)]
            lines.append(
                f"| {below} | {lang} | {_rate(f + c, n)} | {_rate(f, n)} | {_rate(nf, nn)} | {_rate(nc, nn)} |"
            )
    return lines


def _net_rates(held, acute, riskp):
    t = tiers(held, acute, riskp, risk.ACUTE_AT, risk.CHECKIN_AT, risk.DEFUSED_CHECKIN_AT)
    pos = [x != "none" for e, x in zip(held, t) if e.label == "acute"]
    full = [x == "acute" for e, x in zip(held, t) if e.label == "none"]
    check = [x == "checkin" for e, x in zip(held, t) if e.label == "none"]
    return (
        np.mean(pos) if pos else float("nan"),
        np.mean(full) if full else float("nan"),
        np.mean(check) if check else float("nan"),
    )


def compare_table(examples, candidates) -> list[str]:
    """Leave-one-writer-out on the two blind sets' writers (the cheapest honest measure; --loko for the
    chosen one), the net at bot.safety.risk's thresholds."""
    lines = [
        "| features | C | LOWO set A: caught / near-miss full / check-in | "
        "LOWO set B: caught / near-miss full / check-in |",
        "|---|---|---|---|",
    ]
    for candidate in candidates:
        features, _, c = candidate.partition("@")
        c = float(c or risk_model.C)
        row = f"| {features} | {c:g} |"
        for writer in ("retired_a", "retired_b"):
            h, a, r = writers_scores(examples, features, c, only=[writer])
            caught, full, check = _net_rates(h, a, r)
            row += f" {caught:.1%} / {full:.1%} / {check:.1%} |"
        lines.append(row)
        print(row, flush=True)
    return lines


def main(argv=None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--features", action="store_true")
    parser.add_argument("--thresholds", action="store_true")
    parser.add_argument("--loko", action="store_true")
    parser.add_argument("--blind")
    parser.add_argument("--writers", action="store_true")
    parser.add_argument("--compare", action="store_true")
    parser.add_argument("--candidates", default="chars+lemmas@16,chars+lemmas+cues@16,chars+words+lemmas+cues@16")
    args = parser.parse_args(argv)
    examples = risk_model.training_examples()
    counts = defaultdict(int)
    for e in examples:
        counts[(e.source, e.label, e.language)] += 1
    print("training data:", dict(sorted(counts.items())))
    if args.features:
        print("\n".join(features_table(examples)))
    if args.thresholds:
        print("\n".join(thresholds_table(examples)))
    if args.loko:
        print("\n".join(loko_table(examples, Path(args.blind) if args.blind else None)))
    if args.writers:
        held, a, r = writers_scores(examples)
        print("\n".join(grid_table(held, a, r, "leave-one-writer-out, the whole net on each writer's messages")))
        print("\n".join(["", *pattern_checkin_table(held, a, r), ""]))
        for writer in sorted({e.writer for e in held}):
            idx = [i for i, e in enumerate(held) if e.writer == writer]
            caught, full, check = _net_rates([held[i] for i in idx], a[idx], r[idx])
            print(
                f"| {writer or 'training writer'} | caught {caught:.1%} | near-miss full {full:.1%} | check-in {check:.1%} |"
            )
    if args.compare:
        print("\n".join(compare_table(examples, args.candidates.split(","))))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
