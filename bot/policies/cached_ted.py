"""Rasa's TED policy with its predictions remembered per dialogue situation.

TED is the most expensive step of choosing the next action: two or three predictions per
citizen message, each featurizing the recent dialogue and running TensorFlow, even though
most conversations pass through the same few situations. TED's input is the last
`max_history` dialogue states (intent, entities, slots, previous action, active form),
each made of names and numbers; when no state carries message text (end-to-end
training), those states decide the prediction completely. `CachedTEDPolicy` trains and
predicts exactly as `TEDPolicy` does and answers a situation it has met before from an
`InferenceCache` keyed by those states, which changes no prediction and frees CPU for
more citizens per replica.
"""

from __future__ import annotations

from typing import Any, Dict, List, Optional, Text

from rasa.core.policies.policy import PolicyPrediction, SupportedData
from rasa.core.policies.ted_policy import TEDPolicy
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.shared.core.domain import Domain, State
from rasa.shared.core.generator import TrackerWithCachedStates
from rasa.shared.core.trackers import DialogueStateTracker
from rasa.shared.nlu.constants import ACTION_TEXT, TEXT

from bot.policies.inference_cache import DEFAULT_CAPACITY, InferenceCache, digest

#: config.yml key: how many distinct dialogue situations one replica remembers.
CACHE_SIZE_KEY = "inference_cache_size"


def _carries_text(states: List[State]) -> bool:
    return any(TEXT in part or ACTION_TEXT in part for state in states for part in state.values())


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.POLICY_WITH_END_TO_END_SUPPORT, is_trainable=True)
class CachedTEDPolicy(TEDPolicy):
    """TEDPolicy that predicts once per distinct dialogue situation per replica."""

    @staticmethod
    def get_default_config() -> Dict[Text, Any]:
        return {**TEDPolicy.get_default_config(), CACHE_SIZE_KEY: DEFAULT_CAPACITY}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.inference_cache: InferenceCache[PolicyPrediction] = InferenceCache(
            int(self.config.get(CACHE_SIZE_KEY, DEFAULT_CAPACITY))
        )

    def _situation_key(
        self, tracker: DialogueStateTracker, domain: Domain, rule_only_data: Optional[Dict[Text, Any]]
    ) -> Optional[bytes]:
        """A digest of the states TED featurizes (as `Policy._featurize_for_prediction`
        selects them), or None when message text takes part and the states do not decide."""
        if self.model is None or self.only_e2e or TEXT in self.fake_features:
            return None
        ml_only = self.supported_data() == SupportedData.ML_DATA
        states = self.featurizer.prediction_states(
            [tracker],
            domain,
            use_text_for_last_user_input=False,
            ignore_rule_only_turns=ml_only,
            rule_only_data=rule_only_data,
            ignore_action_unlikely_intent=ml_only,
        )[0]
        return None if _carries_text(states) else digest(states)

    def predict_action_probabilities(
        self,
        tracker: DialogueStateTracker | TrackerWithCachedStates,
        domain: Domain,
        rule_only_data: Optional[Dict[Text, Any]] = None,
        precomputations: Optional[Any] = None,
        **kwargs: Any,
    ) -> PolicyPrediction:
        return self.inference_cache.get_or_compute(
            self._situation_key(tracker, domain, rule_only_data),
            lambda: super(CachedTEDPolicy, self).predict_action_probabilities(
                tracker, domain, rule_only_data=rule_only_data, precomputations=precomputations, **kwargs
            ),
        )
