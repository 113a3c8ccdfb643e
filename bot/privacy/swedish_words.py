"""Swedish everyday words, so that a capitalised sentence start ("Febern var 38", "Simhallen i Jakobstad")
is not taken for a person's name: Voikko, the redactor's dictionary, is Finnish and knows no Swedish.

The words are spaCy's Swedish lemma table (spacy-lookups-data, in .venv-rasa) and its stop words, written at install time
into a small SQLite file (`make` runs `python -m bot.privacy.swedish_words` under .venv-rasa). The file is
an artifact, never committed; without it (or without .venv-rasa) the check knows no word and the
redactor behaves as before. SQLite rather than a set in memory: the table has ~740 000 forms.

    .venv-rasa/bin/python -m bot.privacy.swedish_words [OUT]
"""

from __future__ import annotations

import gzip
import json
import sqlite3
import sys
import threading
from functools import lru_cache
from pathlib import Path

WORDS = Path(__file__).resolve().parents[2] / "var" / "privacy" / "sv_words.sqlite"
_LOCK = threading.Lock()


@lru_cache(maxsize=1)
def _connection():
    if not WORDS.exists():
        return None
    try:
        return sqlite3.connect(f"file:{WORDS}?mode=ro", uri=True, check_same_thread=False)
    except sqlite3.Error:
        return None


@lru_cache(maxsize=65536)
def _lookup(word: str):
    """None: not a form; True: a base form (lemma); False: an inflected form (febern, tiden)."""
    db = _connection()
    if db is None:
        return None
    with _LOCK:
        row = db.execute("SELECT lemma FROM words WHERE form = ?", (word,)).fetchone()
    return None if row is None else bool(row[0])


# Words that never inflect and that neither the lemma table nor spaCy's stop words hold: adverbs and
# prepositions ("man förr lade", "går förbi och inga tecken").
UNINFLECTED = frozenset(
    """
forr forut forbi ganska genast hittills ibland ihop knappast lange mest nyss nastan ofta sallan snart strax
sist vidare alltsa annars darfor dessutom fortfarande tillbaka tillsammans overallt ute inne uppe nere borta
framme bakom bredvid framfor forutom genom kring mellan runt trots utan utom ovan nedan ju nog visst heller
precis ungefar typ jatte bara int inte nat nan nanting annu dit hit dar har hur varfor ocksa aldrig alltid
""".split()
)
_FOLD = str.maketrans("åäö", "aao")


def everyday(word: str) -> bool:
    """`word` (any case) is a Swedish word form, or a compound whose last part is an inflected form
    ("rådgivnings|tiden"). Only an inflected last part counts: surnames are compounds of base forms
    (Lind|berg, Berg|ström)."""
    lower = word.lower()
    if len(lower) < 3 or not lower.isalpha():
        return False
    if lower.translate(_FOLD) in UNINFLECTED:
        return True
    if _lookup(lower) is not None:
        return True
    for cut in range(4, len(lower) - 4):  # a tail of five letters at least: "Jon|ssons" is no compound
        head, tail = lower[:cut], lower[cut:]
        if _lookup(tail) is False and (
            _lookup(head) is not None or (head.endswith("s") and _lookup(head[:-1]) is not None)
        ):
            return True
    return False


def compound(word: str) -> bool:
    """`word` is two Swedish words joined ("dagis|plats", "skol|vägen"), the tail in any form. Surnames
    are built so too (Lind|berg): callers check a surname's ending first."""
    lower = word.lower()
    for cut in range(3, len(lower) - 3):
        head, tail = lower[:cut], lower[cut:]
        if _lookup(tail) is not None and (
            _lookup(head) is not None or (head.endswith("s") and _lookup(head[:-1]) is not None)
        ):
            return True
    return False


def _stop_words() -> set[str]:
    """spaCy's Swedish stop words, read from its source without importing spaCy (which loads a lot)."""
    import ast
    from importlib.util import find_spec

    spec = find_spec("spacy")  # its location only: importing spaCy would load thinc and TensorFlow
    package = Path(next(iter(spec.submodule_search_locations or ()))) if spec else None
    if package is None:
        return set()
    source = (package / "lang" / "sv" / "stop_words.py").read_text(encoding="utf-8")
    strings = [n.value for n in ast.walk(ast.parse(source)) if isinstance(n, ast.Constant) and isinstance(n.value, str)]
    return {w for text in strings for w in text.split() if w.isalpha() and w.islower() and len(w) >= 3}


def build(out: Path = WORDS) -> int:
    """Write the SQLite file from spacy-lookups-data's Swedish lemma table; returns the number of forms."""
    from importlib.resources import files

    table = files("spacy_lookups_data") / "data" / "sv_lemma_lookup.json.gz"
    lookup = json.loads(gzip.decompress(table.read_bytes()))
    forms: dict[str, bool] = {}
    for form, lemma in lookup.items():
        if not (form.islower() and lemma.islower()):
            continue  # the table has proper nouns too (Karins -> Karin): those are what the redactor looks for
        for word, is_lemma in ((lemma, True), (form, False)):
            if word.isalpha() and len(word) >= 3:
                forms[word] = forms.get(word, False) or is_lemma
    for word in _stop_words():
        forms[word] = True  # words that never inflect (alltid, också) are not in the lemma table
    out.parent.mkdir(parents=True, exist_ok=True)
    partial = out.with_suffix(".partial")
    partial.unlink(missing_ok=True)
    with sqlite3.connect(partial) as db:
        db.execute("CREATE TABLE words (form TEXT PRIMARY KEY, lemma INTEGER NOT NULL) WITHOUT ROWID")
        db.executemany("INSERT INTO words VALUES (?, ?)", sorted(forms.items()))
    db.close()
    partial.replace(out)
    return len(forms)


if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else WORDS
    print(f"{build(target)} Swedish word forms -> {target}")
