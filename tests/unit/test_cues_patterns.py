"""Every cue pattern of the situation reader needs some words to match: an empty alternative (a stray "|" at
the end of a line) would make every message, even an unrelated one, a partner's or a pregnancy's."""

from __future__ import annotations

import re

import pytest

from bot.situation import cues

PATTERNS = sorted(name for name in dir(cues) if isinstance(getattr(cues, name), re.Pattern))


@pytest.mark.parametrize("name", PATTERNS)
def test_pattern_needs_words(name):
    pattern = getattr(cues, name)
    for text in ("", "zzzz qqqq", "the weather is fine today"):
        assert pattern.search(text) is None or pattern.search(text).group(0).strip(), (name, text)
