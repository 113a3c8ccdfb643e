"""The Redis lock store hands out each ticket once, even to two Rasa instances asking at the same moment;
endpoints.yml's lock store follows LOCK_STORE_URL (Rasa's in-process lock without it)."""

from __future__ import annotations

import os
import threading
import time
import uuid

import pytest
from rasa.core.lock_store import RedisLockStore
from rasa.utils.endpoints import EndpointConfig

from bot import settings
from bot.server.lock_store import AtomicRedisLockStore
from bot.settings import ROOT
from tests.conftest import _on_ci

REDIS_URL = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/0")


@pytest.fixture
def redis_config():
    from urllib.parse import urlsplit

    import redis

    try:
        redis.Redis.from_url(REDIS_URL, socket_timeout=2).ping()
    except Exception as exc:
        if _on_ci():
            pytest.fail(f"Redis must be reachable on CI at {REDIS_URL}: {exc}")
        pytest.skip(f"Redis not reachable at {REDIS_URL}")
    parts = urlsplit(REDIS_URL)
    prefix = f"viittatest{uuid.uuid4().hex[:8]}"
    yield {
        "host": parts.hostname,
        "port": parts.port or 6379,
        "db": int(parts.path.strip("/") or 0),
        "key_prefix": prefix,
    }
    client = redis.Redis.from_url(REDIS_URL)
    for key in client.scan_iter(f"{prefix}:*"):
        client.delete(key)


def _tickets_at_the_same_moment(store_class, config) -> list[int]:
    """Two stores (two instances) take a ticket for one conversation at once. Reading the lock is made
    slow, as under load, so that the two requests overlap the way they can in production."""
    stores = [store_class(**config) for _ in range(2)]
    for store in stores:
        original = store.get_lock

        def slow_get_lock(conversation_id, _original=original):
            found = _original(conversation_id)
            time.sleep(0.05)
            return found

        store.get_lock = slow_get_lock
    tickets: list[int] = []
    threads = [threading.Thread(target=lambda s=s: tickets.append(s.issue_ticket("conversation-1"))) for s in stores]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return sorted(tickets)


def test_rasas_own_redis_lock_store_can_give_both_instances_the_same_ticket(redis_config):
    assert _tickets_at_the_same_moment(RedisLockStore, redis_config) == [0, 0]  # the race this module fixes


def test_the_atomic_store_gives_each_instance_its_own_ticket(redis_config):
    assert _tickets_at_the_same_moment(AtomicRedisLockStore, redis_config) == [0, 1]


def test_the_store_is_built_from_the_endpoint_configuration(redis_config):
    config = EndpointConfig(
        url=redis_config["host"],
        port=redis_config["port"],
        db=redis_config["db"],
        key_prefix=redis_config["key_prefix"],
        type="bot.server.lock_store.AtomicRedisLockStore",
    )
    store = AtomicRedisLockStore(endpoint_config=config)
    assert store.issue_ticket("c") == 0 and store.issue_ticket("c") == 1
    store.cleanup("c", 0)
    store.cleanup("c", 1)
    assert store.get_lock("c") is None


def _endpoints_lock_store(monkeypatch, url: str | None):
    """The lock store of endpoints.yml as Rasa creates it (LockStore.create), with LOCK_STORE_URL = url."""
    from rasa.core.lock_store import LockStore
    from rasa.utils.endpoints import read_endpoint_config

    if url is None:
        monkeypatch.delenv("LOCK_STORE_URL", raising=False)
    else:
        monkeypatch.setenv("LOCK_STORE_URL", url)
    settings.get_settings.cache_clear()
    try:
        return LockStore.create(read_endpoint_config(str(ROOT / "endpoints.yml"), "lock_store"))
    finally:
        settings.get_settings.cache_clear()


def test_without_lock_store_url_endpoints_yml_keeps_rasas_in_process_lock(monkeypatch):
    from rasa.core.lock_store import InMemoryLockStore

    assert type(_endpoints_lock_store(monkeypatch, None)) is InMemoryLockStore
    assert type(_endpoints_lock_store(monkeypatch, "")) is InMemoryLockStore


def test_endpoints_yml_takes_the_redis_of_lock_store_url(monkeypatch):
    store = _endpoints_lock_store(monkeypatch, "redis://:s%40cret@cache.local:6380/2?key_prefix=viitta")
    assert type(store) is AtomicRedisLockStore and store.key_prefix.startswith("viitta:")
    connection = store.red.connection_pool.connection_kwargs
    assert (connection["host"], connection["port"], connection["db"], connection["password"]) == (
        "cache.local",
        6380,
        2,
        "s@cret",
    )


def test_endpoints_yml_lock_store_hands_out_tickets_one_by_one(redis_config, monkeypatch):
    url = f"redis://{redis_config['host']}:{redis_config['port']}/{redis_config['db']}?key_prefix={redis_config['key_prefix']}"
    store = _endpoints_lock_store(monkeypatch, url)
    assert store.issue_ticket("c") == 0 and store.issue_ticket("c") == 1
    store.cleanup("c", 0)
    store.cleanup("c", 1)
    assert store.get_lock("c") is None
