"""Rasa's event broker, chosen by `EVENT_BROKER_URL`.

Empty (the default): no broker; everything the review app needs is in the tracker store.
`amqp://user:password@host:5672/vhost`: Rasa's own RabbitMQ (Pika) broker publishes every
event to `EVENT_BROKER_QUEUE`, for an agency's analytics pipeline or data warehouse.
"""

from __future__ import annotations

from asyncio import AbstractEventLoop
from typing import Any, Optional
from urllib.parse import unquote, urlsplit

from rasa.core.brokers.broker import EventBroker
from rasa.core.brokers.pika import PikaEventBroker

from bot.settings import Settings, load_settings


def pika_arguments(url: str, queue: str) -> dict:
    """Arguments of Rasa's `PikaEventBroker` for an `amqp://` URL."""
    parts = urlsplit(url)
    virtual_host = unquote(parts.path.lstrip("/"))
    host = parts.hostname or "localhost"
    if virtual_host:
        # Rasa's broker reads a virtual host only from an amqp:// host string.
        host = f"{parts.scheme}://{host}/{parts.path.lstrip('/')}"
    return {
        "host": host,
        "port": parts.port or 5672,
        "username": unquote(parts.username or "guest"),
        "password": unquote(parts.password or "guest"),
        "queues": [queue],
    }


class UrlEventBroker(EventBroker):
    """Builds Rasa's Pika broker from the settings, or none when no URL is set."""

    @classmethod
    async def from_endpoint_config(
        cls,
        broker_config: Any,
        event_loop: Optional[AbstractEventLoop] = None,
        settings: Optional[Settings] = None,
    ) -> Optional[EventBroker]:
        settings = settings or load_settings()
        if not settings.event_broker_url:
            return None
        broker = PikaEventBroker(
            **pika_arguments(settings.event_broker_url, settings.event_broker_queue), event_loop=event_loop
        )
        await broker.connect()
        return broker
