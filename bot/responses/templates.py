"""Loads reply templates: the English source from domain.yml, one curated file per language.

`domain.yml` stays the source because Rasa needs every response there; agencies translate
into `content/responses/<language>.yml`, which holds, per response name, the text and the
button titles in the source's order (payloads are language-neutral and stay in the domain).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Dict, FrozenSet, List, Mapping, Optional, Tuple

from pydantic import BaseModel, Extra, constr

from bot.content_files import check_file_language, parse_model, read_yaml_mapping
from bot.exceptions import ContentError
from bot.languages.registry import DEFAULT_LANGUAGE

#: `{name}` but not the doubled braces of a literal JSON payload (`{{"service": ...}}`).
_PLACEHOLDER = re.compile(r"(?<!\{)\{(\w+)\}(?!\})")

NonEmpty = constr(strip_whitespace=True, min_length=1)


def placeholders(text: str) -> FrozenSet[str]:
    return frozenset(_PLACEHOLDER.findall(text))


@dataclass(frozen=True)
class ResponseTemplate:
    """One reply in one language: its text and the titles of its buttons."""

    text: str
    button_titles: Tuple[str, ...] = ()


class _TranslatedResponse(BaseModel):
    text: NonEmpty
    buttons: List[NonEmpty] = []

    class Config:
        extra = Extra.forbid


class _ResponseFile(BaseModel):
    language: str
    responses: Dict[str, _TranslatedResponse]

    class Config:
        extra = Extra.forbid


def source_templates(domain_responses: Mapping[str, Any]) -> Dict[str, ResponseTemplate]:
    """The first text variant of each domain response, with its button titles."""
    templates = {}
    for name, variants in domain_responses.items():
        first = (variants or [{}])[0]
        titles = tuple(str(button.get("title", "")) for button in first.get("buttons") or [])
        templates[name] = ResponseTemplate(text=str(first.get("text") or ""), button_titles=titles)
    return templates


def load_translation_file(path: Path) -> Dict[str, ResponseTemplate]:
    """One language's file; raises `ContentError` naming the file and field."""
    parsed = parse_model(path, read_yaml_mapping(path), _ResponseFile)
    check_file_language(path, parsed.language)
    return {
        name: ResponseTemplate(text=entry.text, button_titles=tuple(entry.buttons))
        for name, entry in parsed.responses.items()
    }


@dataclass(frozen=True)
class ResponseTexts:
    """Every reply in every language that has a file; English is the domain's text."""

    source: Dict[str, ResponseTemplate]
    translations: Dict[str, Dict[str, ResponseTemplate]]

    @property
    def languages(self) -> List[str]:
        return [DEFAULT_LANGUAGE, *sorted(self.translations)]

    def curated(self, name: str, language: str) -> Optional[ResponseTemplate]:
        """The curated template of `name` in `language`, or None when there is none."""
        if language == DEFAULT_LANGUAGE:
            return self.source.get(name)
        return self.translations.get(language, {}).get(name)

    def text(self, name: str, language: str) -> str:
        """The curated text in `language`, else the source text (for labels such as button titles)."""
        template = self.curated(name, language) or self.source.get(name)
        return template.text if template else name


def read_domain_responses(domain_path: Path) -> Dict[str, Any]:
    """The `responses:` mapping of a domain file."""
    responses = read_yaml_mapping(domain_path).get("responses")
    if not isinstance(responses, dict):
        raise ContentError(str(domain_path), "responses", "must be a mapping of response names")
    return responses


def load_response_texts(responses_dir: Path, domain_responses: Mapping[str, Any]) -> ResponseTexts:
    """The source templates and every `<language>.yml` in `responses_dir`."""
    translations = {path.stem: load_translation_file(path) for path in sorted(responses_dir.glob("*.yml"))}
    translations.pop(DEFAULT_LANGUAGE, None)
    return ResponseTexts(source=source_templates(domain_responses), translations=translations)
