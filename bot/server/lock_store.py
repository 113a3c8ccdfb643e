"""Rasa's Redis lock store, made safe for several Rasa instances, and the lock store endpoints.yml names.

Rasa's RedisLockStore changes a conversation's lock in three steps (GET, change, SET). Two instances
taking a ticket for the same conversation at the same moment can both read "no tickets", both take
ticket 0 and both run a turn of that conversation at once – and one turn's events are lost when both
save (tests/e2e/test_production.py showed it). Here every such read-change-write runs under a short
Redis mutex (redis-py's Lock: SET NX with an expiry, released by a token-checked script), so tickets
are handed out one by one. The ticket queue itself stays Rasa's.

endpoints written by bot/serve.py when LOCK_STORE_URL is set: `lock_store: {type:
bot.server.lock_store.AtomicRedisLockStore, url: host, port: 6379, db: 0, password: ${VIITTA_LOCK_PASSWORD},
key_prefix: viitta}`. endpoints.yml names `bot.server.lock_store.LockStoreFromSettings`: the same Redis
store from LOCK_STORE_URL, or Rasa's in-process lock store when LOCK_STORE_URL is empty (one Rasa instance).
"""

from __future__ import annotations

from contextlib import contextmanager
from typing import Any, Iterator, Optional, Text

from rasa.core.lock_store import LOCK_LIFETIME, InMemoryLockStore, LockStore, RedisLockStore
from rasa.utils.endpoints import EndpointConfig

from bot.server.urls import redis_lock_settings

# The mutex guards a few Redis round trips; it expires by itself if an instance dies holding it.
MUTEX_SECONDS = 5


class AtomicRedisLockStore(RedisLockStore):
    def __init__(self, endpoint_config: Optional[EndpointConfig] = None, **kwargs: Any) -> None:
        if endpoint_config is not None:
            kwargs = {"host": endpoint_config.url or "localhost", **endpoint_config.kwargs, **kwargs}
        super().__init__(**kwargs)

    @contextmanager
    def _mutex(self, conversation_id: Text) -> Iterator[None]:
        with self.red.lock(
            f"{self.key_prefix}{conversation_id}:mutex", timeout=MUTEX_SECONDS, blocking_timeout=MUTEX_SECONDS
        ):
            yield

    def issue_ticket(self, conversation_id: Text, lock_lifetime: float = LOCK_LIFETIME) -> int:
        with self._mutex(conversation_id):
            return super().issue_ticket(conversation_id, lock_lifetime)

    def update_lock(self, conversation_id: Text) -> None:
        with self._mutex(conversation_id):
            super().update_lock(conversation_id)

    def cleanup(self, conversation_id: Text, ticket_number: int) -> None:
        with self._mutex(conversation_id):
            super().cleanup(conversation_id, ticket_number)


class LockStoreFromSettings(LockStore):
    """Not a store of its own: creating one gives AtomicRedisLockStore on LOCK_STORE_URL when it is set,
    else Rasa's InMemoryLockStore (Rasa creates a custom lock store as `type(endpoint_config=...)`)."""

    def __new__(cls, endpoint_config: Optional[EndpointConfig] = None, **_kwargs: Any) -> LockStore:  # type: ignore[misc]
        from bot.settings import get_settings

        url = get_settings().lock_store_url
        if not url:
            return InMemoryLockStore()
        return AtomicRedisLockStore(endpoint_config=EndpointConfig(**redis_lock_settings(url)))
