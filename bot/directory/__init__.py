"""The service directory: counties, services and national helplines behind one small interface."""

from __future__ import annotations

from functools import lru_cache

from bot.directory.interface import ServiceDirectory
from bot.directory.records import Bilingual, County, Match, Service

__all__ = ["ServiceDirectory", "Bilingual", "County", "Match", "Service", "default_directory"]


@lru_cache(maxsize=1)
def default_directory() -> ServiceDirectory:
    """The directory in the app database (DATABASE_URL), answers kept for a minute; shared by all actions
    of a process."""
    from bot.db import shared_engine
    from bot.directory.cached import CachedSqlDirectory

    return CachedSqlDirectory(shared_engine())
