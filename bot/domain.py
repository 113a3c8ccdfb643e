"""domain.yml as plain data, read once per process, for the Python that needs a response's words
outside Rasa's own rendering: the channels' own replies (bot/server/fallback.py, the Telegram channel)
and the tests. Actions get the domain with each request from the Rasa server instead.

The UI labels (card field names, summary values) are not in the domain: see bot/labels.py.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

import yaml

from bot.settings import ROOT

DOMAIN_PATH = ROOT / "domain.yml"


@lru_cache(maxsize=1)
def load_domain() -> dict[str, Any]:
    """The parsed domain.yml. Cached and shared by every caller: read it, never change it (copy first)."""
    return yaml.safe_load(DOMAIN_PATH.read_text(encoding="utf-8"))
