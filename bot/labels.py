"""Viitta's UI labels in Finnish and Swedish (bot/labels.yml): the service card's field names, the
handoff summary's lines and its coded values in words.

They are not responses: Rasa never sends one alone, so they live outside domain.yml (which holds the
conversation) and outside the model's training inputs. The actions put them inside their messages, the
guide console inside its pages. Only yaml is imported, so any process can read them.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

LABELS_PATH = Path(__file__).resolve().with_name("labels.yml")
LANGUAGES = ("fi", "sv")


@lru_cache(maxsize=1)
def labels() -> dict[str, dict[str, str]]:
    """Every label: {name: {"fi": text, "sv": text}}, read once. Shared: never change it."""
    return yaml.safe_load(LABELS_PATH.read_text(encoding="utf-8"))


def label(name: str, lang: str, **values: Any) -> str:
    """The `lang` wording of label `name`, its {placeholders} filled with `values`.

    KeyError for a label (or a language) that does not exist, so callers can fall back (the console shows
    the code itself)."""
    try:
        text = labels()[name][lang]
    except KeyError:
        raise KeyError(f"label {name!r} has no {lang!r} wording") from None
    return text.format(**values)
