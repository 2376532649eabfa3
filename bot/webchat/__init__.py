"""The citizen page: the stock rasa-webchat widget with a language picker, served by aiohttp."""

from bot.webchat.app import create_app

__all__ = ["create_app"]
