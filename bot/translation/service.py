"""The translation layer's one entry point: redact, protect, try each provider, cache.

It never raises and never waits longer than its budget: when no provider is configured,
supports the pair, or answers in time with a usable text, it returns None and the caller
keeps the source text. Personal data is redacted before anything leaves the machine.
"""

from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass
from typing import Callable, Dict, List, Mapping, Optional, Sequence, Tuple

from bot.exceptions import TranslationError, TranslationRateLimited
from bot.translation.cache import CacheKey, TranslationCache
from bot.translation.protect import ProtectedText, protect, restore
from bot.translation.provider import Translator

logger = logging.getLogger(__name__)
#: After a 429 a provider is left alone for this many seconds.
RATE_LIMIT_PAUSE_SECONDS = 60.0


@dataclass(frozen=True)
class Translation:
    text: str
    provider: str
    cached: bool


class TranslationService:
    """Ordered failover over providers, with a cache and an overall time budget."""

    def __init__(
        self,
        providers: Sequence[Translator],
        cache: TranslationCache,
        redact: Callable[[str], str],
        budget: float = 3.5,
    ) -> None:
        self._providers = list(providers)
        self._cache = cache
        self._redact = redact
        self._budget = budget
        self._paused_until: Dict[str, float] = {}

    @property
    def configured(self) -> bool:
        """Whether any provider is configured (offline deployments have none)."""
        return bool(self._providers)

    def _candidates(self, source: str, target: str) -> List[Translator]:
        return [p for p in self._providers if p.supports(source) and p.supports(target)]

    async def _from_cache(self, candidates: List[Translator], protected: ProtectedText, source: str, target: str):
        for provider in candidates:
            raw = await self._cache.get(CacheKey(provider.name, source, target, protected.text))
            if raw is not None:
                try:
                    return Translation(restore(raw, protected), provider.name, cached=True)
                except TranslationError:
                    continue
        return None

    async def translate(
        self,
        text: str,
        source: str,
        target: str,
        glossary: Sequence[Tuple[str, str]] = (),
        values: Optional[Mapping[str, str]] = None,
    ) -> Optional[Translation]:
        """`text` in `target`, or None. `glossary` pairs are (term in source, rendering in target);
        `values` fill `{placeholders}` after translation, so they are never sent."""
        candidates = self._candidates(source, target)
        if source == target or not candidates or not text.strip():
            return None
        protected = protect(self._redact(text), glossary, values)
        cached = await self._from_cache(candidates, protected, source, target)
        if cached:
            return cached
        loop = asyncio.get_running_loop()
        deadline = loop.time() + self._budget
        for provider in candidates:
            remaining = deadline - loop.time()
            if remaining <= 0:
                break
            if self._paused_until.get(provider.name, 0.0) > loop.time():
                continue
            try:
                raw = await asyncio.wait_for(provider.translate(protected.text, source, target), remaining)
                result = restore(raw, protected)
            except TranslationRateLimited as error:
                self._paused_until[provider.name] = loop.time() + RATE_LIMIT_PAUSE_SECONDS
                logger.warning("translation: %s; trying the next provider", error)
                continue
            except (TranslationError, asyncio.TimeoutError) as error:
                logger.warning("translation: %s; trying the next provider", error or "time budget spent")
                continue
            await self._cache.put(CacheKey(provider.name, source, target, protected.text), raw)
            return Translation(result, provider.name, cached=False)
        return None
