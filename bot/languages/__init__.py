"""The registry of contract languages (../shared/CONTRACT.md)."""

from bot.languages.registry import LANGUAGES, Language, TextDirection, get_language, is_supported

__all__ = ["LANGUAGES", "Language", "TextDirection", "get_language", "is_supported"]
