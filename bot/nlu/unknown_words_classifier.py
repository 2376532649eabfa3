"""Sends a message of several words, none of which any training example uses, to the fallback.

The intent classifier always picks its likeliest intent, and on keyboard mashing ("xq zvbk
wpl") that can be a confident "inform" or "out_of_scope", answered as if it meant
something. A citizen who writes three or more words the assistant has never seen is
better asked what they meant (the fallback offers the likeliest guesses as buttons). On the
held-out set, 4 of 3,160 messages have 3+ words and none seen in training; shorter messages
are left alone, since a one- or two-word reply ("넵", "ஓகே") is often a new spelling.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import FrozenSet, Iterable, List

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.nlu.constants import TOKENS_NAMES
from rasa.shared.nlu.constants import ENTITIES, INTENT, PREDICTED_CONFIDENCE_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from bot.nlu.base import StoredModelComponent

_FILE = "known_words.json"
#: A message needs at least this many words before unknown words send it to the fallback.
MIN_WORDS = 3


def _words(message: Message) -> List[str]:
    tokens = message.get(TOKENS_NAMES[TEXT]) or []
    return [token.text.casefold() for token in tokens if any(ch.isalpha() for ch in token.text)]


def _save(words: FrozenSet[str], directory: Path) -> None:
    (directory / _FILE).write_text(json.dumps(sorted(words), ensure_ascii=False), encoding="utf-8")


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=True)
class UnknownWordsClassifier(StoredModelComponent[FrozenSet[str]]):
    """Zeroes the intent's confidence when none of 3+ words was ever seen, so Rasa's
    FallbackClassifier (next in the pipeline) marks the message `nlu_fallback`."""

    @classmethod
    def _read_model(cls, directory: Path) -> FrozenSet[str]:
        return frozenset(json.loads((directory / _FILE).read_text(encoding="utf-8")))

    def train(self, training_data: TrainingData) -> Resource:
        examples: Iterable[Message] = training_data.training_examples
        return self._store_model(frozenset(w for message in examples for w in _words(message)), _save)

    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            if not self._model or message.get(ENTITIES):
                continue
            words = _words(message)
            intent = message.get(INTENT)
            if len(words) >= MIN_WORDS and intent and not any(word in self._model for word in words):
                message.set(INTENT, {**intent, PREDICTED_CONFIDENCE_KEY: 0.0}, add_to_output=True)
        return messages
