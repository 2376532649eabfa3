"""Each provider is offered only codes its deep-translator class accepts."""

from __future__ import annotations

import pytest
from deep_translator.constants import DEEPL_LANGUAGE_TO_CODE, GOOGLE_LANGUAGES_TO_CODES, MY_MEMORY_LANGUAGES_TO_CODES

from bot.languages import LANGUAGES
from bot.translation.providers import PROVIDER_CODES

ACCEPTED = {
    "google": set(GOOGLE_LANGUAGES_TO_CODES.values()),
    "mymemory": set(MY_MEMORY_LANGUAGES_TO_CODES.values()),
    "deepl": set(DEEPL_LANGUAGE_TO_CODE.values()),
}


@pytest.mark.parametrize("provider", sorted(ACCEPTED))
def test_every_mapped_code_is_one_the_library_accepts(provider):
    assert set(PROVIDER_CODES[provider].values()) <= ACCEPTED[provider]


@pytest.mark.parametrize("provider", sorted(PROVIDER_CODES))
def test_only_contract_languages_are_mapped(provider):
    assert set(PROVIDER_CODES[provider]) <= set(LANGUAGES)


def test_filipino_and_chinese_get_each_providers_own_codes():
    assert (PROVIDER_CODES["google"]["fil"], PROVIDER_CODES["mymemory"]["fil"], PROVIDER_CODES["libre"]["fil"]) == (
        "tl",
        "fil-PH",
        "tl",
    )
    assert (PROVIDER_CODES["google"]["zh-Hant"], PROVIDER_CODES["libre"]["zh-Hant"]) == ("zh-TW", "zt")
    assert "fj" not in PROVIDER_CODES["google"] and "fj" not in PROVIDER_CODES["libre"]
