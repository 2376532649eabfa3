"""The Rasa NLU components put the contract's keys and entities into the parse."""

from __future__ import annotations

import numpy as np
import pytest
from rasa.engine.graph import ExecutionContext, GraphSchema
from rasa.engine.storage.local_model_storage import LocalModelStorage
from rasa.engine.storage.resource import Resource
from rasa.shared.nlu.training_data.features import Features
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from bot.nlu.bare_reference_classifier import BareReferenceClassifier
from bot.nlu.entity_extractor import CitizenEntityExtractor
from bot.nlu.language_identifier import LanguageIdentifier
from bot.nlu.linear_intent_classifier import LinearIntentClassifier
from bot.nlu.no_words_classifier import NoWordsClassifier
from bot.nlu.tokenizer import MultiScriptTokenizer
from bot.nlu.unknown_words_classifier import UnknownWordsClassifier


def _message(text: str, **data) -> Message:
    return Message(data={"text": text, **data})


def test_language_identifier_trains_saves_loads_and_outputs_language_and_confidence(tmp_path):
    storage = LocalModelStorage(tmp_path)
    resource = Resource("language_identifier")
    config = {**LanguageIdentifier.get_default_config()}
    trained = LanguageIdentifier.create(config, storage, resource, ExecutionContext(GraphSchema({}), "test"))
    trained.train(TrainingData())
    loaded = LanguageIdentifier.load(config, storage, resource, ExecutionContext(GraphSchema({}), "test"))
    thai, english = loaded.process([_message("ทำหนังสือเดินทางต้องใช้อะไร"), _message("how much does a passport cost?")])
    output = thai.as_dict(only_output_properties=True)
    assert output["language"] == "th"
    assert 0 < output["language_confidence"] <= 1
    assert english.get("language") == "en"


def test_language_identifier_labels_training_examples_for_the_intent_classifier(tmp_path):
    storage = LocalModelStorage(tmp_path)
    resource = Resource("language_identifier")
    config = {**LanguageIdentifier.get_default_config()}
    context = ExecutionContext(GraphSchema({}), "test")
    LanguageIdentifier.create(config, storage, resource, context).train(TrainingData())
    loaded = LanguageIdentifier.load(config, storage, resource, context)
    examples = [Message(data={"text": "ทำหนังสือเดินทางต้องใช้อะไร", "intent": "ask_documents"})]
    loaded.process_training_data(TrainingData(training_examples=examples))
    assert examples[0].get("language") == "th"


def test_entities_are_extracted_with_normalized_values():
    extractor = CitizenEntityExtractor({"names_dir": None})
    [message] = extractor.process(
        [
            _message(
                "Switch to Thai please, and is my driving licence DLC550120 ready? 4 stars",
                intent={"name": "change_language", "confidence": 0.9},
            )
        ]
    )
    found = [(e["entity"], e["value"]) for e in message.get("entities")]
    assert found == [
        ("language", "th"),
        ("service", "driving_license"),
        ("reference_number", "DLC-550120"),
        ("rating", "4"),
    ]
    assert all(e["extractor"] == "CitizenEntityExtractor" for e in message.get("entities"))


def test_language_names_outside_a_language_request_are_not_entities():
    extractor = CitizenEntityExtractor({"names_dir": None})
    [message] = extractor.process([_message("hindi po, salamat", intent={"name": "deny", "confidence": 0.9})])
    assert message.get("entities") == []


def test_names_inside_a_reference_are_not_services():
    [message] = CitizenEntityExtractor({"names_dir": None}).process([_message("status of TAX-250331")])
    assert [(e["entity"], e["value"]) for e in message.get("entities")] == [("reference_number", "TAX-250331")]


@pytest.mark.parametrize(
    ("text", "language", "services"),
    [
        ("làm hộ chiếu ntn ạ", "vi", ["passport"]),  # "ntn": "như thế nào", how
        ("NTN kaise banwaun", "ur", ["tax_return"]),  # National Tax Number
        ("my sim card was blocked", "en", []),
        ("mua sim ở đâu", "vi", []),
        ("perpanjang SIM di mana", "id", ["driving_license"]),
    ],
)
def test_a_name_that_is_an_ordinary_word_in_the_messages_language_is_not_a_service(text, language, services):
    [message] = CitizenEntityExtractor({"names_dir": None}).process([_message(text, language=language)])
    assert [e["value"] for e in message.get("entities") if e["entity"] == "service"] == services


def test_digits_of_a_reference_are_not_mistaken_for_a_rating():
    [message] = CitizenEntityExtractor({"names_dir": None}).process([_message("ref: PSP-204811 - 5")])
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


def test_a_message_that_is_only_a_reference_number_is_inform_whatever_the_classifier_guessed():
    classifier = BareReferenceClassifier({})
    guess = {"name": "nlu_fallback", "confidence": 0.3}
    messages = [
        _message(text, intent=guess)
        for text in ("BRC-118302", "  pcc 550913. ", "ref: PSP-204811", "PSP-۲۰۴۸۱۱", "BRC-118302 ready?")
    ]
    bare, spaced, labelled, persian_digits, question = classifier.process(messages)
    assert bare.get("intent") == {"name": "inform", "confidence": 1.0}
    assert spaced.get("intent")["name"] == persian_digits.get("intent")["name"] == "inform"
    assert labelled.get("intent") == question.get("intent") == guess


