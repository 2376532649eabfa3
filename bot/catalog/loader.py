"""Loads and cross-checks the catalog folder; a broken file stops start-up.

Schema errors come from `bot.catalog.models`; this module adds what a schema cannot see:
references between agencies, offices and services, the contract's service ids, and the
rule that every language file has exactly the keys of `services.yml`.
"""

from __future__ import annotations

from pathlib import Path
from typing import Collection, Dict, Iterable, Optional

from bot.catalog.models import SERVICE_IDS, Catalog, CatalogFacts, CatalogTexts
from bot.content_files import check_file_language, parse_model, read_yaml_mapping
from bot.exceptions import ContentError

FACTS_FILE = "services.yml"
SOURCE_LANGUAGE = "en"


def _check_same_keys(path: Path, field: str, expected: Iterable[str], found: Iterable[str]) -> None:
    missing = sorted(set(expected) - set(found))
    extra = sorted(set(found) - set(expected))
    if missing:
        raise ContentError(str(path), f"{field}.{missing[0]}", "missing")
    if extra:
        raise ContentError(str(path), f"{field}.{extra[0]}", f"not in {FACTS_FILE}")


def _check_references(path: Path, facts: CatalogFacts) -> None:
    _check_same_keys(path, "services", SERVICE_IDS, facts.services)
    if facts.contact_centre not in facts.offices:
        raise ContentError(str(path), "contact_centre", f"unknown office {facts.contact_centre!r}")
    for office_id, office in facts.offices.items():
        if office.agency not in facts.agencies:
            raise ContentError(str(path), f"offices.{office_id}.agency", f"unknown agency {office.agency!r}")
    for agency_id, agency in facts.agencies.items():
        office = facts.offices.get(agency.contact_office)
        if office is None or office.agency != agency_id:
            raise ContentError(
                str(path),
                f"agencies.{agency_id}.contact_office",
                f"{agency.contact_office!r} is not an office of this agency",
            )
    prefixes: Dict[str, str] = {}
    for service_id, service in facts.services.items():
        if service.agency not in facts.agencies:
            raise ContentError(str(path), f"services.{service_id}.agency", f"unknown agency {service.agency!r}")
        for office_id in service.offices:
            if office_id not in facts.offices:
                raise ContentError(str(path), f"services.{service_id}.offices", f"unknown office {office_id!r}")
        if service.reference_prefix in prefixes:
            raise ContentError(
                str(path),
                f"services.{service_id}.reference_prefix",
                f"already used by {prefixes[service.reference_prefix]}",
            )
        prefixes[service.reference_prefix] = service_id


def _load_texts(path: Path, facts: CatalogFacts) -> CatalogTexts:
    texts = parse_model(path, read_yaml_mapping(path), CatalogTexts)
    check_file_language(path, texts.language)
    for section in ("agencies", "offices", "services"):
        _check_same_keys(path, section, getattr(facts, section), getattr(texts, section))
    return texts


def load_catalog(catalog_dir: Path, languages: Optional[Collection[str]] = None) -> Catalog:
    """Reads `services.yml` and every `<language>.yml` beside it (or only `languages` and the
    source); raises `ContentError`."""
    facts_path = catalog_dir / FACTS_FILE
    facts = parse_model(facts_path, read_yaml_mapping(facts_path), CatalogFacts)
    _check_references(facts_path, facts)
    texts = {
        path.stem: _load_texts(path, facts)
        for path in sorted(catalog_dir.glob("*.yml"))
        if path.name != FACTS_FILE and (languages is None or path.stem in {*languages, SOURCE_LANGUAGE})
    }
    if SOURCE_LANGUAGE not in texts:
        raise ContentError(str(catalog_dir / f"{SOURCE_LANGUAGE}.yml"), "(file)", "the source language file is missing")
    return Catalog(facts=facts, texts=texts)
