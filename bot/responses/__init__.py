"""The assistant's replies in every language: English source in domain.yml, curated translations in content."""

from bot.responses.templates import ResponseTemplate, ResponseTexts, load_response_texts, placeholders

__all__ = ["ResponseTemplate", "ResponseTexts", "load_response_texts", "placeholders"]
