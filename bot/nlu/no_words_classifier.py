"""Marks messages with no letters or digits (empty, emoji, symbols) as not understood.

A classifier would otherwise guess a confident intent for "😀😀" from nothing; routing
them to the fallback lets the assistant ask for words instead of answering at random.
"""

from __future__ import annotations

from typing import List

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.shared.constants import DEFAULT_NLU_FALLBACK_INTENT_NAME
from rasa.shared.nlu.constants import INTENT, INTENT_NAME_KEY, INTENT_RANKING_KEY, PREDICTED_CONFIDENCE_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message

from bot.dialogue.fallback import has_words
from bot.nlu.base import ConfiguredComponent


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=False)
class NoWordsClassifier(ConfiguredComponent):
    """Overrides the intent with `nlu_fallback` when the message has no words at all."""

    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            if has_words(message.get(TEXT) or ""):
                continue
            intent = {INTENT_NAME_KEY: DEFAULT_NLU_FALLBACK_INTENT_NAME, PREDICTED_CONFIDENCE_KEY: 1.0}
            message.set(INTENT, intent, add_to_output=True)
            message.set(INTENT_RANKING_KEY, [intent], add_to_output=True)
        return messages
