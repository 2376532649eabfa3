"""Renders one reply in one language: curated text, else machine translation, else English.

Pure logic over `ResponseTexts` and an optional `TranslationService`, so it is tested
without Rasa. Values arrive already localized from the actions (titles, fees, dates); they
are inserted after translation, so a translator never sees them.
"""

from __future__ import annotations

import asyncio
import logging
import re
from dataclasses import dataclass
from typing import Any, Callable, Mapping, Optional, Sequence, Tuple

from bot.languages import LANGUAGES
from bot.languages.registry import DEFAULT_LANGUAGE, TextDirection
from bot.nlg.bidi import isolate, right_to_left
from bot.responses import ResponseTexts
from bot.translation import TranslationService

logger = logging.getLogger(__name__)

#: A placeholder, or a doubled brace standing for a literal one.
_TEMPLATE_PART = re.compile(r"\{\{|\}\}|\{(\w+)\}")
MACHINE_TRANSLATION_NOTE = "utter_machine_translation_note"
GlossaryPairs = Callable[[str], Sequence[Tuple[str, str]]]


@dataclass(frozen=True)
class RenderedReply:
    """A reply ready for a channel, with what a reviewer needs to know about it."""

    text: str
    button_titles: Tuple[str, ...]
    language: str  # the language the text is in (English when nothing else was available)
    machine_translated: bool = False
    provider: Optional[str] = None

    @property
    def direction(self) -> str:
        return LANGUAGES[self.language].direction.value if self.language in LANGUAGES else "ltr"


def fill(template: str, values: Mapping[str, Any], rtl: bool = False) -> str:
    """Puts `values` into `{placeholders}`; an unknown placeholder stays visible and is logged."""

    def value_of(match: "re.Match[str]") -> str:
        name = match.group(1)
        if name is None:
            return match.group(0)[0]
        if name not in values or values[name] is None:
            logger.warning("reply placeholder {%s} has no value", name)
            return match.group(0)
        return isolate(str(values[name])) if rtl else str(values[name])

    return _TEMPLATE_PART.sub(value_of, template)


class ReplyRenderer:
    """Chooses, per reply and language, between curated text, machine translation and English."""

    def __init__(
        self,
        texts: ResponseTexts,
        glossary: GlossaryPairs = lambda language: (),
        translator: Optional[TranslationService] = None,
    ) -> None:
        self._texts = texts
        self._glossary = glossary
        self._translator = translator

    def _finish(self, text: str, titles: Sequence[str], language: str, **kwargs: Any) -> RenderedReply:
        rtl = language in LANGUAGES and LANGUAGES[language].direction is TextDirection.RTL
        if rtl:
            text, titles = right_to_left(text), [right_to_left(title) for title in titles]
        return RenderedReply(text=text, button_titles=tuple(titles), language=language, **kwargs)

    async def render(self, name: str, language: str, values: Mapping[str, Any]) -> Optional[RenderedReply]:
        """The reply `name` in `language`; None when `name` is not one of the source replies."""
        source = self._texts.source.get(name)
        if source is None:
            return None
        rtl = language in LANGUAGES and LANGUAGES[language].direction is TextDirection.RTL
        curated = self._texts.curated(name, language)
        if curated and len(curated.button_titles) == len(source.button_titles):
            titles = [fill(title, values) for title in curated.button_titles]
            return self._finish(fill(curated.text, values, rtl), titles, language)
        if language != DEFAULT_LANGUAGE and self._translator and self._translator.configured:
            translated = await self._machine_translation(source.text, source.button_titles, language, values, rtl)
            if translated:
                return translated
        titles = [fill(title, values) for title in source.button_titles]
        return self._finish(fill(source.text, values), titles, DEFAULT_LANGUAGE)

    async def _machine_translation(
        self, text: str, titles: Sequence[str], language: str, values: Mapping[str, Any], rtl: bool
    ) -> Optional[RenderedReply]:
        assert self._translator is not None
        glossary = self._glossary(language)
        shown = {key: (isolate(str(v)) if rtl else str(v)) for key, v in values.items() if v is not None}
        results = await asyncio.gather(
            self._translator.translate(text, DEFAULT_LANGUAGE, language, glossary, shown),
            *(self._translator.translate(title, DEFAULT_LANGUAGE, language, glossary, shown) for title in titles),
        )
        body, title_results = results[0], results[1:]
        if body is None:
            return None
        note = self._texts.text(MACHINE_TRANSLATION_NOTE, language)
        translated_titles = [
            result.text if result else fill(title, values) for result, title in zip(title_results, titles, strict=True)
        ]
        return self._finish(
            f"{body.text}\n{note}", translated_titles, language, machine_translated=True, provider=body.provider
        )
