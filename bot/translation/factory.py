"""Builds the translation service from the settings: providers, cache and redaction."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from functools import lru_cache

from sqlalchemy.engine import Engine

from bot.privacy import Redactor
from bot.settings import TranslationSettings, load_settings
from bot.storage.database import create_database_engine
from bot.translation.cache import RedisTranslationCache, SqlTranslationCache, TranslationCache
from bot.translation.providers import build_providers
from bot.translation.service import TranslationService

#: Threads for blocking translator calls; a hung call holds one until its socket gives up,
#: so they are kept apart from the default executor the rest of the process uses.
TRANSLATION_THREADS = 8


def build_translation_service(settings: TranslationSettings, engine: Engine) -> TranslationService:
    """The configured service; with no providers it translates nothing and costs nothing."""
    cache: TranslationCache = (
        RedisTranslationCache(settings.cache_url) if settings.cache_url else SqlTranslationCache(engine)
    )
    executor = ThreadPoolExecutor(max_workers=TRANSLATION_THREADS, thread_name_prefix="translator")
    providers = build_providers(settings, executor) if settings.providers else []
    return TranslationService(providers, cache, Redactor().redact, budget=settings.budget)


@lru_cache(maxsize=1)
def shared_translation_service() -> TranslationService:
    """The Rasa server's one translation service (its NLG and channels share cache and threads)."""
    settings = load_settings()
    return build_translation_service(settings.translation, create_database_engine(settings.database_url))
