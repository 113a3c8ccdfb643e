"""The crisis risk model: a small linear classifier next to the patterns, for wordings nobody wrote down.

Three classes: "acute" (danger now), "uncertain" (it may be: "en jaksa enää" after a heavy story) and
"none". Features, chosen by measurement (bench/crisis_model.py, bench/results/crisis.md): TF-IDF of
folded character 2–5-grams inside word boundaries (robust to typos, missing ä/ö, spoken endings) and
of lemma 1–2-grams, where every word is lemmatised both as Finnish (Voikko, spoken forms first mapped
to the standard word) and as Swedish (the lookup table) – no language detection that could be wrong
on a one-liner. Multinomial logistic regression, balanced classes, so the scores are probabilities the
thresholds in bot.safety.risk can be set on.

Training data (`training_examples`): bot/safety/data/*.yml (acute, uncertain and near-miss messages
per language, written for this model by people who never saw the evaluation sets, and the retired blind
sets A and B; the file's prefix names the writer), the labelled pattern sets in tests/crisis, and the
intent data in bot/data (`emergency` examples as acute, the thousands of everyday messages of every
other intent as none).

Candidates measured after set B's retirement (bench/crisis_model.py --compare, leave-one-writer-out on
the two blind sets' writers): word 1–2-grams and the patterns' frame words as features (`cue_view`: past,
question, fear, condition, now, negation per clause) gave no gain beyond noise over characters + lemmas,
so the model stays with those; the cues remain a candidate.

The model is an artifact, never committed: `make crisis-model` (a step of train, run and test) builds it
from the data in a few seconds, deterministically (lbfgs, no randomness). If it is missing when first
needed, it is built in the process and saved (logged), so the net never runs without it.
"""

from __future__ import annotations

import hashlib
import logging
import os
import re
import threading
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Iterable, Optional, Sequence

import yaml

from bot.settings import ROOT

logger = logging.getLogger(__name__)

DATA = ROOT / "bot" / "safety" / "data"
PATTERN_SETS = ROOT / "tests" / "crisis"
INTENT_DATA = ROOT / "bot" / "data"
ARTIFACT = Path(os.environ.get("CRISIS_MODEL", str(ROOT / "var" / "crisis" / "risk.joblib")))
CLASSES = ("none", "uncertain", "acute")
_WORD = re.compile(r"\w+")
FEATURES = "chars+lemmas"  # chosen by measurement: bench/crisis_model.py --compare
C = 16.0
MAX_CHARS = 2000  # the start of a long story is where the model reads; the patterns read all of it


@dataclass(frozen=True)
class Example:
    text: str
    label: str  # one of CLASSES
    kind: str  # the taxonomy kind (bot/safety/README.md) or the source ("intent:greet", "pattern:idiom")
    language: str
    source: str  # "data", "pattern_sets", "intents"
    writer: str = ""  # who wrote a data message: the file's prefix ("", "extra", "more", "retired_a", ...)


# -- features ---------------------------------------------------------------------------------------


def _fold(text: str) -> str:
    from bot.safety.crisis import normalise

    return normalise(text[:MAX_CHARS])


# Spoken and Finland-Swedish forms -> the standard word, before the Swedish lemma lookup (which knows only
# standard forms): "ja orkar int" and "jag orkar inte" must meet. The Finnish side has its own map
# (bot.nlu.lemmas.SPOKEN_FINNISH).
SPOKEN_SWEDISH = {
    "ja": "jag",
    "int": "inte",
    "he": "det",
    "e": "är",
    "ä": "är",
    "mej": "mig",
    "dej": "dig",
    "sej": "sig",
    "nån": "någon",
    "nåt": "något",
    "nånting": "någonting",
    "nånsin": "någonsin",
    "mera": "mer",
    "sku": "skulle",
    "barna": "barnen",
    "ungarna": "barnen",
    "va": "vara",
    "sen": "sedan",
    "tagi": "tagit",
}


def lemma_view(text: str) -> str:
    """Finnish and Swedish lemmas of every word, prefixed so they never meet ("f:kuolla s:do")."""
    from bot.nlu.lemmas import lemmatize

    words = _WORD.findall((text or "")[:MAX_CHARS].lower())
    if not words:
        return ""
    fi = lemmatize(words, "fi", "voikko")
    sv = lemmatize([SPOKEN_SWEDISH.get(w, w) for w in words], "sv")
    return " ".join(f"f:{a} s:{b}" for a, b in zip(fi, sv))


