"""The translator protocol, and one adapter that runs any deep-translator class safely.

deep-translator is blocking, sets no timeout and lets network errors escape unwrapped; the
adapter runs it in a bounded thread pool, stops waiting after `timeout` seconds and turns
every failure into `TranslationError` (`TranslationRateLimited` for a 429), so the
translation service can fail over to the next provider.
"""

from __future__ import annotations

import asyncio
from concurrent.futures import Executor
from typing import Callable, Dict, Mapping, Protocol, Tuple

from deep_translator.base import BaseTranslator
from deep_translator.exceptions import ServerException, TooManyRequests

from bot.exceptions import TranslationError, TranslationRateLimited
from bot.languages import LANGUAGES

#: Builds the library's translator for a pair of provider language codes.
TranslatorFactory = Callable[[str, str], BaseTranslator]


class Translator(Protocol):
    """A machine translation provider."""

    name: str

    def supports(self, language: str) -> bool:
        """Whether the provider knows this contract language."""

    async def translate(self, text: str, source: str, target: str) -> str:
        """`text` from contract language `source` into `target`; raises `TranslationError`."""


class DeepTranslatorProvider:
    """A deep-translator class behind the `Translator` protocol, with a timeout and codes mapped."""

    def __init__(
        self,
        name: str,
        factory: TranslatorFactory,
        codes: Mapping[str, str],
        executor: Executor,
        timeout: float,
        passthrough: bool = False,
    ) -> None:
        self.name = name
        self._passthrough = passthrough  # other ISO 639-1 codes (fr, de…) go as they are
        self._factory = factory
        self._codes = dict(codes)
        self._executor = executor
        self._timeout = timeout
        self._translators: Dict[Tuple[str, str], BaseTranslator] = {}

    def supports(self, language: str) -> bool:
        if language in self._codes:
            return True
        # Contract languages are mapped explicitly: one missing from the map is not offered.
        return self._passthrough and language not in LANGUAGES and len(language) == 2 and language.isalpha()

    def _code(self, language: str) -> str:
        return self._codes.get(language, language)

    async def translate(self, text: str, source: str, target: str) -> str:
        if not (self.supports(source) and self.supports(target)):
            raise TranslationError(f"{self.name} does not translate {source} to {target}")
        pair = (self._code(source), self._code(target))
        call = asyncio.get_running_loop().run_in_executor(self._executor, self._blocking_translate, text, pair)
        try:
            return await asyncio.wait_for(call, self._timeout)
        except asyncio.TimeoutError:
            raise TranslationError(f"{self.name} did not answer within {self._timeout} s") from None

    def _blocking_translate(self, text: str, pair: Tuple[str, str]) -> str:
        try:
            translator = self._translators.get(pair)
            if translator is None:
                translator = self._translators[pair] = self._factory(*pair)
            result = translator.translate(text)
        except TooManyRequests:
            raise TranslationRateLimited(f"{self.name} answered 429 (too many requests)") from None
        except ServerException as error:
            if "TOO_MANY_REQUESTS" in str(error):
                raise TranslationRateLimited(f"{self.name} answered 429 (too many requests)") from None
            raise TranslationError(f"{self.name} failed: {error}") from None
        except Exception as error:  # the library lets requests' and its own errors escape unwrapped
            raise TranslationError(f"{self.name} failed: {type(error).__name__}: {error}") from None
        if not isinstance(result, str) or not result.strip():
            raise TranslationError(f"{self.name} returned no text")
        return result
