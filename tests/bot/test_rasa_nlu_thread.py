"""Parsing a message no longer stops the server's event loop."""

import asyncio
import threading
import time

from rasa.core.channels.channel import UserMessage
from rasa.core.processor import MessageProcessor

from bot.rasa_nlu_thread import install_nlu_thread


class _SlowPipeline:
    """Stands in for the NLU graph: blocks like the encoder does, and records where it ran."""

    def __init__(self) -> None:
        self.threads: list = []
        self.order: list = []

    def parse(self, message, tracker, only_output_properties=True):
        self.threads.append(threading.current_thread().name)
        time.sleep(0.3)
        self.order.append(message.text)
        return {"text": message.text, "intent": {"name": "greet", "confidence": 0.9}, "entities": []}


def _processor(pipeline: _SlowPipeline) -> MessageProcessor:
    install_nlu_thread()
    install_nlu_thread()  # idempotent
    processor = object.__new__(MessageProcessor)
    processor.http_interpreter = None
    processor._parse_message_with_graph = pipeline.parse
    processor._update_full_retrieval_intent = lambda parse_data: None
    processor._check_for_unseen_features = lambda parse_data: None
    return processor


async def test_other_conversations_move_while_a_message_is_parsed():
    pipeline = _SlowPipeline()
    processor = _processor(pipeline)
    ticks = 0

    async def other_conversations() -> None:
        nonlocal ticks
        while True:
            await asyncio.sleep(0.01)
            ticks += 1

    ticker = asyncio.create_task(other_conversations())
    parsed = await processor.parse_message(UserMessage("hello", sender_id="a"))
    ticker.cancel()
    assert parsed["intent"]["name"] == "greet" and parsed["text"] == "hello"
    assert ticks >= 5  # blocked on the loop, the ticker would not have run at all
    assert pipeline.threads == ["nlu_0"]


async def test_messages_are_parsed_one_at_a_time_in_arrival_order():
    pipeline = _SlowPipeline()
    processor = _processor(pipeline)
    texts = ["first", "second", "third"]
    results = await asyncio.gather(*(processor.parse_message(UserMessage(t, sender_id=t)) for t in texts))
    assert [r["text"] for r in results] == texts
    assert pipeline.order == texts
    assert set(pipeline.threads) == {"nlu_0"}
