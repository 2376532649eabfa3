"""Training data and the deterministic extractors agree: what is annotated is found.

Service, language, reference and rating entities come from the catalog and fixed patterns,
not from a trained model, so every annotation in the training data must be something
they find; a synonym missing from the catalog fails here, not in front of a citizen.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Dict, List

import pytest
from rasa.shared.nlu.training_data.loading import load_data

from bot.catalog import SERVICE_IDS
from bot.entities import Gazetteer, find_ratings, find_references
from bot.names import load_names
from bot.names.loader import language_terms, service_terms
from bot.settings import PROJECT_ROOT

CONTRACT_INTENTS = {
    "greet",
    "goodbye",
    "thank",
    "affirm",
    "deny",
    "bot_challenge",
    "help",
    "ask_documents",
    "ask_fees",
    "ask_processing_time",
    "ask_eligibility",
    "ask_how_to_apply",
    "ask_office",
    "check_application_status",
    "give_feedback",
    "complain",
    "request_human",
    "change_language",
    "inform",
    "out_of_scope",
}
MIN_EXAMPLES_PER_INTENT = 15


def _examples(folder: Path) -> List:
    return [m for m in load_data(str(folder)).intent_examples]


@pytest.fixture(scope="module")
def english_examples():
    return _examples(PROJECT_ROOT / "data" / "nlu" / "en")


def test_every_contract_intent_has_enough_varied_examples(english_examples):
    counts = Counter(m.get("intent") for m in english_examples)
    assert set(counts) == CONTRACT_INTENTS
    assert min(counts.values()) >= MIN_EXAMPLES_PER_INTENT, counts
    texts = [m.get("text").casefold() for m in english_examples]
    assert len(texts) == len(set(texts)), "duplicate examples"


def test_every_service_is_named_in_training_data(english_examples):
    named = {e["value"] for m in english_examples for e in m.get("entities", []) if e["entity"] == "service"}
    assert named == set(SERVICE_IDS)


def _finders() -> Dict:
    names = load_names(PROJECT_ROOT / "content" / "names")
    services, languages = Gazetteer(service_terms(names)), Gazetteer(language_terms(names))
    return {
        "service": services.find,
        "language": languages.find,
        "reference_number": find_references,
        "rating": find_ratings,
    }


@pytest.mark.parametrize("folder", ["data/nlu/en", "tests/nlu"])
def test_every_annotated_entity_is_found_with_its_value(folder):
    finders = _finders()
    missed = []
    for message in _examples(PROJECT_ROOT / folder):
        text = message.get("text")
        for entity in message.get("entities", []):
            found = finders[entity["entity"]](text)
            expected = entity["value"]
            if entity["entity"] == "reference_number":
                expected = find_references(entity["value"])[0].value if find_references(entity["value"]) else None
            if not any(m.value == expected and m.start < entity["end"] and entity["start"] < m.end for m in found):
                missed.append(f"{entity['entity']}={entity['value']!r} in {text!r}")
    assert missed == []
