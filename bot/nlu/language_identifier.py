"""Puts `language` and `language_confidence` into every parse result (CONTRACT.md).

Trainable: at `rasa train` it fits the per-script model of `bot.langid` on the training
data folders (`data/nlu/<language>/`, the folder being the label) and stores it in the
model archive as arrays and JSON (no pickle).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Dict, List, Optional, Text

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.shared.nlu.constants import TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from bot.langid.corpus import labelled_examples
from bot.langid.detector import SHARED_SCRIPTS, LanguageDetector
from bot.langid.linear_model import ScriptLanguageModel
from bot.nlu.base import StoredModelComponent
from bot.settings import PROJECT_ROOT

LANGUAGE_KEY = "language"
CONFIDENCE_KEY = "language_confidence"
_MODEL_DIR = "script_language_model"


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.MESSAGE_FEATURIZER], is_trainable=True)
class LanguageIdentifier(StoredModelComponent[ScriptLanguageModel]):
    """Detects the language of each message; first in the pipeline so later parts can use it."""

    @staticmethod
    def get_default_config() -> Dict[Text, Any]:
        # nlu_dir None: PROJECT_ROOT/data/nlu. model_format is part of Rasa's cache key, so
        # a change to how the model is stored retrains it instead of loading a stale one.
        return {"default_language": "en", "nlu_dir": None, "model_format": 2}

    def __init__(
        self,
        config: Dict[Text, Any],
        model_storage: ModelStorage,
        resource: Resource,
        model: Optional[ScriptLanguageModel] = None,
    ) -> None:
        super().__init__(config, model_storage, resource, model)
        self._detector = LanguageDetector(model, default=config["default_language"])

    @classmethod
    def _read_model(cls, directory: Path) -> ScriptLanguageModel:
        return ScriptLanguageModel.load(directory / _MODEL_DIR)

    def train(self, training_data: TrainingData) -> Resource:
        """Fits the language model on the data folders (`training_data` keys the cache)."""
        nlu_dir = Path(self._config["nlu_dir"] or PROJECT_ROOT / "data" / "nlu")
        model = ScriptLanguageModel.train(labelled_examples(nlu_dir), SHARED_SCRIPTS)
        self._detector = LanguageDetector(model, default=self._config["default_language"])
        return self._store_model(model, lambda m, directory: m.save(directory / _MODEL_DIR))

    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            detection = self._detector.detect(message.get(TEXT) or "")
            message.set(LANGUAGE_KEY, detection.language, add_to_output=True)
            message.set(CONFIDENCE_KEY, detection.confidence, add_to_output=True)
        return messages

    def process_training_data(self, training_data: TrainingData) -> TrainingData:
        """Detects the training examples' language too, as the intent classifier learns
        per-language weights from exactly what it will see at parse time."""
        self.process(training_data.training_examples)
        return training_data
