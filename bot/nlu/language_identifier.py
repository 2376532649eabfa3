"""Puts `language` and `language_confidence` into every parse result (CONTRACT.md)."""

from __future__ import annotations

from typing import Any, Dict, List, Text

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.shared.nlu.constants import TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from bot.langid import detect_language
from bot.nlu.base import ConfiguredComponent

LANGUAGE_KEY = "language"
CONFIDENCE_KEY = "language_confidence"


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.MESSAGE_FEATURIZER], is_trainable=False)
class LanguageIdentifier(ConfiguredComponent):
    """Detects the language of each message; first in the pipeline so later parts can use it."""

    @staticmethod
    def get_default_config() -> Dict[Text, Any]:
        return {"default_language": "en"}

    def __init__(self, config: Dict[Text, Any]) -> None:
        super().__init__(config)
        self._default = config["default_language"]

    def _annotate(self, message: Message) -> None:
        text = message.get(TEXT) or ""
        detection = detect_language(text, default=self._default)
        message.set(LANGUAGE_KEY, detection.language, add_to_output=True)
        message.set(CONFIDENCE_KEY, detection.confidence, add_to_output=True)

    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            self._annotate(message)
        return messages

    def process_training_data(self, training_data: TrainingData) -> TrainingData:
        for message in training_data.training_examples:
            if message.get(TEXT):
                self._annotate(message)
        return training_data
