"""What the redactor knows of the world, read once and shared by its finders (identifiers for numbers
and streets, names for people): the service directory and the municipalities a text names. Public
information, not personal data; its own module so that neither finder imports the other for it.
"""

from __future__ import annotations

from functools import lru_cache


@lru_cache(maxsize=1)
def directory():
    """The service directory, read once for the public numbers and the service names."""
    from bot.directory.loader import read_data

    return read_data()


@lru_cache(maxsize=256)
def place_mentions(text: str) -> tuple:
    """bot.places' municipalities in `text`, once per text (the name finder asks too; it is the costly part)."""
    from bot.places.resolver import find_places

    return tuple(find_places(text))
