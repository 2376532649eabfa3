"""Machine translation for what curated text does not cover: providers, failover, cache, glossary."""

from bot.translation.factory import build_translation_service
from bot.translation.service import Translation, TranslationService

__all__ = ["Translation", "TranslationService", "build_translation_service"]
