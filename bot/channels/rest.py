"""The REST channel (`/webhooks/rest/webhook`, as stock), with the optional inbound pivot."""

from __future__ import annotations

from typing import Awaitable, Callable

from rasa.core.channels.channel import UserMessage
from rasa.core.channels.rest import RestInput
from sanic import Blueprint

from bot.channels.pivot import with_inbound_pivot
from bot.settings import load_settings
from bot.translation.factory import shared_translation_service


class CitizenRestInput(RestInput):
    """Rasa's REST channel; with INBOUND_PIVOT on, foreign-language messages are understood in English."""

    @classmethod
    def name(cls) -> str:
        return "rest"

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[None]]) -> Blueprint:
        if load_settings().translation.inbound_pivot:
            on_new_message = with_inbound_pivot(on_new_message, shared_translation_service())
        return super().blueprint(on_new_message)
