"""Every contract language has enough training data, a held-out set and a names file,
with entities the extractor finds (scripts/check_language_data.py, run for each)."""

from __future__ import annotations

import importlib.util

import pytest

from bot.languages import LANGUAGES
from bot.settings import PROJECT_ROOT

_spec = importlib.util.spec_from_file_location(
    "check_language_data", PROJECT_ROOT / "scripts" / "check_language_data.py"
)
check_language_data = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(check_language_data)


@pytest.mark.parametrize("code", sorted(LANGUAGES))
def test_language_data_is_complete_and_consistent(code):
    assert check_language_data.check_language(code) == []
