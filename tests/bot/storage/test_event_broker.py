"""The optional RabbitMQ event broker is chosen by EVENT_BROKER_URL."""

from __future__ import annotations

from rasa.core.brokers.broker import EventBroker
from rasa.utils.endpoints import read_endpoint_config

from bot.settings import PROJECT_ROOT
from bot.storage.event_broker import pika_arguments


async def test_no_broker_without_a_url(monkeypatch):
    monkeypatch.delenv("EVENT_BROKER_URL", raising=False)
    config = read_endpoint_config(str(PROJECT_ROOT / "endpoints.yml"), "event_broker")
    assert await EventBroker.create(config) is None


def test_amqp_url_becomes_rasas_pika_broker_arguments():
    arguments = pika_arguments("amqp://rasa:p%40ss@mq.internal:5673/", "citizen_events")
    assert arguments == {
        "host": "mq.internal",
        "port": 5673,
        "username": "rasa",
        "password": "p@ss",
        "queues": ["citizen_events"],
    }


def test_virtual_host_is_kept():
    assert pika_arguments("amqps://u:p@mq/agency", "q")["host"] == "amqps://mq/agency"
