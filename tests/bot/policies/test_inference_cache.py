"""A repeated model input is answered from memory, and only an identical one."""

from __future__ import annotations

import numpy as np
import pytest

from bot.policies.inference_cache import InferenceCache, digest

SITUATION = [{"user": {"intent": "greet"}, "prev_action": {"action_name": "action_listen"}}]


class _CountingModel:
    def __init__(self) -> None:
        self.calls = 0

    def __call__(self, states):
        self.calls += 1
        return {"probabilities": [0.1 * self.calls, 0.9], "states": len(states)}


def _ask(cache: InferenceCache, model: _CountingModel, states):
    return cache.get_or_compute(digest(states), lambda: model(states))


def test_a_situation_seen_before_is_answered_without_running_the_model():
    cache, model = InferenceCache(), _CountingModel()
    first = _ask(cache, model, SITUATION)
    again = _ask(cache, model, [{"prev_action": {"action_name": "action_listen"}, "user": {"intent": "greet"}}])
    assert model.calls == 1
    assert again == first
    assert (cache.stats.hits, cache.stats.misses) == (1, 1)


@pytest.mark.parametrize(
    "other",
    [
        [{"user": {"intent": "thank"}, "prev_action": {"action_name": "action_listen"}}],  # another intent
        [{"user": {"intent": "greet", "entities": ("service",)}, "prev_action": {"action_name": "action_listen"}}],
        [{"user": {"intent": "greet"}, "prev_action": {"action_name": "action_listen"}, "slots": {"x": (1.0,)}}],
        [{}, *SITUATION],  # one more turn of history
    ],
)
def test_a_situation_differing_in_anything_runs_the_model_again(other):
    cache, model = InferenceCache(), _CountingModel()
    _ask(cache, model, SITUATION)
    _ask(cache, model, other)
    assert model.calls == 2


def test_numpy_numbers_digest_like_python_numbers_and_other_objects_are_not_cached():
    assert digest({"slots": {"x": (np.float32(0.5),)}}) == digest({"slots": {"x": (0.5,)}})
    assert digest({"slots": {"x": object()}}) is None
    cache, model = InferenceCache(), _CountingModel()
    cache.get_or_compute(None, lambda: model(SITUATION))
    cache.get_or_compute(None, lambda: model(SITUATION))
    assert model.calls == 2 and cache.stats.uncacheable == 2


def test_changing_a_returned_output_does_not_change_what_the_next_caller_gets():
    cache, model = InferenceCache(), _CountingModel()
    first = _ask(cache, model, SITUATION)
    first["probabilities"][0] = -99.0
    assert _ask(cache, model, SITUATION)["probabilities"][0] == pytest.approx(0.1)


def test_the_least_recently_used_situation_is_forgotten_beyond_the_capacity():
    cache, model = InferenceCache(capacity=2), _CountingModel()
    situations = [[{"user": {"intent": name}}] for name in ("a", "b", "c")]
    _ask(cache, model, situations[0])
    _ask(cache, model, situations[1])
    _ask(cache, model, situations[0])  # "a" used again: "b" is now the oldest
    _ask(cache, model, situations[2])
    assert len(cache) == 2
    _ask(cache, model, situations[0])
    assert model.calls == 3
    _ask(cache, model, situations[1])
    assert model.calls == 4


def test_a_cache_without_room_runs_the_model_every_time():
    cache, model = InferenceCache(capacity=0), _CountingModel()
    _ask(cache, model, SITUATION)
    _ask(cache, model, SITUATION)
    assert model.calls == 2 and len(cache) == 0
    with pytest.raises(ValueError):
        InferenceCache(capacity=-1)