def _tokenized(text: str, **data) -> Message:
    message = _message(text, **data)
    MultiScriptTokenizer(MultiScriptTokenizer.get_default_config()).process([message])
    return message


def test_several_words_never_seen_in_training_lose_their_intent_confidence(tmp_path):
    storage, resource = LocalModelStorage(tmp_path), Resource("known_words")
    context = ExecutionContext(GraphSchema({}), "test")
    training = [
        _tokenized("how much is a passport", intent="ask_fees"),
        _tokenized("ทำหนังสือเดินทาง", intent="ask_how_to_apply"),
    ]
    UnknownWordsClassifier.create({}, storage, resource, context).train(TrainingData(training_examples=training))
    classifier = UnknownWordsClassifier.load({}, storage, resource, context)
    intent = {"name": "inform", "confidence": 0.6}
    mashing, short, known, thai, with_entity = classifier.process(
        [
            _tokenized("xq zvbk wpl", intent=intent),
            _tokenized("zvbk wpl", intent=intent),
            _tokenized("xq zvbk passport", intent=intent),
            _tokenized("ต่ออายุหนังสือเดินทางที่ไหน", intent=intent),
            _tokenized("xq zvbk PSP-204811", intent=intent, entities=[{"entity": "reference_number"}]),
        ]
    )
    assert mashing.get("intent") == {"name": "inform", "confidence": 0.0}
    assert short.get("intent") == known.get("intent") == thai.get("intent") == with_entity.get("intent") == intent


def _trained_intent_classifier(tmp_path, examples, **config_overrides) -> LinearIntentClassifier:
    """Trained on `examples`, then loaded back from the model storage, as Rasa does."""
    storage, resource = LocalModelStorage(tmp_path), Resource("intents")
    context = ExecutionContext(GraphSchema({}), "test")
    config = {**LinearIntentClassifier.get_default_config(), **config_overrides}
    LinearIntentClassifier.create(config, storage, resource, context).train(TrainingData(training_examples=examples))
    return LinearIntentClassifier.load(config, storage, resource, context)


def test_linear_intent_classifier_trains_loads_and_ranks_intents(tmp_path):
    examples = [
        Message(data={"text": text, "intent": intent})
        for text, intent in [
            ("how much is a passport", "ask_fees"),
            ("passport fee", "ask_fees"),
            ("what does the licence cost", "ask_fees"),
            ("hello", "greet"),
            ("hi there", "greet"),
            ("good morning", "greet"),
        ]
    ]
    [message] = _trained_intent_classifier(tmp_path, examples).process([_message("how much is the fee")])
    assert message.get("intent")["name"] == "ask_fees"
    ranking = message.get("intent_ranking")
    assert [r["name"] for r in ranking] == ["ask_fees", "greet"]
    assert sum(r["confidence"] for r in ranking) == pytest.approx(1.0)


def test_linear_intent_classifier_learns_what_a_word_means_in_each_language(tmp_path):
    # "sama" is "the same" in Malay (a yes here) and, in these made-up Turkish lines, part of a
    # goodbye: the detected language (`language`) keeps the two apart.
    rows = [
        ("sama", "ms", "affirm"), ("ya sama", "ms", "affirm"), ("tak", "ms", "deny"), ("tak mahu", "ms", "deny"),
        ("sama", "tr", "goodbye"), ("sama hoşça kal", "tr", "goodbye"), ("hayır", "tr", "deny"), ("yok hayır", "tr", "deny"),
    ]  # fmt: skip
    examples = [Message(data={"text": t, "language": lang, "intent": i}) for t, lang, i in rows]
    loaded = _trained_intent_classifier(tmp_path, examples)
    malay, turkish = loaded.process([_message("sama", language="ms"), _message("sama", language="tr")])
    assert malay.get("intent")["name"] == "affirm"
    assert turkish.get("intent")["name"] == "goodbye"


def _with_sentence_vector(message: Message, vector) -> Message:
    message.add_features(Features(np.array([vector], dtype=np.float64), "sentence", "text", "test"))
    return message


def test_linear_intent_classifier_blends_in_the_votes_of_the_nearest_training_examples(tmp_path):
    # Words say nothing here ("zzz"); the sentence vector sits among the fee questions.
    rows = [("how much", [1.0, 0.0]), ("the fee", [0.9, 0.1]), ("cost", [0.95, 0.05])]
    rows += [("hello", [0.0, 1.0]), ("hi", [0.1, 0.9]), ("morning", [0.05, 0.95])]
    examples = [
        _with_sentence_vector(Message(data={"text": t, "intent": "ask_fees" if v[0] > 0.5 else "greet"}), v)
        for t, v in rows
    ]
    (tmp_path / "without").mkdir()
    (tmp_path / "with").mkdir()
    without = _trained_intent_classifier(tmp_path / "without", examples, neighbour_weight=0.0)
    blended = _trained_intent_classifier(tmp_path / "with", examples, neighbour_weight=0.5)
    query = [0.97, 0.03]
    [plain] = without.process([_with_sentence_vector(_message("zzz"), query)])
    [mixed] = blended.process([_with_sentence_vector(_message("zzz"), query)])
    assert mixed.get("intent")["name"] == "ask_fees"
    assert mixed.get("intent")["confidence"] > plain.get("intent")["confidence"]
