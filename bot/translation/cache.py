"""The translation cache: a table in the assistant's database by default, Redis when configured.

Keyed by provider, languages and the exact text sent (after redaction and protection), so
a cached text is one the provider really produced for that input. A cache that fails is
skipped, never fatal: the translation is simply asked for again.
"""

from __future__ import annotations

import hashlib
import logging
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Dict, Optional, Protocol

from sqlalchemy import select
from sqlalchemy.engine import Engine
from sqlalchemy.exc import IntegrityError, SQLAlchemyError

from bot.concurrency import run_blocking
from bot.storage.database import translation_cache

logger = logging.getLogger(__name__)
#: Redis keys expire after 30 days, so retranslated curated text eventually refreshes.
REDIS_TTL_SECONDS = 30 * 24 * 3600


@dataclass(frozen=True)
class CacheKey:
    provider: str
    source: str
    target: str
    text: str

    def digest(self) -> str:
        raw = "\x1f".join((self.provider, self.source, self.target, self.text))
        return hashlib.sha256(raw.encode("utf-8")).hexdigest()


class TranslationCache(Protocol):
    async def get(self, key: CacheKey) -> Optional[str]:
        """The cached translation, or None (also when the cache itself fails)."""

    async def put(self, key: CacheKey, translation: str) -> None:
        """Stores a translation; failures are logged and ignored."""


class MemoryTranslationCache:
    """A process-local cache, for tests and benchmarks."""

    def __init__(self) -> None:
        self._entries: Dict[str, str] = {}

    async def get(self, key: CacheKey) -> Optional[str]:
        return self._entries.get(key.digest())

    async def put(self, key: CacheKey, translation: str) -> None:
        self._entries[key.digest()] = translation


class SqlTranslationCache:
    """The `translation_cache` table of the assistant's database (SQLite or PostgreSQL)."""

    def __init__(self, engine: Engine) -> None:
        self._engine = engine

    def _get(self, digest: str) -> Optional[str]:
        with self._engine.connect() as connection:
            query = select(translation_cache.c.translation).where(translation_cache.c.key == digest)
            return connection.execute(query).scalar_one_or_none()

    def _put(self, key: CacheKey, translation: str) -> None:
        row = {
            "key": key.digest(),
            "provider": key.provider,
            "source_language": key.source,
            "target_language": key.target,
            "translation": translation,
            "created_at": datetime.now(timezone.utc),
        }
        try:
            with self._engine.begin() as connection:
                connection.execute(translation_cache.insert().values(**row))
        except IntegrityError:
            pass  # another process cached the same translation first

    async def get(self, key: CacheKey) -> Optional[str]:
        try:
            return await run_blocking(self._get, key.digest())
        except SQLAlchemyError:
            logger.warning("translation cache read failed; asking the translator", exc_info=True)
            return None

    async def put(self, key: CacheKey, translation: str) -> None:
        try:
            await run_blocking(self._put, key, translation)
        except SQLAlchemyError:
            logger.warning("translation cache write failed", exc_info=True)


class RedisTranslationCache:
    """Redis (shared by every replica), with short socket timeouts so a slow Redis is skipped."""

    def __init__(self, url: str, prefix: str = "citizen:translation:") -> None:
        import redis.asyncio as redis

        self._redis = redis.from_url(url, socket_timeout=0.5, socket_connect_timeout=0.5)
        self._prefix = prefix
        self._errors = (redis.RedisError, OSError)

    async def get(self, key: CacheKey) -> Optional[str]:
        try:
            value = await self._redis.get(self._prefix + key.digest())
        except self._errors:
            logger.warning("Redis translation cache read failed; asking the translator", exc_info=True)
            return None
        return value.decode("utf-8") if value is not None else None

    async def put(self, key: CacheKey, translation: str) -> None:
        try:
            await self._redis.set(self._prefix + key.digest(), translation.encode("utf-8"), ex=REDIS_TTL_SECONDS)
        except self._errors:
            logger.warning("Redis translation cache write failed", exc_info=True)
