"""Loads `content/names/<language>.yml`: one file per language, the same keys in each.

Each file lists, for every service id, the names citizens writing that language use for
it (native words, loanwords, romanized forms, common misspellings), and for every
contract language code the names they use for that language. Optionally, `not_names`:
ordinary words of the language that another language's file lists as a service name
(Vietnamese "ntn" is "như thế nào", "how", and Urdu's National Tax Number; "sim" is a SIM
card in English and Indonesian's driving licence), so that in a message in this language
they are not taken for the service.
"""

from __future__ import annotations

from pathlib import Path
from typing import Dict, FrozenSet, List

from pydantic import BaseModel, Extra, conlist, constr

from bot.catalog.models import SERVICE_IDS
from bot.content_files import check_file_language, parse_model, read_yaml_mapping
from bot.exceptions import ContentError
from bot.languages import LANGUAGES

Name = constr(strip_whitespace=True, min_length=1)


class NameFile(BaseModel):
    """One language's names for services and languages."""

    language: str
    services: Dict[str, conlist(Name, min_items=1)]
    languages: Dict[str, conlist(Name, min_items=1)]
    not_names: List[Name] = []

    class Config:
        extra = Extra.forbid
        allow_mutation = False


NameFiles = Dict[str, NameFile]


def _check_keys(path: Path, section: str, expected: List[str], found: List[str]) -> None:
    missing = sorted(set(expected) - set(found))
    extra = sorted(set(found) - set(expected))
    if missing:
        raise ContentError(str(path), f"{section}.{missing[0]}", "missing")
    if extra:
        raise ContentError(str(path), f"{section}.{extra[0]}", "not a contract id")


def load_name_file(path: Path) -> NameFile:
    names = parse_model(path, read_yaml_mapping(path), NameFile)
    check_file_language(path, names.language)
    _check_keys(path, "services", list(SERVICE_IDS), list(names.services))
    _check_keys(path, "languages", list(LANGUAGES), list(names.languages))
    return names


def load_names(names_dir: Path) -> NameFiles:
    """Every `<language>.yml` in `names_dir`; raises `ContentError` on a broken file."""
    files = {path.stem: load_name_file(path) for path in sorted(names_dir.glob("*.yml"))}
    if "en" not in files:
        raise ContentError(str(names_dir / "en.yml"), "(file)", "the source language file is missing")
    for language, file in files.items():
        others = {
            _folded(term) for other, f in files.items() if other != language for t in f.services.values() for term in t
        }
        for word in file.not_names:
            if _folded(word) not in others:
                raise ContentError(str(names_dir / f"{language}.yml"), f"not_names.{word}", "no other file lists it")
    return files


def _folded(term: str) -> str:
    return " ".join(term.casefold().split())


def not_service_names(names: NameFiles) -> Dict[str, FrozenSet[str]]:
    """Language → the words that, in a message in that language, are not service names."""
    return {language: frozenset(_folded(word) for word in file.not_names) for language, file in names.items()}


def service_terms(names: NameFiles) -> Dict[str, str]:
    """Every name of every service in every language → its service id."""
    return {
        term: service_id for file in names.values() for service_id, terms in file.services.items() for term in terms
    }


def language_terms(names: NameFiles) -> Dict[str, str]:
    """Every name of every language in every language, plus registry names → its code."""
    terms: Dict[str, str] = {}
    for language in LANGUAGES.values():
        for term in (language.name, language.autonym, *language.aliases):
            terms[term] = language.code
    for file in names.values():
        for code, written in file.languages.items():
            for term in written:
                terms[term] = code
    return terms
