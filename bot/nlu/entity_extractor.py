"""Extracts the contract's entities with deterministic finders over agency content.

service and language: the names in `content/names/<language>.yml` (plus the registry's
names and autonyms), languages only in change_language messages since many language
names are everyday words elsewhere (Filipino "hindi" is "no"); reference_number and
rating: fixed patterns, and no name is taken from inside a reference ("TAX-250331"). Values are
already normalized (service ids, language codes, `PSP-204811`, "4"), so no synonym
mapping is needed after this component. A service name that is an ordinary word in the
message's language (its names file's `not_names`: Vietnamese "ntn", English "sim") is
left out.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Dict, List, Optional, Text

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.nlu.extractors.extractor import EntityExtractorMixin
from rasa.shared.nlu.constants import ENTITIES, INTENT, INTENT_NAME_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message

from bot.entities import EntityMatch, Gazetteer, find_ratings, find_references
from bot.names import load_names
from bot.names.loader import language_terms, not_service_names, service_terms
from bot.nlu.base import ConfiguredComponent
from bot.nlu.language_identifier import LANGUAGE_KEY
from bot.settings import load_settings

#: Language names are entities only where the citizen asks to switch language.
LANGUAGE_INTENT = "change_language"


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
        self._not_services = not_service_names(names)

    @property
    def name(self) -> Text:  # type: ignore[override]
        return self.__class__.__name__

    def _entities(self, text: str, intent: Optional[str], language: Optional[str]) -> List[Dict[str, Any]]:
        references = find_references(text)
        taken = [(m.start, m.end) for m in references]

        def free(match: EntityMatch) -> bool:
            return not any(start < match.end and match.start < end for start, end in taken)

        found: List[tuple] = [("reference_number", m) for m in references]
        ordinary = self._not_services.get(language or "", frozenset())
        found += [
            ("service", m)
            for m in self._services.find(text)
            if free(m) and " ".join(m.text.casefold().split()) not in ordinary
        ]
        if intent == LANGUAGE_INTENT:  # "hindi po" (Filipino "no") is not a request for Hindi
            found += [("language", m) for m in self._languages.find(text) if free(m)]
        found += [("rating", m) for m in find_ratings(text) if free(m)]
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
            intent = (message.get(INTENT) or {}).get(INTENT_NAME_KEY)
            entities = self._entities(text, intent, message.get(LANGUAGE_KEY))
            message.set(ENTITIES, message.get(ENTITIES, []) + entities, add_to_output=True)
        return messages
