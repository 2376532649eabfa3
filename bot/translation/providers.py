"""Builds the configured providers, each with its own language codes.

Providers name languages differently (Filipino is `tl` at Google, `fil-PH` at MyMemory;
Traditional Chinese is `zh-TW` or `zt`), and several lack some of ours (Fijian): a language a
provider lacks is simply not offered to it, so the next provider gets the text.
"""

from __future__ import annotations

from concurrent.futures import Executor
from typing import Dict, List

from deep_translator import DeeplTranslator, GoogleTranslator, LibreTranslator, MicrosoftTranslator, MyMemoryTranslator
from deep_translator.base import BaseTranslator

from bot.languages import LANGUAGES
from bot.settings import TranslationSettings
from bot.translation.provider import DeepTranslatorProvider, TranslatorFactory

_SAME = {code: code for code in LANGUAGES}

PROVIDER_CODES: Dict[str, Dict[str, str]] = {
    "google": {
        **{code: code for code in LANGUAGES if code not in {"fil", "fj", "zh-Hans", "zh-Hant"}},
        "fil": "tl",
        "zh-Hans": "zh-CN",
        "zh-Hant": "zh-TW",
    },
    "mymemory": {
        "en": "en-GB",
        "bn": "bn-IN",
        "km": "km-KH",
        "zh-Hant": "zh-TW",
        "zh-Hans": "zh-CN",
        "fj": "fj-FJ",
        "hi": "hi-IN",
        "id": "id-ID",
        "fa": "fa-IR",
        "ja": "ja-JP",
        "ko": "ko-KR",
        "lo": "lo-LA",
        "ms": "ms-MY",
        "mn": "mn-MN",
        "ne": "ne-NP",
        "ur": "ur-PK",
        "fil": "fil-PH",
        "ta": "ta-LK",
        "si": "si-LK",
        "th": "th-TH",
        "tr": "tr-TR",
        "vi": "vi-VN",
    },  # fmt: skip
    # LibreTranslate (Argos models) as of 1.6; no Khmer, Lao, Sinhala, Mongolian, Nepali, Tamil or Fijian.
    "libre": {
        **{code: code for code in ("en", "bn", "hi", "id", "fa", "ja", "ko", "ms", "ur", "th", "tr", "vi")},
        "zh-Hans": "zh",
        "zh-Hant": "zt",
        "fil": "tl",
    },
    "microsoft": {**_SAME, "mn": "mn-Cyrl"},
    "deepl": {"en": "en", "id": "id", "ja": "ja", "tr": "tr", "zh-Hans": "zh"},
}


class _SelfHostedLibre(LibreTranslator):
    """deep-translator's LibreTranslator without its fixed 17-language list and key requirement.

    A self-hosted LibreTranslate decides itself which languages it serves, and needs no key.
    """

    def __init__(self, source: str, target: str, base_url: str, api_key: str | None) -> None:
        self.api_key = api_key
        languages = {source: source, target: target}
        BaseTranslator.__init__(self, base_url=base_url, source=source, target=target, languages=languages)


def _factory(name: str, settings: TranslationSettings) -> TranslatorFactory:
    if name == "libre":
        base_url = f"{settings.libretranslate_url}/"
        return lambda source, target: _SelfHostedLibre(source, target, base_url, settings.libretranslate_api_key)
    if name == "google":
        return lambda source, target: GoogleTranslator(source=source, target=target)
    if name == "mymemory":
        return lambda source, target: MyMemoryTranslator(source=source, target=target)
    if name == "microsoft":
        return lambda source, target: MicrosoftTranslator(
            source=source, target=target, api_key=settings.microsoft_key, region=settings.microsoft_region
        )
    if name == "deepl":
        return lambda source, target: DeeplTranslator(
            source=source, target=target, api_key=settings.deepl_api_key, use_free_api=settings.deepl_free_api
        )
    raise ValueError(f"unknown translation provider {name!r}")


#: Providers that take any other language by its ISO 639-1 code (for the inbound pivot).
_PASSTHROUGH = {"google", "libre", "microsoft"}


def build_providers(settings: TranslationSettings, executor: Executor) -> List[DeepTranslatorProvider]:
    """The providers TRANSLATION_PROVIDERS lists, in its order."""
    return [
        DeepTranslatorProvider(
            name, _factory(name, settings), PROVIDER_CODES[name], executor, settings.timeout, name in _PASSTHROUGH
        )
        for name in settings.providers
    ]
