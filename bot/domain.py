"""The conversation's domain (domain.yml at the top of the repository), read once per process."""
from __future__ import annotations

from functools import cache

import yaml

from bot.settings import ROOT


@cache
def load_domain() -> dict:
    """The parsed domain.yml (shared by every caller: read it, do not change it)."""
    return yaml.safe_load((ROOT / "domain.yml").read_text(encoding="utf-8"))
