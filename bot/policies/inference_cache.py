"""Remembers the outputs of a deterministic model for the exact inputs it has seen.

A dialogue policy's network sees only the last few dialogue states (intents, entities,
slots, previous actions), so a citizen service meets the same inputs again and again:
every "hello" that opens a conversation, every "thanks" after an answer. Running the
network again on an identical input gives an identical output; looking it up costs
microseconds where featurizing and running TensorFlow cost milliseconds of CPU.

The key is a digest of the whole input, so two inputs share an entry only when the
model could not tell them apart.
"""

from __future__ import annotations

import copy
import hashlib
import json
import threading
from collections import OrderedDict
from dataclasses import dataclass
from typing import Any, Callable, Generic, Optional, TypeVar

OutputT = TypeVar("OutputT")

#: Entries kept by default: a few thousand dialogue situations, a few MB.
DEFAULT_CAPACITY = 4096


def _plain(value: Any) -> Any:
    if hasattr(value, "item") and callable(value.item):  # a NumPy scalar
        return value.item()
    raise TypeError(f"cannot digest {type(value).__name__}")


def digest(value: Any) -> Optional[bytes]:
    """A digest of a JSON-like value (tuples count as lists, key order ignored), or None
    when it holds something else (then the input is not cached)."""
    try:
        text = json.dumps(value, sort_keys=True, ensure_ascii=False, default=_plain)
    except (TypeError, ValueError):
        return None
    return hashlib.blake2b(text.encode("utf-8"), digest_size=20).digest()


@dataclass
class CacheStats:
    """How often the model was spared."""

    hits: int = 0
    misses: int = 0
    uncacheable: int = 0


class InferenceCache(Generic[OutputT]):
    """A bounded least-recently-used map from input digests to model outputs.

    Callers get a deep copy of the stored output, so a caller that edits its result in
    place cannot change what the next caller sees.
    """

    def __init__(self, capacity: int = DEFAULT_CAPACITY) -> None:
        """`capacity` 0 remembers nothing (every input computes), e.g. to measure without."""
        if capacity < 0:
            raise ValueError("capacity must not be negative")
        self._capacity = capacity
        self._entries: "OrderedDict[bytes, OutputT]" = OrderedDict()
        self._lock = threading.Lock()
        self.stats = CacheStats()

    def __len__(self) -> int:
        return len(self._entries)

    def get_or_compute(self, key: Optional[bytes], compute: Callable[[], OutputT]) -> OutputT:
        """The output for the input digested as `key`, from the cache or from `compute()`
        (then remembered). A None key (an input that cannot be digested) always computes."""
        if key is None or self._capacity == 0:
            self.stats.uncacheable += 1
            return compute()
        with self._lock:
            cached = self._entries.get(key)
            if cached is not None:
                self._entries.move_to_end(key)
                self.stats.hits += 1
                return copy.deepcopy(cached)
        output = compute()
        with self._lock:
            self.stats.misses += 1
            self._entries[key] = copy.deepcopy(output)
            self._entries.move_to_end(key)
            while len(self._entries) > self._capacity:
                self._entries.popitem(last=False)
        return output
