"""The inbound pivot: only surely-foreign messages are translated, into English."""

from __future__ import annotations

import pytest

from bot.langid.corpus import labelled_examples
from bot.settings import PROJECT_ROOT
from bot.translation.cache import MemoryTranslationCache
from bot.translation.pivot import foreign_language, pivot_to_english
from bot.translation.service import TranslationService
from tests.fakes.translation import libre_service


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Bonjour, combien coûte un passeport pour mon fils ?", "fr"),
        ("Hola, ¿cuánto cuesta el pasaporte para mi hijo?", "es"),
    ],
)
def test_a_message_in_a_widely_written_foreign_language_is_recognized(text, language):
    assert foreign_language(text) == language


@pytest.mark.parametrize(
    "text",
    [
        "how much is a passport for my son",
        "mujhe passport ke liye kya documents chahiye",
        "magkano po ang passport ng anak ko",
        "Kemana saya harus pergi untuk membuat paspor baru",
        "Bonjour",  # too short to tell
    ],
)
def test_contract_languages_and_short_messages_are_never_pivoted(text):
    assert foreign_language(text) is None


@pytest.mark.parametrize("text", ["mero nibedan kaha pugyo hola?", "kabinnama tulte koto khoroch hoy"])
def test_romanized_nepali_or_bengali_that_pycld2_reads_as_spanish_is_understood_natively(text):
    import pycld2

    reliable, _, details = pycld2.detect(text)
    assert reliable and details[0][1] == "es" and details[0][2] >= 90  # the trap is real
    assert foreign_language(text) is None


def test_a_spanish_message_with_hoy_is_still_foreign():
    assert foreign_language("¿Cuánto cuesta el pasaporte y dónde lo puedo hacer hoy?") == "es"


def test_almost_no_training_message_of_a_contract_language_is_taken_for_foreign():
    examples = list(labelled_examples(PROJECT_ROOT / "data" / "nlu"))
    pivoted = [text for text, _ in examples if foreign_language(text)]
    assert len(examples) > 8000
    assert len(pivoted) <= len(examples) // 1000, pivoted


async def test_a_foreign_message_is_translated_into_english(stand_ins, executor):
    service = libre_service([stand_ins[0].url], executor)
    pivot = await pivot_to_english("Hola, ¿cuánto cuesta el pasaporte para mi hijo?", service)
    assert pivot is not None
    assert (pivot.text, pivot.source_language, pivot.provider) == (
        "en: Hola, ¿cuánto cuesta el pasaporte para mi hijo?",
        "es",
        "libre0",
    )
    assert [(r.source, r.target) for r in stand_ins[0].received] == [("es", "en")]


async def test_without_a_translator_nothing_is_pivoted():
    offline = TranslationService([], MemoryTranslationCache(), lambda text: text)
    assert await pivot_to_english("Hola, ¿cuánto cuesta el pasaporte para mi hijo?", offline) is None
