"""A pipeline entry whose only job is to patch Rasa wherever a model loads: the fixes of
`bot.rasa_fixes`, the in-process language policy of `bot.rasa_language_slot` and the
NLU thread of `bot.rasa_nlu_thread`.

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
from bot.rasa_language_slot import install_language_slot_policy
from bot.rasa_nlu_thread import install_nlu_thread


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.MESSAGE_FEATURIZER], is_trainable=False)
class RasaRuntimeFixes(ConfiguredComponent):
    """Installs the patches when created; passes messages through unchanged."""

    def __init__(self, config: Dict[Text, Any]) -> None:
        super().__init__(config)
        install_cached_action_validation()
        install_action_server_apology()
        install_language_slot_policy()
        install_nlu_thread()

    def process(self, messages: List[Message]) -> List[Message]:
        return messages

    def process_training_data(self, training_data: TrainingData) -> TrainingData:
        return training_data
