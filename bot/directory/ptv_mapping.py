"""PTV -> Viitta categories: the rules of data/ptv_mapping.yml (service classes, ontology terms, keywords)."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable, Optional

import yaml

from bot.directory.ptv import PtvError


def fold(text: str) -> str:
    """Lower case without accents, so that 'Päihde' and 'paihde' are the same word."""
    text = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in text if not unicodedata.combining(c))


@dataclass(frozen=True)
class Rule:
    category: str
    service_classes: tuple[str, ...]
    ontology_terms: tuple[str, ...]
    keywords: Optional[re.Pattern]
    exclude: Optional[re.Pattern]

    def matches(self, text: str, classes: set[str], terms: set[str]) -> bool:
        if self.exclude and self.exclude.search(text):
            return False
        if any(c == wanted or c.startswith(wanted + ".") for c in classes for wanted in self.service_classes):
            return True
        if terms & set(self.ontology_terms):
            return True
        return bool(self.keywords and self.keywords.search(text))


def _words(words: Iterable[str]) -> Optional[re.Pattern]:
    words = [fold(str(w)).strip() for w in words or () if str(w).strip()]
    if not words:
        return None
    return re.compile(r"(?<!\w)(?:" + "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)) + ")")


def load_mapping(path: Path) -> list[Rule]:
    from bot.directory.records import CATEGORIES

    doc = yaml.safe_load(Path(path).read_text(encoding="utf-8")) or {}
    rules = []
    for raw in doc.get("rules") or []:
        if raw.get("category") not in CATEGORIES:
            raise PtvError(f"{path}: unknown category {raw.get('category')!r}")
        rules.append(
            Rule(
                raw["category"],
                tuple(str(c) for c in raw.get("service_classes") or ()),
                tuple(str(t) for t in raw.get("ontology_terms") or ()),
                _words(raw.get("keywords")),
                _words(raw.get("exclude")),
            )
        )
    return rules


def categorize(
    rules: list[Rule], texts: Iterable[str], classes: Iterable[str] = (), terms: Iterable[str] = ()
) -> Optional[str]:
    """The category of the first matching rule, or None."""
    text = " | ".join(fold(t) for t in texts if t)
    classes, terms = set(classes), set(terms)
    return next((r.category for r in rules if r.matches(text, classes, terms)), None)


def service_category(rules: list[Rule], service: dict) -> Optional[str]:
    classes = {class_code(c) for c in service.get("serviceClasses") or []}
    terms = {t.get("uri") for t in service.get("ontologyTerms") or [] if t.get("uri")}
    texts = [
        *localized_values(service.get("serviceNames")),
        *localized_values(service.get("keywords")),
        *(v for t in service.get("ontologyTerms") or [] for v in localized_values(t.get("name"))),
    ]
    return categorize(rules, texts, classes, terms)


def class_code(service_class: dict) -> str:
    return str(service_class.get("code") or (service_class.get("uri") or "").rstrip("/").rsplit("/", 1)[-1])


def localized_values(items: Any) -> list[str]:
    return [str(i.get("value")) for i in items or [] if isinstance(i, dict) and i.get("value")]
