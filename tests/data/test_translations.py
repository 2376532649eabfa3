"""Every contract language has every reply, the whole catalog and the glossary, curated and checked."""

from __future__ import annotations

import pytest

from bot.languages import LANGUAGES
from bot.languages.registry import DEFAULT_LANGUAGE
from bot.settings import PROJECT_ROOT
from bot.translation_check import translation_problems

CONTENT = PROJECT_ROOT / "content"


@pytest.mark.parametrize("language", sorted(code for code in LANGUAGES if code != DEFAULT_LANGUAGE))
def test_the_language_is_fully_translated_and_passes_the_check(language):
    assert translation_problems(CONTENT, PROJECT_ROOT / "domain.yml", language) == []


@pytest.mark.parametrize("folder", ["responses", "catalog", "glossary"])
def test_no_file_is_for_a_language_outside_the_contract(folder):
    stems = {path.stem for path in (CONTENT / folder).glob("*.yml")} - {"services"}
    assert stems <= set(LANGUAGES)
