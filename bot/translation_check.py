"""Checks one language's curated replies, catalog texts and glossary against the English source.

Shared by `scripts/check_translations.py` (while translating) and the tests (for every
contract language), so both report exactly the same problems.
"""

from __future__ import annotations

from pathlib import Path
from typing import List

from bot.catalog import load_catalog
from bot.catalog.translation_check import catalog_problems
from bot.exceptions import ContentError
from bot.glossary import load_glossary
from bot.languages.registry import DEFAULT_LANGUAGE
from bot.responses.check import response_problems
from bot.responses.templates import load_translation_file, read_domain_responses, source_templates


def translation_problems(content_dir: Path, domain_path: Path, language: str) -> List[str]:
    """Every problem of `language`'s three content files, each prefixed with its file."""
    problems: List[str] = []
    responses_path = content_dir / "responses" / f"{language}.yml"
    try:
        source = source_templates(read_domain_responses(domain_path))
        translated = load_translation_file(responses_path)
        problems += [f"responses/{language}.yml: {p}" for p in response_problems(source, translated, language)]
    except ContentError as error:
        problems.append(str(error))
    try:
        catalog = load_catalog(content_dir / "catalog", [language])
        if language not in catalog.texts:
            problems.append(f"catalog/{language}.yml: missing")
        else:
            found = catalog_problems(catalog.texts[DEFAULT_LANGUAGE], catalog.texts[language])
            problems += [f"catalog/{language}.yml: {p}" for p in found]
    except ContentError as error:
        problems.append(str(error))
    try:
        if language not in load_glossary(content_dir / "glossary").terms:
            problems.append(f"glossary/{language}.yml: missing")
    except ContentError as error:
        problems.append(str(error))
    return problems