def _lemma_ngrams(view: str) -> list[str]:
    # Bigrams per language: "f:haluta f:kuolla" is one feature, "f:haluta s:vilja" never.
    tokens = view.split()
    fi = [t for t in tokens if t.startswith("f:")]
    sv = [t for t in tokens if t.startswith("s:")]
    grams = tokens[:]
    for seq in (fi, sv):
        grams += [f"{a}_{b}" for a, b in zip(seq, seq[1:])]
    return grams


def _identity(x):
    return x


def cue_view(text: str) -> list[str]:
    """The patterns' frame words as features, per clause of the folded text and per language: a past, a
    question, a fear, a report or a joke (the patterns' guards), a condition, a now and a strict now, a word
    of danger, an idiom or a negation, and how they combine ("guard without a strict now", "danger with a
    now"). The model learns how much "vuosi sitten" or "om" takes back, instead of the patterns' yes/no."""
    from bot.safety.crisis import _CLAUSES, _SENTENCES, languages

    out = []
    for sentence in (c for s in _SENTENCES.split(_fold(text)) for c in _CLAUSES.split(f" {s.strip()} ")):
        sentence = f" {sentence.strip()} "
        if not sentence.strip():
            continue
        for language in languages():
            cleaned = language.never.sub(" ~ ", sentence)
            has = {
                name: bool(rx.search(cleaned))
                for name, rx in (
                    ("guard", language.guards),
                    ("cond", language.conditional),
                    ("now", language.now),
                    ("strict", language.strict_now),
                    ("danger", language.danger),
                )
            }
            has["never"] = cleaned != sentence
            tags = [name for name, on in has.items() if on]
            if has["danger"]:
                tags += [f"danger+{name}" for name in ("guard", "cond", "now", "strict", "never") if has[name]]
                if has["guard"] and not has["strict"]:
                    tags.append("danger+guard-strict")
            out += [f"{language.code}:{t}" for t in tags]
    return out or ["nocue"]


def build_vectorizer(features: str = FEATURES):
    """The feature union for one candidate, parts joined by "+": "chars", "words", "lemmas", "cues"."""
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.pipeline import FeatureUnion, make_pipeline
    from sklearn.preprocessing import FunctionTransformer

    parts = []
    if "chars" in features:
        parts.append(
            (
                "chars",
                make_pipeline(
                    FunctionTransformer(_fold_all),
                    TfidfVectorizer(
                        analyzer="char_wb", ngram_range=(2, 5), min_df=2, sublinear_tf=True, max_features=120_000
                    ),
                ),
            )
        )
    if "words" in features:
        parts.append(
            (
                "words",
                make_pipeline(
                    FunctionTransformer(_fold_all),
                    TfidfVectorizer(
                        analyzer="word", ngram_range=(1, 2), min_df=1, sublinear_tf=True, token_pattern=r"\w+"
                    ),
                ),
            )
        )
    if "lemmas" in features:
        parts.append(
            (
                "lemmas",
                make_pipeline(
                    FunctionTransformer(_lemma_all),
                    TfidfVectorizer(analyzer=_lemma_ngrams, min_df=1, sublinear_tf=True),
                ),
            )
        )
    if "cues" in features:
        parts.append(("cues", TfidfVectorizer(analyzer=cue_view, use_idf=False, sublinear_tf=True)))
    return FeatureUnion(parts)


def _fold_all(texts: Iterable[str]) -> list[str]:
    return [_fold(t) for t in texts]


def _lemma_all(texts: Iterable[str]) -> list[str]:
    return [lemma_view(t) for t in texts]


def build(features: str = FEATURES, c: float = C):
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import Pipeline

    return Pipeline(
        [
            ("features", build_vectorizer(features)),
            ("model", LogisticRegression(C=c, class_weight="balanced", max_iter=3000)),
        ]
    )


# -- data -------------------------------------------------------------------------------------------

_LABEL_OF_FILE = {"acute": "acute", "uncertain": "uncertain", "near_miss": "none"}


def _yaml_groups(path: Path) -> dict:
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    return {str(k): [str(t) for t in (v or []) if str(t).strip()] for k, v in data.items()}


_FILE = re.compile(
    r"^(?:(?P<writer>[a-z0-9_]+?)_)?(?:(?P<label>acute|uncertain|near_miss)_(?P<language>[a-z]+)|multi_turn)$"
)


def data_examples(folder: Path = DATA) -> list[Example]:
    """bot/safety/data/[<writer>_]<acute|uncertain|near_miss>_<fi|sv>.yml (a mapping kind -> messages; the
    prefix names who wrote it: extra_, more_, retired_a_, ...) and the retired blind sets' conversations
    ([<writer>_]multi_turn.yml: `conversation_examples`)."""
    out = []
    for path in sorted(folder.glob("*.yml")):
        match = _FILE.match(path.stem)
        if match is None:
            continue
        writer = match["writer"] or ""
        if match["label"] is None:
            out += [Example(e.text, e.label, e.kind, e.language, e.source, writer) for e in conversation_examples(path)]
            continue
        label = _LABEL_OF_FILE[match["label"]]
        for kind, texts in _yaml_groups(path).items():
            out += [Example(t, label, kind, match["language"], "data", writer) for t in texts]
    return out


