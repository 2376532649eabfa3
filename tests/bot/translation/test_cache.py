"""The SQL translation cache: keyed by provider, languages and text; a broken database is skipped."""

from __future__ import annotations

import socket
import time

from sqlalchemy import create_engine

from bot.storage.database import create_database_engine
from bot.translation.cache import CacheKey, RedisTranslationCache, SqlTranslationCache


async def test_a_stored_translation_is_found_by_the_same_key_only(database_url):
    cache = SqlTranslationCache(create_database_engine(database_url))
    key = CacheKey("libre", "en", "th", "Opening hours")
    await cache.put(key, "เวลาทำการ")
    assert await cache.get(key) == "เวลาทำการ"
    assert await cache.get(CacheKey("google", "en", "th", "Opening hours")) is None
    assert await cache.get(CacheKey("libre", "en", "lo", "Opening hours")) is None
    assert await cache.get(CacheKey("libre", "en", "th", "Opening hours.")) is None


async def test_storing_the_same_translation_twice_is_harmless(database_url):
    cache = SqlTranslationCache(create_database_engine(database_url))
    key = CacheKey("libre", "en", "th", "Opening hours")
    await cache.put(key, "เวลาทำการ")
    await cache.put(key, "เวลาทำการ")
    assert await cache.get(key) == "เวลาทำการ"


async def test_a_cache_whose_database_is_gone_answers_none_instead_of_failing(tmp_path):
    engine = create_engine(f"sqlite:///{tmp_path / 'missing' / 'nowhere.db'}", future=True)
    cache = SqlTranslationCache(engine)
    key = CacheKey("libre", "en", "th", "Opening hours")
    await cache.put(key, "เวลาทำการ")
    assert await cache.get(key) is None


async def test_a_redis_cache_that_cannot_be_reached_is_skipped_quickly():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]  # nothing listens here once the socket closes
    cache = RedisTranslationCache(f"redis://127.0.0.1:{port}/0")
    key = CacheKey("libre", "en", "th", "Opening hours")
    started = time.monotonic()
    await cache.put(key, "เวลาทำการ")
    assert await cache.get(key) is None
    assert time.monotonic() - started < 2.0
