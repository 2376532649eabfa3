"""A Rasa tokenizer that segments every contract script (see `bot.tokenization`)."""

from __future__ import annotations

from typing import Any, Dict, List, Optional, Text

from rasa.engine.graph import ExecutionContext
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.tokenizers.tokenizer import Token, Tokenizer
from rasa.shared.nlu.training_data.message import Message

from bot.tokenization import segment, warm_up


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.MESSAGE_TOKENIZER, is_trainable=False)
class MultiScriptTokenizer(Tokenizer):
    """White space for spaced scripts; dictionary segmenters for Thai, Lao, Khmer, Chinese, Japanese."""

    @staticmethod
    def get_default_config() -> Dict[Text, Any]:
        return {"intent_tokenization_flag": False, "intent_split_symbol": "_", "token_pattern": None}

    @staticmethod
    def not_supported_languages() -> Optional[List[Text]]:
        return None

    @classmethod
    def create(
        cls,
        config: Dict[Text, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> "MultiScriptTokenizer":
        warm_up()  # dictionaries load with the model, not on the first citizen's message
        return cls(config)

    def tokenize(self, message: Message, attribute: Text) -> List[Token]:
        text = message.get(attribute) or ""
        spans = segment(text)
        if not spans:  # like Rasa's own tokenizers: one token, so every featurizer has a row
            return [Token(text, 0)]
        return self._apply_token_pattern([Token(word, start) for word, start in spans])