def conversation_examples(path: Path) -> list[Example]:
    """A retired set's two- and three-turn conversations, joined as bot.safety.risk reads them (" . "): an
    acute one as acute, a harmless one as none. Its single turns are not labelled (the first turn of an
    acute conversation is usually not acute alone)."""
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    out = []
    for item in data.get("sequences", []):
        turns = [str(t) for t in item.get("turns", []) if str(t).strip()]
        if len(turns) > 1:
            label = "acute" if item.get("acute") else "none"
            out.append(Example(" . ".join(turns), label, "conversation", str(item.get("lang", "?")), "data"))
    return out


def pattern_set_examples(folder: Path = PATTERN_SETS) -> list[Example]:
    out = []
    for language in ("fi", "sv"):
        for name, label in (("acute", "acute"), ("near_miss", "none")):
            path = folder / f"{name}_{language}.yml"
            if path.exists():
                for kind, texts in _yaml_groups(path).items():
                    out += [Example(t, label, f"pattern:{kind}", language, "pattern_sets") for t in texts]
    return out


def intent_examples(folder: Path = INTENT_DATA) -> list[Example]:
    out = []
    for path in sorted(folder.glob("nlu_*.yml")):
        language = path.stem.rpartition("_")[2]
        for item in (yaml.safe_load(path.read_text(encoding="utf-8")) or {}).get("nlu", []):
            if "intent" not in item:
                continue
            label = "acute" if item["intent"] == "emergency" else "none"
            for line in (item.get("examples") or "").splitlines():
                line = line.strip()
                if line.startswith("- "):
                    text = re.sub(r"\[([^\]]*)\]\{[^}]*\}", r"\1", line[2:]).strip()
                    if text and not text.startswith("/"):
                        out.append(Example(text, label, f"intent:{item['intent']}", language, "intents"))
    return out


def training_examples() -> list[Example]:
    return data_examples() + pattern_set_examples() + intent_examples()


def train(examples: Sequence[Example], features: str = FEATURES, c: float = C):
    model = build(features, c)
    model.fit([e.text for e in examples], [e.label for e in examples])
    return model


# -- the artifact -----------------------------------------------------------------------------------

_LOCK = threading.Lock()


def inputs() -> list[Path]:
    # The patterns' frames and idioms are features (cue_view): a pattern change must rebuild the artifact too.
    code = [Path(__file__), *Path(__file__).parent.glob("patterns_*.py"), Path(__file__).with_name("crisis.py")]
    return sorted([*DATA.glob("*.yml"), *PATTERN_SETS.glob("*.yml"), *INTENT_DATA.glob("nlu_*.yml"), *code])


def fingerprint() -> str:
    """A hash of the training inputs: an artifact built from other data is rebuilt, never silently used."""
    digest = hashlib.sha256()
    for path in inputs():
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def save(path: Path = ARTIFACT) -> Path:
    import joblib

    model = train(training_examples())
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    joblib.dump({"fingerprint": fingerprint(), "model": model}, tmp)
    tmp.replace(path)  # atomic: another process never reads half a file
    return path


def _read(path: Path):
    import joblib

    try:
        stored = joblib.load(path)
    except Exception:  # missing or unreadable
        return None
    return stored["model"] if isinstance(stored, dict) and stored.get("fingerprint") == fingerprint() else None


@lru_cache(maxsize=1)
def loaded():
    with _LOCK:
        model = _read(ARTIFACT)
        if model is None:
            logger.warning("crisis risk model missing or stale at %s: building it now (make crisis-model)", ARTIFACT)
            save(ARTIFACT)
            model = _read(ARTIFACT)
        return model


def probabilities(texts: Sequence[str], model=None) -> list[dict]:
    """{"none": p, "uncertain": p, "acute": p} per text."""
    model = model or loaded()
    classes = list(model.classes_)
    return [
        {c: float(row[classes.index(c)]) if c in classes else 0.0 for c in CLASSES}
        for row in model.predict_proba(list(texts))
    ]


def main(argv: Optional[list[str]] = None) -> int:
    if _read(ARTIFACT) is None:
        save(ARTIFACT)
    print(f"crisis risk model: {ARTIFACT}")
    return 0


if __name__ == "__main__":
    # Through the imported module, not __main__: the pickle must name bot.safety.model's functions.
    from bot.safety import model as _module

    raise SystemExit(_module.main())
