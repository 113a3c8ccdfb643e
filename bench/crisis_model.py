"""Choose the crisis risk model's features and thresholds by measurement, and leave one kind out.

    .venv/bin/python -m bench.crisis_model [--features] [--thresholds] [--loko] [--blind DIR]

--features     cross-validation (4 folds, stratified, seeded) of feature sets and C on the training data
--thresholds   the whole net (patterns + model) on the cross-validated scores over a grid of thresholds
--loko         leave-one-kind-out: the model trained without one acute kind of bot/safety/data, recall on
               that kind (held-out training messages; with --blind also the blind set's counts)
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


def cross_validated(examples, features="chars+lemmas", c=16.0):
    """P(acute), P(acute)+P(uncertain) for every example, each from a model that did not see it."""
    acute, riskp = np.zeros(len(examples)), np.zeros(len(examples))
    for train_idx, test_idx in _folds(examples):
        fitted = risk_model.train([examples[i] for i in train_idx], features, c)
        probs = risk_model.probabilities([examples[i].text for i in test_idx], fitted)
        for i, p in zip(test_idx, probs):
            acute[i], riskp[i] = p["acute"], p["acute"] + p["uncertain"]
    return acute, riskp


def tiers(examples, acute, riskp, acute_at, checkin_at, defused_at):
    out = []
    for e, a, r in zip(examples, acute, riskp):
        finding = detect(e.text)
        if finding.acute:
            out.append("acute")
        elif finding.defused:
            out.append("checkin" if r >= defused_at else "none")
        else:
            out.append("acute" if a >= acute_at else "checkin" if r >= checkin_at else "none")
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
    lines = ["| features | C | acute recall at 3 % near-miss alarms (P acute) | at 8 % (P acute + uncertain) | "
             "uncertain flagged at 8 % |", "|---|---|---|---|---|"]
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
    lines = ["| acute at | check-in at | defused check-in at | lang | acute recall (full+check-in) | full | "
             "uncertain flagged | near-miss full | near-miss check-in | everyday full | everyday check-in |",
             "|---|---|---|---|---|---|---|---|---|---|---|"]
    for acute_at, checkin_at, defused_at in product((0.5, 0.6, 0.7, 0.8), (0.3, 0.4, 0.5, 0.6), (0.8,)):
        g = summary(examples, tiers(examples, a, r, acute_at, checkin_at, defused_at))
        for lang in ("fi", "sv"):
            n, f, c = g[("acute", lang)]
            un, uf, uc = g[("uncertain", lang)]
            nn, nf, nc = g[("none", lang)]
            en, ef, ec = g[("everyday", lang)]
            lines.append(f"| {acute_at} | {checkin_at} | {defused_at} | {lang} | {_rate(f + c, n)} | {_rate(f, n)} | "
                         f"{_rate(uf + uc, un)} | {_rate(nf, nn)} | {_rate(nc, nn)} | {_rate(ef, en)} | {_rate(ec, en)} |")
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
    lines = ["| kind left out | held-out training messages | model alone flags | net flags (patterns + model) | "
             "blind messages of the kind | blind: model alone | blind: net | blind net, all kinds in training |",
             "|---|---|---|---|---|---|---|---|"]
    # Kinds are written per language; intent `emergency` examples carry no kind, so they are left out
    # of every LOKO model (they would leak the kind).
    base = [e for e in examples if not (e.source == "intents" and e.label == "acute")
            and not (e.source == "pattern_sets" and e.label == "acute")]
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


def main(argv=None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--features", action="store_true")
    parser.add_argument("--thresholds", action="store_true")
    parser.add_argument("--loko", action="store_true")
    parser.add_argument("--blind")
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
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
