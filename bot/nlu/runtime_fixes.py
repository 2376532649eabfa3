"""A pipeline entry whose only job is to apply `bot.rasa_fixes` wherever a model loads.

Listed first in config.yml so the fixes hold in `rasa run`, `rasa shell`, the tests'
in-process agent and the benchmarks alike; it leaves messages untouched.
"""

from __future__ import annotations

from typing import Any, Dict, List, Text

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from bot.nlu.base import ConfiguredComponent
from bot.rasa_fixes import install_action_server_apology, install_cached_action_validation


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.MESSAGE_FEATURIZER], is_trainable=False)
class RasaRuntimeFixes(ConfiguredComponent):
    """Installs the fixes when created; passes messages through unchanged."""

    def __init__(self, config: Dict[Text, Any]) -> None:
        super().__init__(config)
        install_cached_action_validation()
        install_action_server_apology()

    def process(self, messages: List[Message]) -> List[Message]:
        return messages

    def process_training_data(self, training_data: TrainingData) -> TrainingData:
        return training_data
