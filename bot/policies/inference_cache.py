"""Remembers the outputs of a deterministic model for the exact inputs it has seen.

A dialogue policy's network sees only the last few dialogue states (intents, slots,
previous actions), so a citizen service meets the same inputs again and again: every
"hello" that opens a conversation, every "thanks" after an answer. Running the network
again on identical numbers gives identical numbers; looking them up costs microseconds
where TensorFlow costs milliseconds of CPU per prediction.

The key is a digest of every input array's dtype, shape and bytes, so two inputs share
an entry only when the model could not tell them apart.
"""

from __future__ import annotations

import copy
import hashlib
import threading
from collections import OrderedDict
from dataclasses import dataclass
from typing import Callable, Generic, Optional, Sequence, TypeVar

import numpy as np

OutputT = TypeVar("OutputT")

#: Entries kept by default: a few thousand dialogue situations, a few MB of arrays.
DEFAULT_CAPACITY = 4096


def input_digest(arrays: Sequence[object]) -> Optional[bytes]:
    """A digest of the arrays' dtypes, shapes and contents; None when one is not a plain
    numeric array (an object array's bytes are pointers, not values)."""
    digest = hashlib.blake2b(digest_size=20)
    for array in arrays:
        if not isinstance(array, np.ndarray) or array.dtype.hasobject:
            return None
        digest.update(f"{array.dtype.str}{array.shape};".encode())
        digest.update(np.ascontiguousarray(array).tobytes())
    return digest.digest()


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
        if capacity < 1:
            raise ValueError("capacity must be at least 1")
        self._capacity = capacity
        self._entries: "OrderedDict[bytes, OutputT]" = OrderedDict()
        self._lock = threading.Lock()
        self.stats = CacheStats()

    def __len__(self) -> int:
        return len(self._entries)

    def get_or_compute(self, arrays: Sequence[object], compute: Callable[[], OutputT]) -> OutputT:
        """The output for `arrays`, from the cache or from `compute()` (then remembered)."""
        key = input_digest(arrays)
        if key is None:
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
