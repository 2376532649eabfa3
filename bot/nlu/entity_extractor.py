"""Extracts the contract's entities with deterministic finders over agency content.

service and language: the names in `content/names/<language>.yml` (plus the registry's
names and autonyms); reference_number and rating: fixed patterns. Values are
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

from bot.entities import EntityMatch, Gazetteer, find_ratings, find_references
from bot.names import load_names
from bot.names.loader import language_terms, service_terms
from bot.nlu.base import ConfiguredComponent
from bot.settings import load_settings


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.ENTITY_EXTRACTOR], is_trainable=False)
class CitizenEntityExtractor(ConfiguredComponent, EntityExtractorMixin):
    """service, language, reference_number and rating entities for every message."""

    @staticmethod
    def get_default_config() -> Dict[Text, Any]:
        return {"names_dir": None}  # None: the settings' CONTENT_DIR/names

    def __init__(self, config: Dict[Text, Any]) -> None:
        super().__init__(config)
        configured: Optional[str] = config.get("names_dir")
        names = load_names(Path(configured) if configured else load_settings().names_dir)
        self._services = Gazetteer(service_terms(names))
        self._languages = Gazetteer(language_terms(names))

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
