"""Per-script logistic regression over character and word n-grams, trained on our data.

Within one script (Latin, Devanagari, Arabic, Han) the languages that share it differ by
spelling habits and small words: romanized Hindi "kitna", Urdu "shukriya", Malaysian
"nak", Indonesian "mau", Taglish "po". A discriminative model over TF-IDF n-grams learns
these from the training data folders (a file's folder is its language). It is stored as
plain arrays (NumPy `.npz` without pickles, and JSON vocabularies), never as a pickle.
"""

from __future__ import annotations

import json
import math
from collections import defaultdict
from pathlib import Path
from typing import Dict, Iterable, List, Optional, Sequence, Tuple

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression

from bot.langid.scripts import script_counts

_VECTORIZERS = {
    "char": {"analyzer": "char_wb", "ngram_range": (1, 4)},
    "word": {"analyzer": "word", "ngram_range": (1, 1), "token_pattern": r"[^\W\d_]+"},
}
#: Inverse regularization strength, chosen on the held-out set.
_C = 10.0


def _analyzers() -> Dict[str, object]:
    return {name: TfidfVectorizer(lowercase=True, **params).build_analyzer() for name, params in _VECTORIZERS.items()}


def dominant_script(text: str) -> Optional[str]:
    counts = script_counts(text)
    return counts.most_common(1)[0][0] if counts else None


class _ScriptModel:
    """One logistic regression for the languages written in one script."""

    def __init__(self, classes: List[str], vocabularies: Dict[str, Dict[str, int]], idf: Dict[str, np.ndarray], coef: np.ndarray, intercept: np.ndarray) -> None:
        self.classes = classes
        self.vocabularies = vocabularies
        self.idf = idf
        self.coef = coef
        self.intercept = intercept
        self._analyzers = _analyzers()

    def _features(self, text: str) -> np.ndarray:
        parts = []
        for name in _VECTORIZERS:
            vocabulary, idf = self.vocabularies[name], self.idf[name]
            counts: Dict[int, int] = defaultdict(int)
            for gram in self._analyzers[name](text):
                index = vocabulary.get(gram)
                if index is not None:
                    counts[index] += 1
            vector = np.zeros(len(vocabulary), dtype=np.float64)
            for index, count in counts.items():
                vector[index] = (1.0 + math.log(count)) * idf[index]
            norm = np.linalg.norm(vector)
            parts.append(vector / norm if norm else vector)
        return np.concatenate(parts)

    def probabilities(self, text: str) -> Dict[str, float]:
        scores = self.coef @ self._features(text) + self.intercept
        if len(self.classes) == 2 and scores.shape[0] == 1:
            p = 1.0 / (1.0 + math.exp(-float(scores[0])))
            return {self.classes[0]: 1.0 - p, self.classes[1]: p}
        exp = np.exp(scores - scores.max())
        return dict(zip(self.classes, (exp / exp.sum()).tolist(), strict=True))

    @classmethod
    def train(cls, texts: Sequence[str], labels: Sequence[str]) -> "_ScriptModel":
        vectorizers = {name: TfidfVectorizer(lowercase=True, sublinear_tf=True, **params) for name, params in _VECTORIZERS.items()}
        matrices = [vectorizer.fit_transform(texts) for vectorizer in vectorizers.values()]
        from scipy.sparse import hstack

        classifier = LogisticRegression(C=_C, max_iter=3000)
        classifier.fit(hstack(matrices).tocsr(), labels)
        return cls(
            classes=[str(c) for c in classifier.classes_],
            vocabularies={name: {gram: int(i) for gram, i in v.vocabulary_.items()} for name, v in vectorizers.items()},
            idf={name: v.idf_.astype(np.float64) for name, v in vectorizers.items()},
            coef=classifier.coef_.astype(np.float64),
            intercept=classifier.intercept_.astype(np.float64),
        )


class ScriptLanguageModel:
    """A `_ScriptModel` for each script shared by several contract languages."""

    def __init__(self, models: Dict[str, _ScriptModel]) -> None:
        self._models = models

    @classmethod
    def train(cls, examples: Iterable[Tuple[str, str]], scripts: Dict[str, Sequence[str]]) -> "ScriptLanguageModel":
        """Fits one model per script in `scripts` on examples written in that script."""
        grouped: Dict[str, Tuple[List[str], List[str]]] = {script: ([], []) for script in scripts}
        for text, language in examples:
            script = dominant_script(text)
            if script in grouped and language in scripts[script]:
                grouped[script][0].append(text)
                grouped[script][1].append(language)
        models = {
            script: _ScriptModel.train(texts, labels)
            for script, (texts, labels) in grouped.items()
            if len(set(labels)) >= 2
        }
        return cls(models)

    def probabilities(self, text: str, script: str) -> Dict[str, float]:
        model = self._models.get(script)
        return model.probabilities(text) if model else {}

    def save(self, directory: Path) -> None:
        directory.mkdir(parents=True, exist_ok=True)
        index = {}
        for script, model in self._models.items():
            arrays = {"coef": model.coef, "intercept": model.intercept}
            arrays.update({f"idf_{name}": idf for name, idf in model.idf.items()})
            np.savez_compressed(directory / f"{script}.npz", **arrays)
            index[script] = {"classes": model.classes, "vocabularies": model.vocabularies}
        (directory / "index.json").write_text(json.dumps(index, ensure_ascii=False), encoding="utf-8")

    @classmethod
    def load(cls, directory: Path) -> "ScriptLanguageModel":
        index = json.loads((directory / "index.json").read_text(encoding="utf-8"))
        models = {}
        for script, meta in index.items():
            with np.load(directory / f"{script}.npz", allow_pickle=False) as arrays:
                models[script] = _ScriptModel(
                    classes=meta["classes"],
                    vocabularies=meta["vocabularies"],
                    idf={name: arrays[f"idf_{name}"] for name in _VECTORIZERS},
                    coef=arrays["coef"],
                    intercept=arrays["intercept"],
                )
        return cls(models)
