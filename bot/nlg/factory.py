"""Builds the reply renderer from the settings: curated texts, glossary and translator."""

from __future__ import annotations

from typing import Any, Mapping, Optional

from bot.catalog import load_catalog
from bot.glossary import load_glossary
from bot.glossary.terms import term_pairs
from bot.nlg.renderer import ReplyRenderer
from bot.responses import load_response_texts
from bot.settings import Settings
from bot.translation import TranslationService
from bot.translation.factory import shared_translation_service


def build_reply_renderer(
    settings: Settings, domain_responses: Mapping[str, Any], translator: Optional[TranslationService] = None
) -> ReplyRenderer:
    """Loads every content file (failing loudly on a broken one); a translator only when configured."""
    texts = load_response_texts(settings.responses_dir, domain_responses)
    pairs = term_pairs(load_glossary(settings.glossary_dir), load_catalog(settings.catalog_dir))
    if translator is None and settings.translation.providers:
        translator = shared_translation_service()
    return ReplyRenderer(texts, pairs, translator)
