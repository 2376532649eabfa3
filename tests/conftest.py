"""Fixtures shared by every test: a temporary database, settings and the real catalog."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from bot.catalog import Catalog, load_catalog
from bot.services import Services, build_services
from bot.settings import PROJECT_ROOT, Settings, load_settings

pytest_plugins = ["tests.fakes.translation"]

#: The day demo applications are dated from in tests, so replies have known dates.
TODAY = date(2026, 3, 16)


@pytest.fixture(scope="session")
def catalog() -> Catalog:
    return load_catalog(PROJECT_ROOT / "content" / "catalog")


@pytest.fixture
def database_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'citizen.db'}"


@pytest.fixture
def settings(database_url: str) -> Settings:
    return load_settings({"DATABASE_URL": database_url})


@pytest.fixture
def services(settings: Settings) -> Services:
    return build_services(settings, today=TODAY)
