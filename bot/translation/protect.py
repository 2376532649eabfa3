"""Keeps spans a translator must not touch intact: values, names, links, numbers.

Each protected span becomes a numbered token (⟦0⟧, ⟦1⟧...) before the text leaves, and is
put back afterwards: placeholder values (already localized), glossary terms (replaced by
their curated rendering in the target language), links, e-mail addresses, reference numbers,
amounts and phone numbers. A translation that lost a token is rejected, not shown.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import List, Mapping, Sequence, Tuple

from bot.exceptions import TranslationError

_TOKEN_PATTERN = re.compile(r"⟦\s*(\d+)\s*⟧")
_PLACEHOLDER = re.compile(r"(?<!\{)\{(\w+)\}(?!\})")
_SPANS = re.compile(
    r"https?://\S+"
    r"|[\w.+-]+@[\w-]+\.[\w.-]+"
    r"|\b[A-Za-z]{3}-\d{6}\b"
    r"|\b(?:USD|US\$)\s?\d[\d,.]*"
    r"|\+?\d[\d ().-]{5,}\d"
)


@dataclass
class ProtectedText:
    """The text as sent to a translator, and what each token stands for."""

    text: str
    restorations: List[str] = field(default_factory=list)

    def _token(self, restoration: str) -> str:
        self.restorations.append(restoration)
        return f"⟦{len(self.restorations) - 1}⟧"


def _protect_terms(protected: ProtectedText, pairs: Sequence[Tuple[str, str]]) -> None:
    for term, rendering in sorted(pairs, key=lambda pair: len(pair[0]), reverse=True):
        pattern = re.compile(rf"(?<!\w){re.escape(term)}(?!\w)")
        protected.text = pattern.sub(lambda _, r=rendering: protected._token(r), protected.text)


def protect(text: str, pairs: Sequence[Tuple[str, str]] = (), values: Mapping[str, str] | None = None) -> ProtectedText:
    """Tokens for `{placeholders}` (restored to `values`), glossary `pairs` (term → rendering) and spans."""
    protected = ProtectedText(text)
    if values is not None:
        protected.text = _PLACEHOLDER.sub(
            lambda match: protected._token(str(values.get(match.group(1), match.group(0)))), protected.text
        )
    _protect_terms(protected, pairs)
    protected.text = _SPANS.sub(lambda match: protected._token(match.group(0)), protected.text)
    return protected


def restore(translated: str, protected: ProtectedText) -> str:
    """Puts every span back; raises `TranslationError` when a token was lost or invented."""
    found = [int(number) for number in _TOKEN_PATTERN.findall(translated)]
    if sorted(found) != list(range(len(protected.restorations))):
        raise TranslationError(f"the translation lost or altered protected spans: {sorted(found)}")
    return _TOKEN_PATTERN.sub(lambda match: protected.restorations[int(match.group(1))], translated)
