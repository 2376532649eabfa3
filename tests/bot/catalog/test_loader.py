"""The catalog loader accepts the sample and stops on broken files, naming file and field."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Callable

import pytest
from ruamel.yaml import YAML

from bot.catalog import SERVICE_IDS, load_catalog
from bot.exceptions import ContentError
from bot.settings import PROJECT_ROOT

SAMPLE = PROJECT_ROOT / "content" / "catalog"


@pytest.fixture
def catalog_copy(tmp_path: Path) -> Path:
    target = tmp_path / "catalog"
    shutil.copytree(SAMPLE, target)
    return target


def _edit(path: Path, change: Callable[[dict], None]) -> None:
    yaml = YAML(typ="safe", pure=True)
    data = yaml.load(path.read_text(encoding="utf-8"))
    change(data)
    with path.open("w", encoding="utf-8") as handle:
        yaml.dump(data, handle)


def test_sample_catalog_has_every_contract_service_with_complete_content(catalog):
    assert set(catalog.facts.services) == set(SERVICE_IDS)
    english = catalog.texts["en"]
    for service_id in SERVICE_IDS:
        facts = catalog.facts.services[service_id]
        texts = english.services[service_id]
        assert texts.documents and texts.eligibility and texts.apply_online and texts.apply_in_person
        assert facts.processing_days.min <= facts.processing_days.max
        assert facts.offices, service_id
        for office_id in facts.offices:
            office = catalog.facts.offices[office_id]
            assert office.phone and office.hours


@pytest.mark.parametrize(
    "file_name, change, field",
    [
        ("services.yml", lambda d: d["services"]["passport"]["fee"].pop("amount"), "services.passport.fee.amount"),
        ("services.yml", lambda d: d["services"]["passport"]["fee"].update(amount=-5), "services.passport.fee.amount"),
        (
            "services.yml",
            lambda d: d["services"]["passport"]["fee"].update(currency="dollars"),
            "services.passport.fee.currency",
        ),
        (
            "services.yml",
            lambda d: d["services"]["passport"]["processing_days"].update(min=30, max=5),
            "services.passport.processing_days",
        ),
        ("services.yml", lambda d: d["services"]["passport"].update(offices=["nowhere"]), "services.passport.offices"),
        ("services.yml", lambda d: d["services"].pop("tax_return"), "services.tax_return"),
        ("services.yml", lambda d: d["services"]["passport"].update(colour="blue"), "services.passport.colour"),
        (
            "services.yml",
            lambda d: d["offices"]["central_passport_office"]["hours"][0].update(opens="25:00"),
            "offices.central_passport_office.hours.0.opens",
        ),
        (
            "services.yml",
            lambda d: d["offices"]["central_passport_office"]["hours"][0].update(days=["funday"]),
            "offices.central_passport_office.hours.0.days.0",
        ),
        ("en.yml", lambda d: d["services"]["passport"].update(documents=[]), "services.passport.documents"),
        ("en.yml", lambda d: d["services"]["passport"].update(eligibility="   "), "services.passport.eligibility"),
        ("en.yml", lambda d: d["services"].pop("national_id"), "services.national_id"),
        ("en.yml", lambda d: d["offices"].pop("central_passport_office"), "offices.central_passport_office"),
        ("en.yml", lambda d: d.update(language="xx"), "language"),
    ],
)
def test_broken_catalog_names_the_file_and_the_field(catalog_copy, file_name, change, field):
    _edit(catalog_copy / file_name, change)
    with pytest.raises(ContentError) as raised:
        load_catalog(catalog_copy)
    assert raised.value.path.endswith(file_name)
    assert raised.value.field == field
    assert file_name in str(raised.value) and field in str(raised.value)


def test_invalid_yaml_is_reported_with_the_file(catalog_copy):
    (catalog_copy / "en.yml").write_text("services: [unclosed\n", encoding="utf-8")
    with pytest.raises(ContentError, match="en.yml.*not valid YAML"):
        load_catalog(catalog_copy)


def test_duplicate_keys_are_errors_not_silent_overwrites(catalog_copy):
    path = catalog_copy / "services.yml"
    path.write_text(path.read_text(encoding="utf-8") + "\ncontact_centre: citizen_contact_centre\n", encoding="utf-8")
    with pytest.raises(ContentError, match="services.yml"):
        load_catalog(catalog_copy)


def test_missing_source_language_file_stops_loading(catalog_copy):
    (catalog_copy / "en.yml").unlink()
    with pytest.raises(ContentError, match="en.yml"):
        load_catalog(catalog_copy)


def test_language_file_of_another_language_with_the_same_keys_is_loaded(catalog_copy, catalog):
    for path in catalog_copy.glob("*.yml"):
        if path.stem not in ("en", "services"):
            path.unlink()
    english = (catalog_copy / "en.yml").read_text(encoding="utf-8")
    (catalog_copy / "ms.yml").write_text(english.replace("language: en", "language: ms"), encoding="utf-8")
    loaded = load_catalog(catalog_copy)
    assert set(loaded.texts) == {"en", "ms"}
    assert loaded.localized("ms").language == "ms"
    assert loaded.localized("th").language == "en"  # no Thai file: English
