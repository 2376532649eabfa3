"""TF-IDF n-gram features that can be saved as arrays and JSON and rebuilt exactly.

scikit-learn fits the vocabulary and IDF weights; transforming a single message is done
here from those arrays, so a trained model needs no pickle to be loaded.

With `by_language: true` every n-gram is tagged with the message's language ("fj|sega"),
so a shared model also learns weights specific to each language: the same letters mean
different things in Fijian and Malay, and a language the sentence encoder hardly knows
leans on its own n-grams.
"""

from __future__ import annotations

import math
from collections import defaultdict
from typing import Any, Callable, Dict, List, Optional, Sequence, Tuple

import numpy as np
from scipy.sparse import csr_matrix
from sklearn.feature_extraction.text import TfidfVectorizer


class TfidfFeatures:
    """Sublinear TF-IDF over one analyzer (`char_wb` or `word`), L2-normalized."""

    def __init__(self, params: Dict[str, Any], vocabulary: Dict[str, int], idf: np.ndarray) -> None:
        self.params = params
        self.vocabulary = vocabulary
        self.idf = idf
        self._analyze = _tagged_analyzer(params)

    @classmethod
    def fit_transform(
        cls, texts: Sequence[str], params: Dict[str, Any], languages: Optional[Sequence[str]] = None
    ) -> Tuple["TfidfFeatures", csr_matrix]:
        """The fitted features and the training matrix (scikit-learn computes the same
        values as `sparse_vector`: sublinear TF times IDF, L2-normalized)."""
        vectorizer = TfidfVectorizer(
            sublinear_tf=True, analyzer=_tagged_analyzer(params), max_features=params.get("max_features")
        )
        matrix = vectorizer.fit_transform(_documents(texts, languages))
        vocabulary = {gram: int(index) for gram, index in vectorizer.vocabulary_.items()}
        return cls(params, vocabulary, vectorizer.idf_.astype(np.float64)), matrix.tocsr()

    @property
    def size(self) -> int:
        return len(self.vocabulary)

    def sparse_vector(self, text: str, language: Optional[str] = None) -> Tuple[np.ndarray, np.ndarray]:
        """Indices and values of the non-zero features of `text` written in `language`."""
        counts: Dict[int, int] = defaultdict(int)
        for gram in self._analyze((language or "", text)):
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


def _documents(texts: Sequence[str], languages: Optional[Sequence[str]]) -> List[Tuple[str, str]]:
    if languages is None:
        return [("", text) for text in texts]
    return [(language or "", text) for language, text in zip(languages, texts, strict=True)]


def _tagged_analyzer(params: Dict[str, Any]) -> Callable[[Tuple[str, str]], List[str]]:
    """Analyzes a (language, text) document; grams carry the language when `by_language`."""
    sklearn_params = {k: v for k, v in params.items() if k not in ("by_language", "max_features")}
    if "ngram_range" in sklearn_params:
        sklearn_params["ngram_range"] = tuple(sklearn_params["ngram_range"])
    analyze = TfidfVectorizer(lowercase=True, **sklearn_params).build_analyzer()
    if not params.get("by_language"):
        return lambda document: analyze(document[1])
    return lambda document: [f"{document[0]}|{gram}" for gram in analyze(document[1])]
