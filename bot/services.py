"""Builds the objects the actions need, once per process, from the settings.

Nothing is built at import: the action server calls `get_services()` on first use, and
tests build their own `Services` from a test configuration with `build_services`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import Optional

from bot.applications.http_source import HttpApplicationStatusSource
from bot.applications.source import ApplicationStatusSource
from bot.applications.sql_store import SqlApplicationStore, demo_applications
from bot.catalog import Catalog, load_catalog
from bot.responses import ResponseTexts, load_response_texts
from bot.responses.templates import read_domain_responses
from bot.settings import Settings, load_settings
from bot.storage.database import create_database_engine
from bot.storage.records import RecordStore
from bot.translation import TranslationService, build_translation_service


@dataclass(frozen=True)
class Services:
    """Everything an action talks to."""

    settings: Settings
    catalog: Catalog
    records: RecordStore
    applications: ApplicationStatusSource
    responses: ResponseTexts
    translator: TranslationService


def build_services(settings: Settings, today: Optional[date] = None) -> Services:
    """Loads the catalog (failing loudly on a broken file) and opens the stores."""
    catalog = load_catalog(settings.catalog_dir)
    engine = create_database_engine(settings.database_url)
    source: ApplicationStatusSource
    if settings.application_status_url:
        source = HttpApplicationStatusSource(settings.application_status_url, settings.application_status_timeout)
    else:
        store = SqlApplicationStore(engine)
        if settings.seed_demo_applications:
            store.seed(demo_applications(today or date.today()))
        source = store
    return Services(
        settings=settings,
        catalog=catalog,
        records=RecordStore(engine),
        applications=source,
        responses=load_response_texts(settings.responses_dir, read_domain_responses(settings.domain_path)),
        translator=build_translation_service(settings.translation, engine),
    )


@lru_cache(maxsize=1)
def get_services() -> Services:
    """The process-wide services, built from the environment on first call."""
    return build_services(load_settings())
