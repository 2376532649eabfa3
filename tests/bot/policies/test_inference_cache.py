"""A repeated model input is answered from memory, and only an identical one."""

from __future__ import annotations

import numpy as np
import pytest

from bot.policies.inference_cache import InferenceCache, input_digest


class _CountingModel:
    def __init__(self) -> None:
        self.calls = 0

    def __call__(self, arrays):
        self.calls += 1
        return {"scores": np.asarray(arrays[0], dtype=np.float32).sum(keepdims=True) + self.calls}


def _ask(cache: InferenceCache, model: _CountingModel, *arrays: np.ndarray):
    return cache.get_or_compute(arrays, lambda: model(arrays))


def test_an_input_seen_before_is_answered_without_running_the_model():
    cache, model = InferenceCache(), _CountingModel()
    first = _ask(cache, model, np.array([1.0, 2.0]), np.array([[3]]))
    again = _ask(cache, model, np.array([1.0, 2.0]), np.array([[3]]))
    assert model.calls == 1
    np.testing.assert_array_equal(first["scores"], again["scores"])
    assert (cache.stats.hits, cache.stats.misses) == (1, 1)


@pytest.mark.parametrize(
    "other",
    [
        (np.array([1.0, 2.5]), np.array([[3]])),  # a value
        (np.array([1.0, 2.0]), np.array([3])),  # a shape
        (np.array([1.0, 2.0], dtype=np.float32), np.array([[3]])),  # a dtype
        (np.array([1.0, 2.0]),),  # an input fewer
    ],
)
def test_an_input_differing_in_anything_runs_the_model_again(other):
    cache, model = InferenceCache(), _CountingModel()
    _ask(cache, model, np.array([1.0, 2.0]), np.array([[3]]))
    _ask(cache, model, *other)
    assert model.calls == 2


def test_changing_a_returned_output_does_not_change_what_the_next_caller_gets():
    cache, model = InferenceCache(), _CountingModel()
    first = _ask(cache, model, np.array([1.0]))
    first["scores"][0] = -99.0
    assert _ask(cache, model, np.array([1.0]))["scores"][0] == 2.0


def test_the_least_recently_used_input_is_forgotten_beyond_the_capacity():
    cache, model = InferenceCache(capacity=2), _CountingModel()
    for value in (1.0, 2.0):
        _ask(cache, model, np.array([value]))
    _ask(cache, model, np.array([1.0]))  # 1.0 used again: 2.0 is now the oldest
    _ask(cache, model, np.array([3.0]))
    assert len(cache) == 2
    _ask(cache, model, np.array([1.0]))
    assert model.calls == 3
    _ask(cache, model, np.array([2.0]))
    assert model.calls == 4


def test_object_arrays_are_never_cached_since_their_bytes_are_pointers():
    assert input_digest([np.array([object()], dtype=object)]) is None
    cache, model = InferenceCache(), _CountingModel()
    objects = np.empty(1, dtype=object)
    objects[0] = 1.0
    cache.get_or_compute([objects], lambda: model([np.array([1.0])]))
    cache.get_or_compute([objects], lambda: model([np.array([1.0])]))
    assert model.calls == 2 and cache.stats.uncacheable == 2


def test_a_cache_without_room_is_refused():
    with pytest.raises(ValueError):
        InferenceCache(capacity=0)
