"""Extracts the contract's entities with deterministic finders over agency content.

service: catalog names and synonyms of every language file; language: the registry's
names, autonyms and aliases; reference_number and rating: fixed patterns. Values are
already normalized (service ids, language codes, `PSP-204811`, "4"), so no synonym
mapping is needed after this component.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Dict, List, Optional, Text

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.nlu.extractors.extractor import EntityExtractorMixin
from rasa.shared.nlu.constants import ENTITIES, TEXT
from rasa.shared.nlu.training_data.message import Message

from bot.catalog import Catalog, load_catalog
from bot.entities import EntityMatch, Gazetteer, find_ratings, find_references
from bot.languages import LANGUAGES
from bot.nlu.base import ConfiguredComponent
from bot.settings import load_settings


def service_terms(catalog: Catalog) -> Dict[str, str]:
    """Every name of every service in every language file → its service id."""
    terms: Dict[str, str] = {}
    for texts in catalog.texts.values():
        for service_id, service in texts.services.items():
            for term in (service.name, service.title, *service.synonyms):
                terms[term] = service_id
    return terms


def language_terms() -> Dict[str, str]:
    """English names, autonyms and aliases of the contract languages → their codes."""
    terms: Dict[str, str] = {}
    for language in LANGUAGES.values():
        for term in (language.name, language.autonym, *language.aliases):
            terms[term] = language.code
    return terms


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.ENTITY_EXTRACTOR], is_trainable=False)
class CitizenEntityExtractor(ConfiguredComponent, EntityExtractorMixin):
    """service, language, reference_number and rating entities for every message."""

    @staticmethod
    def get_default_config() -> Dict[Text, Any]:
        return {"catalog_dir": None}  # None: the settings' CONTENT_DIR/catalog

    def __init__(self, config: Dict[Text, Any]) -> None:
        super().__init__(config)
        configured: Optional[str] = config.get("catalog_dir")
        catalog = load_catalog(Path(configured) if configured else load_settings().catalog_dir)
        self._services = Gazetteer(service_terms(catalog))
        self._languages = Gazetteer(language_terms())

    @property
    def name(self) -> Text:  # type: ignore[override]
        return self.__class__.__name__

    def _entities(self, text: str) -> List[Dict[str, Any]]:
        found: List[tuple] = [("service", m) for m in self._services.find(text)]
        found += [("language", m) for m in self._languages.find(text)]
        references = find_references(text)
        found += [("reference_number", m) for m in references]
        taken = [(m.start, m.end) for m in references]
        found += [("rating", m) for m in find_ratings(text) if not any(start <= m.start < end for start, end in taken)]
        return [self._as_entity(entity_type, match) for entity_type, match in sorted(found, key=lambda f: f[1].start)]

    def _as_entity(self, entity_type: str, match: EntityMatch) -> Dict[str, Any]:
        return {
            "entity": entity_type,
            "start": match.start,
            "end": match.end,
            "value": match.value,
            "confidence_entity": 1.0,
            "extractor": self.name,
        }

    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            text = message.get(TEXT) or ""
            entities = self._entities(text)
            message.set(ENTITIES, message.get(ENTITIES, []) + entities, add_to_output=True)
        return messages
