"""Loads `content/glossary/<language>.yml`: one file per language, the same term keys in each."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Dict, List, Tuple

from pydantic import BaseModel, Extra, constr

from bot.content_files import check_file_language, parse_model, read_yaml_mapping
from bot.exceptions import ContentError
from bot.languages.registry import DEFAULT_LANGUAGE

Term = constr(strip_whitespace=True, min_length=1)


class _GlossaryFile(BaseModel):
    language: str
    terms: Dict[str, Term]

    class Config:
        extra = Extra.forbid


@dataclass(frozen=True)
class Glossary:
    """Term key → rendering, per language; English is the source."""

    terms: Dict[str, Dict[str, str]]

    def pairs(self, language: str) -> List[Tuple[str, str]]:
        """(English term, curated rendering in `language`) for every term the language has."""
        source, target = self.terms[DEFAULT_LANGUAGE], self.terms.get(language, {})
        return [(source[key], target[key]) for key in source if key in target]


def _load_file(path: Path) -> Dict[str, str]:
    parsed = parse_model(path, read_yaml_mapping(path), _GlossaryFile)
    check_file_language(path, parsed.language)
    return dict(parsed.terms)


def load_glossary(glossary_dir: Path) -> Glossary:
    """Every language file; each must have exactly the English file's keys."""
    terms = {path.stem: _load_file(path) for path in sorted(glossary_dir.glob("*.yml"))}
    if DEFAULT_LANGUAGE not in terms:
        raise ContentError(str(glossary_dir / f"{DEFAULT_LANGUAGE}.yml"), "(file)", "the source file is missing")
    expected = set(terms[DEFAULT_LANGUAGE])
    for language, found in terms.items():
        missing, extra = sorted(expected - set(found)), sorted(set(found) - expected)
        if missing or extra:
            detail = "; ".join(filter(None, [missing and f"missing {missing}", extra and f"extra {extra}"]))
            raise ContentError(str(glossary_dir / f"{language}.yml"), "terms", detail)
    return Glossary(terms=terms)
