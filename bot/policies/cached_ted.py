"""Rasa's TED policy with its network's outputs remembered per exact input.

TED is the most expensive step of choosing the next action: two or three predictions per
citizen message, each a TensorFlow call costing milliseconds of CPU, even though most
conversations pass through the same few dialogue situations. `CachedTEDPolicy` trains and
predicts exactly as `TEDPolicy` does and answers a repeated input from an
`InferenceCache`, which changes no prediction (the key is the network's whole input) and
frees CPU for more citizens per replica.
"""

from __future__ import annotations

from typing import Any, Dict, Optional, Text, Tuple

import numpy as np
from rasa.core.policies.policy import PolicyPrediction
from rasa.core.policies.ted_policy import TEDPolicy
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.shared.core.domain import Domain
from rasa.shared.core.generator import TrackerWithCachedStates
from rasa.shared.core.trackers import DialogueStateTracker

from bot.policies.inference_cache import DEFAULT_CAPACITY, InferenceCache

#: config.yml key: how many distinct network inputs one replica remembers.
CACHE_SIZE_KEY = "inference_cache_size"
_INSTALLED = "_citizen_inference_cache"


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.POLICY_WITH_END_TO_END_SUPPORT, is_trainable=True)
class CachedTEDPolicy(TEDPolicy):
    """TEDPolicy whose network runs once per distinct input per replica."""

    @staticmethod
    def get_default_config() -> Dict[Text, Any]:
        return {**TEDPolicy.get_default_config(), CACHE_SIZE_KEY: DEFAULT_CAPACITY}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.inference_cache: InferenceCache[Dict[Text, Any]] = InferenceCache(
            int(self.config.get(CACHE_SIZE_KEY, DEFAULT_CAPACITY))
        )

    def _install_cache(self) -> None:
        """Routes the loaded network's predictions through the cache (once per network)."""
        model = self.model
        if model is None or getattr(model, _INSTALLED, None) is self.inference_cache:
            return
        predict = model._rasa_predict
        cache = self.inference_cache

        def cached_predict(batch_in: Tuple[np.ndarray, ...]) -> Dict[Text, Any]:
            return cache.get_or_compute(batch_in, lambda: predict(batch_in))

        # Set on the instance, past Keras's attribute tracking: a function is not a layer.
        object.__setattr__(model, "_rasa_predict", cached_predict)
        object.__setattr__(model, _INSTALLED, cache)

    def predict_action_probabilities(
        self,
        tracker: DialogueStateTracker | TrackerWithCachedStates,
        domain: Domain,
        rule_only_data: Optional[Dict[Text, Any]] = None,
        precomputations: Optional[Any] = None,
        **kwargs: Any,
    ) -> PolicyPrediction:
        self._install_cache()
        return super().predict_action_probabilities(
            tracker, domain, rule_only_data=rule_only_data, precomputations=precomputations, **kwargs
        )
