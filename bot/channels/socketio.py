"""The website widget's Socket.IO channel: Rasa's own, plus the optional inbound pivot.

The widget sends its `customData` (the language picked on the page) with every message;
`metadata_key: customData` in credentials.yml makes that the message metadata, which the
language policy reads as the citizen's explicit choice.
"""

from __future__ import annotations

from typing import Any, Awaitable, Callable, Text

from rasa.core.channels.channel import UserMessage
from rasa.core.channels.socketio import SocketIOInput
from sanic import Blueprint, response

from bot.channels.pivot import maybe_pivoting


class CitizenSocketIOInput(SocketIOInput):
    """Rasa's Socket.IO channel (python-socketio pinned to 5.9.0, where session persistence works)."""

    @classmethod
    def name(cls) -> Text:
        return "socketio"

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        webhook = super().blueprint(maybe_pivoting(on_new_message))
        engine = self.sio.eio
        handle_request = engine.handle_request

        async def answered(*args: Any, **kwargs: Any) -> Any:
            # engineio returns None once a websocket closes, which Sanic 21 logs as a
            # server error on every page close; an empty answer is what it means.
            result = await handle_request(*args, **kwargs)
            return response.empty() if result is None else result

        engine.handle_request = answered
        return webhook
