"""The skip mark for redaction tests that read the Swedish word list, which `make` builds (it is never committed)."""

import pytest

from bot.privacy import swedish_words

needs_swedish_words = pytest.mark.skipif(
    not swedish_words.WORDS.exists(),
    reason="the Swedish word list is built by make (python -m bot.privacy.swedish_words)",
)
