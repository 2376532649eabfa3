"""The inbound pivot: a message in a language outside the contract, translated into English
before the assistant tries to understand it.

Off unless an operator turns it on (INBOUND_PIVOT) and configures a translator. Only a
message pycld2 reliably places in a non-contract language is sent (French, Spanish…);
anything in a contract language, romanized or mixed text included, is understood natively
and never translated. The original text travels on in the message metadata.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

import pycld2

from bot.langid.detector import _CLD_CODES
from bot.languages import LANGUAGES
from bot.languages.registry import DEFAULT_LANGUAGE
from bot.translation.service import TranslationService

#: How sure pycld2 must be, and how long the message, before a message is called foreign.
MIN_PERCENT, MIN_WORDS = 90, 4
#: Languages pivoted: widely written ones pycld2 tells apart well. Smaller languages are left
#: out because short romanized Hindi, Bengali or Taglish messages are sometimes taken for
#: them (measured on our training data: Luganda, Sesotho, Slovak, Danish, Sanskrit…).
PIVOT_LANGUAGES = frozenset(
    {"ar", "cs", "de", "el", "es", "fi", "fr", "he", "hu", "it", "nl", "pl", "pt", "ro", "ru", "sv", "uk"}
)


#: Everyday words of romanized Bengali, Nepali, Hindi and Urdu that are words of no pivot
#: language: pycld2 reads "kabinnama tulte koto khoroch hoy" as Spanish with 90 % or more
#: (measured: 16 of 14,829 training messages, all romanized South Asian). A message with
#: one of them is understood natively. Words that are also Italian, Hungarian, Swedish or
#: Spanish ("hai", "dite", "ki", "er", "hola", "hoy") are left out.
_ROMANIZED_CONTRACT_WORDS = frozenset(
    "keu acho achen koto kon jonno korun korbo korchi kagoj proman amake amar tomar apnar kader kichui "
    "lagbe hobe kivabe kothay dilam hoise sathe jabe kahile mero kaha samma garnu parcha parxa chha xa "
    "huncha hunchha kati kya kaise kitna kitne mujhe mjhe haan tha chahiye acha accha phir milte hain kahan nahi "
    "nahin".split()
)


@dataclass(frozen=True)
class Pivot:
    """A message as the assistant will understand it, and where it came from."""

    text: str
    original_text: str
    source_language: str
    provider: str


def foreign_language(text: str) -> Optional[str]:
    """The ISO 639-1 code of `text`'s language when it is surely not a contract language."""
    words = text.split()
    if len(words) < MIN_WORDS or any(word.strip("?!.,;:").casefold() in _ROMANIZED_CONTRACT_WORDS for word in words):
        return None
    cleaned = "".join(ch if ch.isprintable() else " " for ch in text)
    try:
        reliable, _, details = pycld2.detect(cleaned)
    except pycld2.error:
        return None
    _, code, percent, _ = details[0]
    code = _CLD_CODES.get(code, code)
    if not reliable or percent < MIN_PERCENT or code in LANGUAGES or code not in PIVOT_LANGUAGES:
        return None
    return code


async def pivot_to_english(text: str, translator: TranslationService) -> Optional[Pivot]:
    """`text` in English when it is in a foreign language and a translator answers; else None."""
    language = foreign_language(text)
    if language is None or not translator.configured:
        return None
    translation = await translator.translate(text, language, DEFAULT_LANGUAGE)
    if translation is None:
        return None
    return Pivot(translation.text, text, language, translation.provider)
