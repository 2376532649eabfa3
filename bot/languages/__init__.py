"""The registry of contract languages (../shared/CONTRACT.md)."""

from bot.languages.registry import (
    LANGUAGES,
    Language,
    TextDirection,
    get_language,
    is_supported,
    normalize_language_tag,
)

__all__ = ["LANGUAGES", "Language", "TextDirection", "get_language", "is_supported", "normalize_language_tag"]
