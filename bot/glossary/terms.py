"""Every curated name as (English, rendering) pairs for one language: glossary plus catalog.

Agency, office and service names already have curated renderings in the catalog; the
glossary file adds the other proper names. Together they tell the translation layer which
spans to keep, and what to put in their place.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Callable, List, Tuple

from bot.catalog import Catalog
from bot.glossary.loader import Glossary
from bot.languages.registry import DEFAULT_LANGUAGE

Pairs = List[Tuple[str, str]]


def _catalog_pairs(catalog: Catalog, language: str) -> Pairs:
    if language not in catalog.texts:
        return []
    source, target = catalog.texts[DEFAULT_LANGUAGE], catalog.texts[language]
    pairs = [(source.agencies[key].name, target.agencies[key].name) for key in source.agencies]
    pairs += [(source.offices[key].name, target.offices[key].name) for key in source.offices]
    for key, service in source.services.items():
        pairs += [(service.title, target.services[key].title), (service.name, target.services[key].name)]
    return pairs


def term_pairs(glossary: Glossary, catalog: Catalog) -> Callable[[str], Pairs]:
    """A function giving, per language, (English term, curated rendering) for every known name."""

    @lru_cache(maxsize=None)
    def pairs_for(language: str) -> Pairs:
        if language == DEFAULT_LANGUAGE:
            return []
        return glossary.pairs(language) + _catalog_pairs(catalog, language)

    return pairs_for
