"""Channels hand a pivoted message on with its original text, language and provider."""

from __future__ import annotations

from typing import List

from rasa.core.channels.channel import CollectingOutputChannel, UserMessage

from bot.channels.pivot import with_inbound_pivot
from tests.fakes.translation import libre_service

SPANISH = "Hola, ¿cuánto cuesta el pasaporte para mi hijo?"


async def _handled(text: str, service, metadata=None) -> List[UserMessage]:
    seen: List[UserMessage] = []

    async def on_new_message(message: UserMessage) -> None:
        seen.append(message)

    handler = with_inbound_pivot(on_new_message, service)
    await handler(UserMessage(text, CollectingOutputChannel(), "citizen-1", metadata=metadata))
    return seen


async def test_a_foreign_message_reaches_the_assistant_in_english_with_its_original(stand_ins, executor):
    [message] = await _handled(SPANISH, libre_service([stand_ins[0].url], executor), {"language_hint": "es"})
    assert message.text == f"en: {SPANISH}"
    assert message.metadata == {
        "language_hint": "es",
        "original_text": SPANISH,
        "pivot_language": "es",
        "pivot_provider": "libre0",
    }


async def test_a_message_in_a_contract_language_passes_untouched(stand_ins, executor):
    [message] = await _handled("ค่าธรรมเนียมหนังสือเดินทางเท่าไหร่", libre_service([stand_ins[0].url], executor))
    assert message.text == "ค่าธรรมเนียมหนังสือเดินทางเท่าไหร่" and message.metadata is None
    assert stand_ins[0].received == []


async def test_when_the_translator_fails_the_original_message_goes_on(stand_ins, executor):
    stand_ins[0].behaviour.mode = "error"
    [message] = await _handled(SPANISH, libre_service([stand_ins[0].url], executor))
    assert message.text == SPANISH
