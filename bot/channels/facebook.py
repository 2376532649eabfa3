"""Facebook Messenger: `credentials.yml` entry `bot.channels.facebook.CitizenFacebookInput`,
webhook `/webhooks/facebook/webhook`.

Replaces Rasa's stock channel, which answers 200 to calls whose signature is wrong and
sends replies with blocking `requests`: this one refuses a missing or wrong signature with
403, answers the verify-token handshake, sends buttons as quick replies and calls the
Graph API with aiohttp. Off, with the webhook answering 404, until
FACEBOOK_PAGE_ACCESS_TOKEN is set.
"""

from __future__ import annotations

from typing import Any, Awaitable, Callable, Dict, List, Optional, Text

from rasa.core.channels.channel import InputChannel, OutputChannel, UserMessage
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse

from bot.channels.facebook_events import (
    MAX_TEXT_CHARS,
    handshake_challenge,
    parse_events,
    quick_replies,
    valid_signature,
)
from bot.channels.http import BadWebhookRequest, JsonApiClient, read_json_body, webhook_blueprint
from bot.channels.pivot import maybe_pivoting
from bot.channels.telegram_updates import split_text
from bot.settings import ChannelSettings, load_settings


class MessengerOutput(OutputChannel):
    """Sends replies through the Send API."""

    def __init__(self, client: JsonApiClient, page_token: str) -> None:
        self._client = client
        self._params = {"access_token": page_token}

    @classmethod
    def name(cls) -> Text:
        return "facebook"

    async def _send(self, recipient_id: Text, text: Text, replies: Optional[List[Dict[str, str]]] = None) -> None:
        parts = split_text(text, MAX_TEXT_CHARS) or [" "]
        for index, part in enumerate(parts):
            message: Dict[str, Any] = {"text": part}
            if replies and index == len(parts) - 1:
                message["quick_replies"] = replies
            body = {"recipient": {"id": recipient_id}, "messaging_type": "RESPONSE", "message": message}
            await self._client.post("me/messages", body, params=self._params)

    async def send_text_message(self, recipient_id: Text, text: Text, **kwargs: Any) -> None:
        await self._send(recipient_id, text)

    async def send_text_with_buttons(
        self, recipient_id: Text, text: Text, buttons: List[Dict[Text, Any]], **kwargs: Any
    ) -> None:
        await self._send(recipient_id, text, quick_replies(buttons))


class CitizenFacebookInput(InputChannel):
    """The Messenger webhook."""

    def __init__(self, settings: ChannelSettings) -> None:
        self._settings = settings
        self._client = JsonApiClient(settings.facebook_graph_url, settings.http_timeout)

    @classmethod
    def name(cls) -> Text:
        return "facebook"

    @classmethod
    def from_credentials(cls, credentials: Optional[Dict[Text, Any]]) -> "CitizenFacebookInput":
        return cls(load_settings().channels)

    def get_output_channel(self) -> OutputChannel:
        return MessengerOutput(self._client, self._settings.facebook_page_token or "")

    def _require_configured(self) -> None:
        if not self._settings.facebook_enabled:
            raise BadWebhookRequest(404, "Facebook Messenger is not configured (FACEBOOK_PAGE_ACCESS_TOKEN)")

    def _handshake(self, request: Request) -> HTTPResponse:
        self._require_configured()
        query = {key: request.args.get(key, "") for key in ("hub.mode", "hub.verify_token", "hub.challenge")}
        challenge = handshake_challenge(query, self._settings.facebook_verify_token or "")
        if challenge is None:
            raise BadWebhookRequest(403, "wrong verify token")
        return response.text(challenge)

    async def _handle(self, request: Request, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> HTTPResponse:
        self._require_configured()
        if not valid_signature(request.body or b"", request.headers, self._settings.facebook_app_secret or ""):
            raise BadWebhookRequest(403, "wrong or missing X-Hub-Signature")
        for incoming in parse_events(read_json_body(request, self._settings.max_body_bytes)):
            message = UserMessage(
                incoming.text, self.get_output_channel(), incoming.sender_id, input_channel=self.name()
            )
            await on_new_message(message)
        return response.text("EVENT_RECEIVED")

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        handler = maybe_pivoting(on_new_message)

        async def handshake(request: Request) -> HTTPResponse:
            return self._handshake(request)

        return webhook_blueprint(
            "citizen_facebook_webhook",
            self._settings.facebook_enabled,
            {"GET": handshake, "POST": lambda request: self._handle(request, handler)},
        )
