"""NLU benchmark: candidate pipelines side by side, per language, on cross-validation and on an
independent holdout set; municipality resolution against Rasa's exact-name lookup.

    python -m bench.nlu_bench [--folds 3] [--quick]      # `make bench-nlu-candidates`; writes bench/results/nlu_candidates.md

Every candidate is trained with Rasa's own `train_nlu` and queried through a loaded Agent, so the
numbers are those of the real pipeline. All runs share one process so that tokenisation (spaCy,
Voikko) is paid once.
"""

from __future__ import annotations

import argparse
import asyncio
import copy
import os
import platform
import random
import re
import tempfile
import time
from collections import Counter, defaultdict
from datetime import datetime, timezone
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results"
os.environ.setdefault("RASA_TELEMETRY_ENABLED", "false")
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")

TOKENIZER = {"name": "bot.nlu.tokenizer.BilingualTokenizer"}
EXTRACTORS = [
    {"name": "bot.nlu.extractors.PlaceEntityExtractor"},
    {"name": "bot.nlu.extractors.LexiconEntityExtractor"},
]
LEMMA_WORDS = {"name": "CountVectorsFeaturizer", "use_lemma": True}
CHARS = {"name": "CountVectorsFeaturizer", "analyzer": "char_wb", "min_ngram": 2, "max_ngram": 4, "use_lemma": False}
DIET = {
    "name": "DIETClassifier",
    "epochs": 60,
    "entity_recognition": False,
    "number_of_transformer_layers": 0,
    "constrain_similarities": True,
    "random_seed": 1,
}

LINEAR = {"name": "bot.nlu.classifier.LinearIntentClassifier"}

CANDIDATES = {
    # lemmas (spaCy fi with Voikko, sv lookup) + folded character n-grams, TF-IDF, linear SVM
    "lemma+char linear SVM (spaCy fi)": [{**TOKENIZER, "finnish_lemmatizer": "spacy"}, *EXTRACTORS, LINEAR],
    # config.yml: Finnish lemmas straight from Voikko, without spaCy's tagger (as accurate, 210 MB lighter)
    "lemma+char linear SVM (Voikko fi)": [{**TOKENIZER, "finnish_lemmatizer": "voikko"}, *EXTRACTORS, LINEAR],
    # surface words instead of lemmas: what the lemmatiser buys
    "surface+char linear SVM": [TOKENIZER, *EXTRACTORS, {**LINEAR, "word_view": "surface"}],
    # the same tokens through Rasa's featurizers and DIET (no transformer: 10x faster, as accurate here)
    "lemma+char DIET": [TOKENIZER, *EXTRACTORS, LEMMA_WORDS, CHARS, DIET],
}


def _load(path: Path):
    from rasa.shared.nlu.training_data.loading import load_data

    return load_data(str(path))


def examples(lang_files: dict[str, Path]) -> list[tuple[str, object]]:
    """(language, Message) for every example of the given files."""
    out = []
    for lang, path in lang_files.items():
        out += [(lang, m) for m in _load(path).intent_examples]
    return out


def _training_file(messages, directory: Path) -> Path:
    from rasa.shared.nlu.training_data.training_data import TrainingData

    path = directory / "nlu.yml"
    path.write_text(TrainingData(training_examples=list(messages)).nlu_as_yaml(), encoding="utf-8")
    return path


def train_and_predict(pipeline: list, train, test) -> tuple[list[str], float]:
    """Train `pipeline` on `train` messages; predicted intents for `test` texts and training seconds."""
    from rasa.core.agent import Agent
    from rasa.model_training import train_nlu

    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        config = {"recipe": "default.v1", "language": "fi", "pipeline": copy.deepcopy(pipeline)}
        (tmp / "config.yml").write_text(yaml.safe_dump(config), encoding="utf-8")
        data = _training_file(train, tmp)
        start = time.perf_counter()
        model = train_nlu(str(tmp / "config.yml"), str(data), str(tmp), fixed_model_name="m")
        seconds = time.perf_counter() - start
        agent = Agent.load(model)

        async def parse_all():
            return [(await agent.parse_message(text))["intent"]["name"] for text in test]

        return asyncio.run(parse_all()), seconds


