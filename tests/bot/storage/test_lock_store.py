"""Conversation locks: in-process by default, shared through Redis between replicas."""

from __future__ import annotations

import asyncio

import pytest
from rasa.core.lock_store import InMemoryLockStore, LockStore, RedisLockStore
from rasa.utils.endpoints import read_endpoint_config

from bot.settings import PROJECT_ROOT
from bot.storage.lock_store import UrlLockStore, redis_lock_store


def test_endpoints_give_an_in_process_lock_store_without_a_url(monkeypatch):
    monkeypatch.delenv("LOCK_STORE_URL", raising=False)
    store = LockStore.create(read_endpoint_config(str(PROJECT_ROOT / "endpoints.yml"), "lock_store"))
    assert isinstance(store, UrlLockStore) and isinstance(store.backend, InMemoryLockStore)


def test_endpoints_give_redis_when_lock_store_url_is_set(monkeypatch):
    monkeypatch.setenv("LOCK_STORE_URL", "redis://:s%40cret@cache.internal:6380/3")
    store = LockStore.create(read_endpoint_config(str(PROJECT_ROOT / "endpoints.yml"), "lock_store"))
    assert isinstance(store.backend, RedisLockStore)
    connection = store.backend.red.connection_pool.connection_kwargs
    assert (connection["host"], connection["port"], connection["db"]) == ("cache.internal", 6380, 3)
    assert connection["password"] == "s@cret"


def test_redis_url_without_database_uses_rasas_default_lock_database():
    assert redis_lock_store("redis://localhost").red.connection_pool.connection_kwargs["db"] == 1


async def test_two_replicas_never_process_one_conversation_at_once(redis_server):
    replica_a, replica_b = UrlLockStore(lock_store_url=redis_server.url), UrlLockStore(lock_store_url=redis_server.url)
    order = []

    async def handle(store: UrlLockStore, name: str, seconds: float) -> None:
        async with store.lock("citizen-7", wait_time_in_seconds=0.05):
            order.append(f"{name} starts")
            await asyncio.sleep(seconds)
            order.append(f"{name} ends")

    first = asyncio.create_task(handle(replica_a, "a", 0.4))
    await asyncio.sleep(0.1)
    await asyncio.gather(first, handle(replica_b, "b", 0.0))
    assert order == ["a starts", "a ends", "b starts", "b ends"]


async def test_other_conversations_are_not_held_up_by_a_lock(redis_server):
    replica_a, replica_b = UrlLockStore(lock_store_url=redis_server.url), UrlLockStore(lock_store_url=redis_server.url)
    async with replica_a.lock("citizen-8"):
        await asyncio.wait_for(_enter(replica_b, "citizen-9"), timeout=1)


async def _enter(store: UrlLockStore, conversation_id: str) -> None:
    async with store.lock(conversation_id, wait_time_in_seconds=0.05):
        pass


async def _wait_behind_a_dead_holder(store: LockStore) -> None:
    """A replica died holding ticket 0; the waiter polls less often than tickets live."""
    store.issue_ticket("citizen-10", 0.3)  # never cleaned up: its replica was killed
    async with store.lock("citizen-10", lock_lifetime=0.3, wait_time_in_seconds=0.6):
        pass


async def test_a_waiter_whose_ticket_expired_still_gets_the_lock_when_the_holder_died(redis_server):
    await asyncio.wait_for(_wait_behind_a_dead_holder(UrlLockStore(lock_store_url=redis_server.url)), timeout=5)


async def test_rasas_own_lock_store_waits_forever_in_that_case(redis_server):
    with pytest.raises(asyncio.TimeoutError):
        await asyncio.wait_for(_wait_behind_a_dead_holder(redis_lock_store(redis_server.url)), timeout=3)
