"""Classifies a message that is only a reference number as `inform`: the citizen giving it.

Such a message has no words for the intent classifier to weigh, only the number's letters
and digits, so its guess between `inform` and `check_application_status` turns on the
digits: "BRC-118302" fell to the fallback on a 0.496 / 0.488 tie while 480 other numbers
did not. Whatever the conversation asked for, a bare number answers it, and the status
form reads the number whatever the intent.
"""

from __future__ import annotations

from typing import List

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.shared.nlu.constants import INTENT, INTENT_NAME_KEY, INTENT_RANKING_KEY, PREDICTED_CONFIDENCE_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message

from bot.applications.reference import REFERENCE_PATTERN, fold_digits
from bot.dialogue.fallback import has_words
from bot.nlu.base import ConfiguredComponent

INFORM = "inform"


def is_bare_reference(text: str) -> bool:
    """Whether `text` is one or more reference numbers and nothing else but punctuation."""
    folded = fold_digits(text)
    return bool(REFERENCE_PATTERN.search(folded)) and not has_words(REFERENCE_PATTERN.sub(" ", folded))


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=False)
class BareReferenceClassifier(ConfiguredComponent):
    """Sets the intent to `inform` when the message is only a reference number."""

    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            if not is_bare_reference(message.get(TEXT) or ""):
                continue
            intent = {INTENT_NAME_KEY: INFORM, PREDICTED_CONFIDENCE_KEY: 1.0}
            message.set(INTENT, intent, add_to_output=True)
            message.set(INTENT_RANKING_KEY, [intent], add_to_output=True)
        return messages
