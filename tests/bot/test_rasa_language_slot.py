"""The language slot is set by Rasa's own slot extraction, with no action-server call."""

from pathlib import Path
from typing import Any, Dict, List, Optional

import pytest
from rasa.core.actions.action import ActionExtractSlots
from rasa.core.channels import CollectingOutputChannel
from rasa.core.nlg import TemplatedNaturalLanguageGenerator
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import SlotSet, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from bot.rasa_language_slot import install_language_slot_policy

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def domain() -> Domain:
    install_language_slot_policy()
    install_language_slot_policy()  # idempotent
    return Domain.load(str(ROOT / "domain.yml"))


def _tracker(domain: Domain, language: Optional[str], messages: List[Dict[str, Any]]) -> DialogueStateTracker:
    tracker = DialogueStateTracker("citizen", domain.slots)
    if language:
        tracker.update(SlotSet("language", language))
    for message in messages:
        parse = {
            "intent": {"name": message.get("intent", "ask_fees"), "confidence": 0.9},
            "entities": message.get("entities", []),
            "text": message["text"],
            "language": message.get("language", "en"),
            "language_confidence": message.get("confidence", 0.9),
        }
        tracker.update(
            UserUttered(message["text"], parse["intent"], parse["entities"], parse, metadata=message.get("metadata"))
        )
    return tracker


async def _language_set(domain: Domain, tracker: DialogueStateTracker) -> List[str]:
    """Runs Rasa's slot extraction with no action endpoint at all (a call would fail)."""
    events = await ActionExtractSlots(None).run(
        CollectingOutputChannel(), TemplatedNaturalLanguageGenerator(domain.responses), tracker, domain
    )
    return [event.value for event in events if isinstance(event, SlotSet) and event.key == "language"]


async def test_change_language_request_switches(domain):
    request = {
        "text": "please reply in Thai",
        "intent": "change_language",
        "entities": [{"entity": "language", "value": "th"}],
    }
    assert await _language_set(domain, _tracker(domain, "en", [request])) == ["th"]


async def test_first_turn_takes_the_channel_hint(domain):
    hello = {"text": "hello", "intent": "greet", "confidence": 0.3, "metadata": {"language_hint": "vi-VN"}}
    assert await _language_set(domain, _tracker(domain, None, [hello])) == ["vi"]


async def test_the_hint_is_ignored_after_the_first_turn(domain):
    first = {"text": "xin chào", "language": "vi", "confidence": 0.4}
    later = {"text": "ok", "confidence": 0.1, "metadata": {"language_hint": "ja"}}
    assert await _language_set(domain, _tracker(domain, "vi", [first, later])) == []


async def test_the_widget_picker_switches(domain):
    message = {"text": "ok", "confidence": 0.1, "metadata": {"language": "ur"}}
    assert await _language_set(domain, _tracker(domain, "en", [{"text": "hi"}, message])) == ["ur"]


async def test_a_bare_reference_number_keeps_the_language(domain):
    reference = {"text": "PSP-204811", "intent": "inform", "confidence": 0.0}
    assert await _language_set(domain, _tracker(domain, "km", [{"text": "hi"}, reference])) == []


async def test_a_long_message_in_another_language_switches(domain):
    text = "Berapa lama proses pembuatan paspor baru di kantor imigrasi?"
    message = {"text": text, "language": "id", "confidence": 0.95}
    assert await _language_set(domain, _tracker(domain, "en", [{"text": "hi"}, message])) == ["id"]


async def test_a_new_conversation_starts_in_english_when_nothing_is_known(domain):
    assert await _language_set(domain, _tracker(domain, None, [{"text": "ok", "confidence": 0.1}])) == ["en"]
