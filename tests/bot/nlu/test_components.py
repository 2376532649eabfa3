"""The Rasa NLU components put the contract's keys and entities into the parse."""

from __future__ import annotations

from rasa.shared.nlu.training_data.message import Message

from bot.nlu.entity_extractor import CitizenEntityExtractor
from bot.nlu.language_identifier import LanguageIdentifier
from bot.nlu.no_words_classifier import NoWordsClassifier


def _message(text: str, **data) -> Message:
    return Message(data={"text": text, **data})


def test_language_and_confidence_are_output_properties():
    [message] = LanguageIdentifier({"default_language": "en"}).process([_message("ทำหนังสือเดินทางต้องใช้อะไร")])
    output = message.as_dict(only_output_properties=True)
    assert output["language"] == "th"
    assert 0 < output["language_confidence"] <= 1


def test_entities_are_extracted_with_normalized_values():
    extractor = CitizenEntityExtractor({"catalog_dir": None})
    [message] = extractor.process(
        [_message("Switch to Thai please, and is my driving licence DLC550120 ready? 4 stars")]
    )
    found = [(e["entity"], e["value"]) for e in message.get("entities")]
    assert found == [
        ("language", "th"),
        ("service", "driving_license"),
        ("reference_number", "DLC-550120"),
        ("rating", "4"),
    ]
    assert all(e["extractor"] == "CitizenEntityExtractor" for e in message.get("entities"))


def test_digits_of_a_reference_are_not_mistaken_for_a_rating():
    [message] = CitizenEntityExtractor({"catalog_dir": None}).process([_message("ref: PSP-204811 - 5")])
    assert [(e["entity"], e["value"]) for e in message.get("entities")] == [
        ("reference_number", "PSP-204811"),
        ("rating", "5"),
    ]


def test_messages_without_words_become_nlu_fallback_and_others_are_untouched():
    classifier = NoWordsClassifier({})
    intent = {"name": "greet", "confidence": 0.9}
    empty, emoji, words = classifier.process(
        [_message("", intent=intent), _message("😀🎉", intent=intent), _message("hi", intent=intent)]
    )
    assert empty.get("intent")["name"] == emoji.get("intent")["name"] == "nlu_fallback"
    assert words.get("intent") == intent
