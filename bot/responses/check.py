"""Finds what is wrong with one language's reply file, compared with the English source.

Run by the tests for every language and by `scripts/check_translations.py` while
translating: a missing or extra reply, a placeholder that differs from the source, a wrong
number of button titles, an empty text, or a text not written in the file's language.
"""

from __future__ import annotations

from typing import Dict, List

from bot.langid.text_check import language_problem
from bot.responses.templates import ResponseTemplate, placeholders


def _template_problems(name: str, source: ResponseTemplate, translated: ResponseTemplate, language: str) -> List[str]:
    problems = []
    if not translated.text.strip():
        problems.append(f"{name}: empty text")
    missing = sorted(placeholders(source.text) - placeholders(translated.text))
    extra = sorted(placeholders(translated.text) - placeholders(source.text))
    if missing:
        problems.append(f"{name}: placeholders missing: {', '.join(missing)}")
    if extra:
        problems.append(f"{name}: placeholders not in the source: {', '.join(extra)}")
    if len(translated.button_titles) != len(source.button_titles):
        problems.append(
            f"{name}: {len(translated.button_titles)} button titles, the source has {len(source.button_titles)}"
        )
    for text in (translated.text, *translated.button_titles):
        problem = language_problem(text, language)
        if problem:
            problems.append(f"{name}: {problem}: {text[:60]!r}")
    return problems


def response_problems(
    source: Dict[str, ResponseTemplate], translated: Dict[str, ResponseTemplate], language: str
) -> List[str]:
    """Every problem of `translated` (one language's replies); empty when the file is right."""
    problems = [f"{name}: missing" for name in source if name not in translated]
    problems += [f"{name}: not in domain.yml" for name in translated if name not in source]
    for name, template in translated.items():
        if name in source:
            problems += _template_problems(name, source[name], template, language)
    return problems