def baseline_predict(train, test) -> tuple[list[str], float]:
    """TF-IDF (words and character n-grams) + logistic regression on the raw text."""
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import make_pipeline, make_union

    start = time.perf_counter()
    model = make_pipeline(
        make_union(
            TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True),
            TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5), sublinear_tf=True),
        ),
        LogisticRegression(C=10, max_iter=2000),
    )
    model.fit([m.get("text") for m in train], [m.get("intent") for m in train])
    return list(model.predict(test)), time.perf_counter() - start


def folds(items, k: int, seed: int = 7):
    """Stratified by (language, intent)."""
    by_class = defaultdict(list)
    for i, (lang, m) in enumerate(items):
        by_class[(lang, m.get("intent"))].append(i)
    assignment = {}
    rng = random.Random(seed)
    for members in by_class.values():
        rng.shuffle(members)
        for n, i in enumerate(members):
            assignment[i] = n % k
    return [[i for i in range(len(items)) if assignment[i] == f] for f in range(k)]


def accuracy(items, predicted) -> dict[str, float]:
    hits = defaultdict(list)
    for (lang, m), p in zip(items, predicted):
        hits[lang].append(p == m.get("intent"))
    return {lang: sum(v) / len(v) for lang, v in hits.items()}


def evaluate(name, predict, data, holdout, k) -> dict:
    result = {"cv": defaultdict(list), "train_s": []}
    if k > 1:
        for fold in folds(data, k):
            test_idx = set(fold)
            train = [m for i, (_, m) in enumerate(data) if i not in test_idx]
            test = [data[i] for i in fold]
            predicted, seconds = predict(train, [m.get("text") for _, m in test])
            for lang, acc in accuracy(test, predicted).items():
                result["cv"][lang].append(acc)
            result["train_s"].append(seconds)
            print(
                f"  {name}: fold done, {dict((lang, round(a, 3)) for lang, a in accuracy(test, predicted).items())}",
                flush=True,
            )
    predicted, seconds = predict([m for _, m in data], [m.get("text") for _, m in holdout])
    result["holdout"] = accuracy(holdout, predicted)
    result["full_train_s"] = seconds
    result["confusions"] = Counter(
        (m.get("intent"), p) for (_, m), p in zip(holdout, predicted) if p != m.get("intent")
    )
    print(f"  {name}: holdout {dict((lang, round(a, 3)) for lang, a in result['holdout'].items())}", flush=True)
    return result


def municipality_accuracy() -> dict[str, dict[str, float]]:
    """Share of labelled mentions resolved to the right municipality (None when there is none)."""
    from bot.places import registry, resolver

    items = yaml.safe_load((ROOT / "tests" / "nlu" / "municipality_mentions.yml").read_text(encoding="utf-8"))[
        "mentions"
    ]
    names = {}
    for m in registry.municipalities().values():
        names[m.name_fi.lower()] = m.name_fi
        names[m.name_sv.lower()] = m.name_fi
    pattern = re.compile(r"\b(" + "|".join(sorted(map(re.escape, names), key=len, reverse=True)) + r")\b", re.I)

    def lookup(text):
        # What Rasa's RegexEntityExtractor does with a lookup table of the official names.
        match = pattern.search(text)
        return names[match.group(1).lower()] if match else None

    def ours(text):
        place = resolver.resolve(text)
        return place.municipality if place else None

    out = {}
    for name, fn in (("Viitta resolver", ours), ("exact-name lookup table", lookup)):
        hits = defaultdict(list)
        for item in items:
            hits[item["lang"]].append(fn(item["text"]) == item["municipality"])
        out[name] = {lang: sum(v) / len(v) for lang, v in hits.items()}
    out["_n"] = dict(Counter(i["lang"] for i in items))
    return out


