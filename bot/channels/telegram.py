"""Telegram: `credentials.yml` entry `bot.channels.telegram.CitizenTelegramInput`, webhook
`/webhooks/telegram/webhook`.

Replaces Rasa's stock channel, which answers 500 to every update with the pinned aiogram
and drops the user's language: this one verifies Telegram's secret token, passes
`language_code` as the channel's language hint, sends buttons as an inline keyboard and
answers their callbacks, and calls the Bot API with aiohttp (timeout, never blocking).
Off, with the webhook answering 404, until TELEGRAM_BOT_TOKEN is set.
"""

from __future__ import annotations

import hmac
from typing import Any, Awaitable, Callable, Dict, List, Optional, Text

from rasa.core.channels.channel import InputChannel, OutputChannel, UserMessage
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse

from bot.channels.http import BadWebhookRequest, JsonApiClient, read_json_body, webhook_blueprint
from bot.channels.pivot import maybe_pivoting
from bot.channels.telegram_updates import CallbackPayloads, inline_keyboard, parse_update, split_text
from bot.settings import ChannelSettings, load_settings


class TelegramOutput(OutputChannel):
    """Sends replies through the Bot API."""

    def __init__(self, client: JsonApiClient, payloads: CallbackPayloads) -> None:
        self._client = client
        self._payloads = payloads

    @classmethod
    def name(cls) -> Text:
        return "telegram"

    async def _send(self, chat_id: Text, text: Text, reply_markup: Optional[Dict[str, Any]] = None) -> None:
        parts = split_text(text) or [" "]
        for index, part in enumerate(parts):
            payload: Dict[str, Any] = {"chat_id": chat_id, "text": part}
            if reply_markup and index == len(parts) - 1:
                payload["reply_markup"] = reply_markup
            await self._client.post("sendMessage", payload)

    async def send_text_message(self, recipient_id: Text, text: Text, **kwargs: Any) -> None:
        await self._send(recipient_id, text)

    async def send_text_with_buttons(
        self, recipient_id: Text, text: Text, buttons: List[Dict[Text, Any]], **kwargs: Any
    ) -> None:
        await self._send(recipient_id, text, inline_keyboard(buttons, self._payloads))

    async def send_image_url(self, recipient_id: Text, image: Text, **kwargs: Any) -> None:
        await self._client.post("sendPhoto", {"chat_id": recipient_id, "photo": image})


class CitizenTelegramInput(InputChannel):
    """The Telegram webhook."""

    def __init__(self, settings: ChannelSettings) -> None:
        self._settings = settings
        base = f"{settings.telegram_api_url}/bot{settings.telegram_token}"
        self._client = JsonApiClient(base, settings.http_timeout)
        self._payloads = CallbackPayloads()

    @classmethod
    def name(cls) -> Text:
        return "telegram"

    @classmethod
    def from_credentials(cls, credentials: Optional[Dict[Text, Any]]) -> "CitizenTelegramInput":
        return cls(load_settings().channels)

    def get_output_channel(self) -> OutputChannel:
        return TelegramOutput(self._client, self._payloads)

    def _check_secret(self, request: Request) -> None:
        sent = request.headers.get("X-Telegram-Bot-Api-Secret-Token", "")
        if not hmac.compare_digest(sent.encode(), (self._settings.telegram_secret or "").encode()):
            raise BadWebhookRequest(403, "wrong or missing secret token")

    async def _handle(self, request: Request, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> HTTPResponse:
        if not self._settings.telegram_enabled:
            raise BadWebhookRequest(404, "Telegram is not configured (TELEGRAM_BOT_TOKEN)")
        self._check_secret(request)
        incoming = parse_update(read_json_body(request, self._settings.max_body_bytes))
        if incoming is None:
            return response.json({"status": "ignored"})
        if incoming.callback_query_id:
            await self._client.post("answerCallbackQuery", {"callback_query_id": incoming.callback_query_id})
        metadata = {"language_hint": incoming.language_code} if incoming.language_code else None
        text = self._payloads.decode(incoming.text) if incoming.callback_query_id else incoming.text
        message = UserMessage(
            text, self.get_output_channel(), incoming.chat_id, input_channel=self.name(), metadata=metadata
        )
        await on_new_message(message)
        return response.json({"status": "ok"})

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        handler = maybe_pivoting(on_new_message)
        return webhook_blueprint(
            "citizen_telegram_webhook",
            self._settings.telegram_enabled,
            {"POST": lambda request: self._handle(request, handler)},
        )
