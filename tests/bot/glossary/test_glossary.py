"""The glossary: same keys in every language, and with the catalog's names, pairs per language."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.exceptions import ContentError
from bot.glossary import load_glossary
from bot.glossary.terms import term_pairs
from bot.settings import PROJECT_ROOT


def _write(folder: Path, language: str, body: str) -> None:
    (folder / f"{language}.yml").write_text(f"language: {language}\nterms:\n{body}", encoding="utf-8")


def test_pairs_join_each_english_term_to_its_rendering(tmp_path: Path):
    _write(tmp_path, "en", "  city: Capital City\n")
    _write(tmp_path, "lo", "  city: ນະຄອນຫຼວງ\n")
    assert load_glossary(tmp_path).pairs("lo") == [("Capital City", "ນະຄອນຫຼວງ")]


def test_a_language_file_missing_a_term_is_refused(tmp_path: Path):
    _write(tmp_path, "en", "  city: Capital City\n  port: Northport\n")
    _write(tmp_path, "lo", "  city: ນະຄອນຫຼວງ\n")
    with pytest.raises(ContentError, match="missing \\['port'\\]"):
        load_glossary(tmp_path)


def test_catalog_names_join_the_glossary(catalog):
    pairs = term_pairs(load_glossary(PROJECT_ROOT / "content" / "glossary"), catalog)("th")
    assert ("Passport", catalog.texts["th"].services["passport"].title) in pairs
    assert ("Citizen Contact Centre", catalog.texts["th"].offices["citizen_contact_centre"].name) in pairs
    assert term_pairs(load_glossary(PROJECT_ROOT / "content" / "glossary"), catalog)("en") == []