def report(results: dict, places: dict, sizes: dict, k: int, started: float) -> str:
    def pct(x):
        return f"{x * 100:.1f} %"

    def mean(v):
        return sum(v) / len(v) if v else float("nan")

    lines = [
        "# NLU benchmark",
        "",
        f"Run {datetime.now(timezone.utc).strftime('%Y-%m-%d %H:%M UTC')} on {platform.machine()}, "
        f"{os.cpu_count()} cores, Python {platform.python_version()}; total {time.time() - started:.0f} s.",
        f"Training data: {sizes['train_fi']} Finnish and {sizes['train_sv']} Swedish examples "
        f"(bot/data/nlu_*.yml). Holdout: {sizes['holdout_fi']} + {sizes['holdout_sv']} examples written "
        "independently of the training data (tests/nlu/holdout_*.yml).",
        "",
        "## Intent accuracy",
        "",
        f"| pipeline | CV fi ({k}-fold) | CV sv | holdout fi | holdout sv | training (full data) |",
        "|---|---|---|---|---|---|",
    ]
    for name, r in results.items():
        cv_fi = pct(mean(r["cv"].get("fi", []))) if r["cv"] else "–"
        cv_sv = pct(mean(r["cv"].get("sv", []))) if r["cv"] else "–"
        lines.append(
            f"| {name} | {cv_fi} | {cv_sv} | {pct(r['holdout']['fi'])} | {pct(r['holdout']['sv'])} "
            f"| {r['full_train_s']:.0f} s |"
        )
    lines += [
        "",
        "Accuracy counts the classifier's top intent (no fallback threshold). Aim: ≥ 92 % in each "
        "language on independently written messages.",
        "",
        "## Municipality resolved right",
        "",
        f"Labelled mentions (tests/nlu/municipality_mentions.yml): {places['_n'].get('fi', 0)} Finnish, "
        f"{places['_n'].get('sv', 0)} Swedish (inflected forms, missing ä/ö, typos, Swedish names, and "
        "messages with no municipality).",
        "",
        "| resolver | fi | sv |",
        "|---|---|---|",
    ]
    for name, acc in places.items():
        if not name.startswith("_"):
            lines.append(f"| {name} | {pct(acc['fi'])} | {pct(acc['sv'])} |")
    best = max(results, key=lambda n: mean(list(results[n]["holdout"].values())))
    lines += [
        "",
        f"## Most frequent holdout confusions of '{best}'",
        "",
        "| expected | predicted | n |",
        "|---|---|---|",
    ]
    for (expected, got), n in results[best]["confusions"].most_common(12):
        lines.append(f"| {expected} | {got} | {n} |")
    return "\n".join(lines) + "\n"


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--folds", type=int, default=3)
    parser.add_argument("--quick", action="store_true", help="only the holdout, no cross-validation")
    parser.add_argument("--only", nargs="*", help="candidate names to run")
    args = parser.parse_args(argv)
    started = time.time()
    os.environ.setdefault("RASA_MAX_CACHE_SIZE", "0")

    data = examples({"fi": ROOT / "bot/data/nlu_fi.yml", "sv": ROOT / "bot/data/nlu_sv.yml"})
    holdout = examples({"fi": ROOT / "tests/nlu/holdout_fi.yml", "sv": ROOT / "tests/nlu/holdout_sv.yml"})
    sizes = {f"train_{lang}": sum(1 for item in data if item[0] == lang) for lang in ("fi", "sv")}
    sizes.update({f"holdout_{lang}": sum(1 for item in holdout if item[0] == lang) for lang in ("fi", "sv")})
    k = 1 if args.quick else args.folds

    results = {}
    for name, pipeline in CANDIDATES.items():
        if args.only and name not in args.only:
            continue
        print(f"{name} …", flush=True)
        results[name] = evaluate(name, lambda tr, te, p=pipeline: train_and_predict(p, tr, te), data, holdout, k)
    print("TF-IDF + LogReg baseline …", flush=True)
    results["TF-IDF + LogReg baseline"] = evaluate("baseline", baseline_predict, data, holdout, k)

    text = report(results, municipality_accuracy(), sizes, k, started)
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "nlu_candidates.md").write_text(text, encoding="utf-8")
    print(text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
