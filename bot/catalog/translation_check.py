"""Finds what is wrong with one language's catalog texts, compared with the English source.

The loader already rejects missing or extra agencies, offices and services; this adds what a
translator can get wrong inside an entry: a document list of another length, a note the
source has and the translation lacks (or the reverse), and text not in the file's language.
Addresses are not judged by language (they are mostly proper names).
"""

from __future__ import annotations

from typing import Iterator, List, Tuple

from bot.catalog.models import CatalogTexts, ServiceTexts
from bot.langid.text_check import language_problem

_OPTIONAL = ("fee_note", "processing_note")


def _judged_texts(texts: CatalogTexts) -> Iterator[Tuple[str, str]]:
    for agency_id, agency in texts.agencies.items():
        yield f"agencies.{agency_id}.name", agency.name
    for office_id, office in texts.offices.items():
        yield f"offices.{office_id}.name", office.name
    for service_id, service in texts.services.items():
        for field in ("name", "title", "summary", "eligibility", "apply_online", "apply_in_person", *_OPTIONAL):
            value = getattr(service, field)
            if value:
                yield f"services.{service_id}.{field}", value
        for index, document in enumerate(service.documents):
            yield f"services.{service_id}.documents[{index}]", document


def _shape_problems(service_id: str, source: ServiceTexts, translated: ServiceTexts) -> List[str]:
    problems = []
    if len(translated.documents) != len(source.documents):
        problems.append(
            f"services.{service_id}.documents: {len(translated.documents)} items, the source has {len(source.documents)}"
        )
    for field in _OPTIONAL:
        if bool(getattr(source, field)) != bool(getattr(translated, field)):
            problems.append(f"services.{service_id}.{field}: present in only one of the source and the translation")
    return problems


def catalog_problems(source: CatalogTexts, translated: CatalogTexts) -> List[str]:
    """Every problem of one language's catalog texts; empty when they are right."""
    problems: List[str] = []
    for service_id, service in translated.services.items():
        problems += _shape_problems(service_id, source.services[service_id], service)
    for label, text in _judged_texts(translated):
        problem = language_problem(text, translated.language)
        if problem:
            problems.append(f"{label}: {problem}: {text[:60]!r}")
    return problems
