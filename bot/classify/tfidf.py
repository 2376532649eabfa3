"""TF-IDF n-gram features that can be saved as arrays and JSON and rebuilt exactly.

scikit-learn fits the vocabulary and IDF weights; transforming a single message is done
here from those arrays, so a trained model needs no pickle to be loaded.
"""

from __future__ import annotations

import math
from collections import defaultdict
from typing import Any, Dict, Sequence, Tuple

import numpy as np
from scipy.sparse import csr_matrix
from sklearn.feature_extraction.text import TfidfVectorizer


class TfidfFeatures:
    """Sublinear TF-IDF over one analyzer (`char_wb` or `word`), L2-normalized."""

    def __init__(self, params: Dict[str, Any], vocabulary: Dict[str, int], idf: np.ndarray) -> None:
        self.params = params
        self.vocabulary = vocabulary
        self.idf = idf
        self._analyze = TfidfVectorizer(lowercase=True, **_sklearn_params(params)).build_analyzer()

    @classmethod
    def fit_transform(cls, texts: Sequence[str], params: Dict[str, Any]) -> Tuple["TfidfFeatures", csr_matrix]:
        """The fitted features and the training matrix (scikit-learn computes the same
        values as `sparse_vector`: sublinear TF times IDF, L2-normalized)."""
        vectorizer = TfidfVectorizer(lowercase=True, sublinear_tf=True, **_sklearn_params(params))
        matrix = vectorizer.fit_transform(texts)
        vocabulary = {gram: int(index) for gram, index in vectorizer.vocabulary_.items()}
        return cls(params, vocabulary, vectorizer.idf_.astype(np.float64)), matrix.tocsr()

    @property
    def size(self) -> int:
        return len(self.vocabulary)

    def sparse_vector(self, text: str) -> Tuple[np.ndarray, np.ndarray]:
        """Indices and values of the non-zero features of `text`."""
        counts: Dict[int, int] = defaultdict(int)
        for gram in self._analyze(text):
            index = self.vocabulary.get(gram)
            if index is not None:
                counts[index] += 1
        if not counts:
            return np.zeros(0, dtype=np.int64), np.zeros(0)
        indices = np.fromiter(counts.keys(), dtype=np.int64)
        values = np.array([(1.0 + math.log(counts[i])) * self.idf[i] for i in indices])
        return indices, values / np.linalg.norm(values)

    def to_json(self) -> Dict[str, Any]:
        return {"params": self.params, "vocabulary": self.vocabulary}

    @classmethod
    def from_json(cls, data: Dict[str, Any], idf: np.ndarray) -> "TfidfFeatures":
        return cls(data["params"], data["vocabulary"], idf)


def _sklearn_params(params: Dict[str, Any]) -> Dict[str, Any]:
    converted = dict(params)
    if "ngram_range" in converted:
        converted["ngram_range"] = tuple(converted["ngram_range"])
    return converted
