"""Wraps a channel's message handler with the inbound pivot, for every channel alike."""

from __future__ import annotations

import logging
from typing import Any, Awaitable, Callable

from rasa.core.channels.channel import UserMessage

from bot.settings import load_settings
from bot.translation.factory import shared_translation_service
from bot.translation.pivot import pivot_to_english
from bot.translation.service import TranslationService

logger = logging.getLogger(__name__)
MessageHandler = Callable[[UserMessage], Awaitable[Any]]


def with_inbound_pivot(on_new_message: MessageHandler, translator: TranslationService) -> MessageHandler:
    """`on_new_message`, but a message in a non-contract language arrives in English, with the
    original text, its language and the provider in the message metadata."""

    async def handle(message: UserMessage) -> Any:
        pivot = await pivot_to_english(message.text or "", translator) if message.text else None
        if pivot is not None:
            logger.debug("pivoted a message from %s through %s", pivot.source_language, pivot.provider)
            message.text = pivot.text
            message.metadata = {
                **(message.metadata or {}),
                "original_text": pivot.original_text,
                "pivot_language": pivot.source_language,
                "pivot_provider": pivot.provider,
            }
        return await on_new_message(message)

    return handle


def maybe_pivoting(on_new_message: MessageHandler) -> MessageHandler:
    """`on_new_message` with the inbound pivot when INBOUND_PIVOT is on, else as it is."""
    if not load_settings().translation.inbound_pivot:
        return on_new_message
    return with_inbound_pivot(on_new_message, shared_translation_service())
