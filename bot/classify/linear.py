"""Logistic regression over TF-IDF n-grams, optionally joined with dense vectors.

Used for intents (character n-grams + multilingual sentence embeddings) and, per script,
for language identification (character + word n-grams). Saved as `.npz` arrays without
pickles plus a JSON index.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Dict, List, Optional, Sequence

import numpy as np
from scipy.sparse import csr_matrix, hstack
from sklearn.linear_model import LogisticRegression

from bot.classify.tfidf import TfidfFeatures


class LinearTextClassifier:
    """Multinomial logistic regression; `probabilities` gives P(label | text[, dense])."""

    def __init__(
        self,
        labels: List[str],
        features: List[TfidfFeatures],
        coef: np.ndarray,
        intercept: np.ndarray,
        dense_dim: int = 0,
    ) -> None:
        self.labels = labels
        self.features = features
        self.coef = coef
        self.intercept = intercept
        self.dense_dim = dense_dim

    @classmethod
    def train(
        cls,
        texts: Sequence[str],
        labels: Sequence[str],
        feature_params: Sequence[Dict[str, Any]],
        dense: Optional[np.ndarray] = None,
        c: float = 10.0,
        languages: Optional[Sequence[str]] = None,
    ) -> "LinearTextClassifier":
        """`languages` (one per text) feed the feature blocks with `by_language: true`."""
        fitted = [TfidfFeatures.fit_transform(texts, params, languages) for params in feature_params]
        features = [f for f, _ in fitted]
        blocks = [matrix for _, matrix in fitted]
        if dense is not None:
            blocks.append(csr_matrix(dense))
        model = LogisticRegression(C=c, max_iter=3000)
        model.fit(hstack(blocks).tocsr(), list(labels))
        coef, intercept = model.coef_, model.intercept_
        if len(model.classes_) == 2:  # binary: expand to one row per class
            coef = np.vstack([-coef[0] / 2, coef[0] / 2])
            intercept = np.array([-intercept[0] / 2, intercept[0] / 2])
        return cls(
            [str(c) for c in model.classes_],
            features,
            coef.astype(np.float64),
            intercept.astype(np.float64),
            0 if dense is None else dense.shape[1],
        )

    def probabilities(
        self, text: str, dense: Optional[np.ndarray] = None, language: Optional[str] = None
    ) -> Dict[str, float]:
        scores = self.intercept.copy()
        offset = 0
        for feature in self.features:
            indices, values = feature.sparse_vector(text, language)
            if len(indices):
                scores += self.coef[:, offset + indices] @ values
            offset += feature.size
        if self.dense_dim and dense is not None:
            scores += self.coef[:, offset : offset + self.dense_dim] @ np.asarray(dense, dtype=np.float64).reshape(-1)
        exp = np.exp(scores - scores.max())
        return dict(zip(self.labels, (exp / exp.sum()).tolist(), strict=True))

    def save(self, directory: Path, name: str) -> None:
        directory.mkdir(parents=True, exist_ok=True)
        arrays = {"coef": self.coef, "intercept": self.intercept}
        arrays.update({f"idf_{i}": f.idf for i, f in enumerate(self.features)})
        np.savez_compressed(directory / f"{name}.npz", **arrays)
        meta = {"labels": self.labels, "dense_dim": self.dense_dim, "features": [f.to_json() for f in self.features]}
        (directory / f"{name}.json").write_text(json.dumps(meta, ensure_ascii=False), encoding="utf-8")

    @classmethod
    def load(cls, directory: Path, name: str) -> "LinearTextClassifier":
        meta = json.loads((directory / f"{name}.json").read_text(encoding="utf-8"))
        with np.load(directory / f"{name}.npz", allow_pickle=False) as arrays:
            features = [TfidfFeatures.from_json(data, arrays[f"idf_{i}"]) for i, data in enumerate(meta["features"])]
            return cls(meta["labels"], features, arrays["coef"], arrays["intercept"], meta["dense_dim"])
