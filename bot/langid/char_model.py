"""A character n-gram naive Bayes model of how each language looks in our domain.

pycld2 knows languages in general but not romanized Hindi, Urdu, Bengali or Nepali, nor
very short messages about passports; this model, trained on the assistant's own training
data (the folder a sentence is in is its language), fills those gaps. It is small, plain
JSON (no pickle), and trains in about a second.
"""

from __future__ import annotations

import json
import math
import re
from collections import Counter, defaultdict
from pathlib import Path
from typing import Dict, Iterable, List, Mapping, Optional, Sequence, Tuple

_MAX_N = 4
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
#: How sharply scores turn into probabilities; chosen on the held-out set (calibration).
_SHARPNESS = 4.0


def ngrams(text: str) -> List[str]:
    """Character 1- to 4-grams of each word, padded with spaces (scikit-learn's char_wb)."""
    grams: List[str] = []
    for word in _WORD.findall(text.casefold()):
        padded = f" {word} "
        for n in range(1, _MAX_N + 1):
            grams.extend(padded[i : i + n] for i in range(len(padded) - n + 1))
    return grams


class CharNgramModel:
    """Multinomial naive Bayes over character n-grams, one class per language code."""

    def __init__(
        self, log_probs: Dict[str, Dict[str, float]], unseen: Dict[str, float], priors: Dict[str, float]
    ) -> None:
        self._log_probs = log_probs
        self._unseen = unseen
        self._priors = priors

    @property
    def languages(self) -> Sequence[str]:
        return sorted(self._priors)

    @classmethod
    def train(cls, examples: Iterable[Tuple[str, str]], alpha: float = 0.1) -> "CharNgramModel":
        counts: Dict[str, Counter] = defaultdict(Counter)
        documents: Counter = Counter()
        for text, language in examples:
            counts[language].update(ngrams(text))
            documents[language] += 1
        vocabulary = {gram for counter in counts.values() for gram in counter}
        log_probs, unseen = {}, {}
        for language, counter in counts.items():
            total = sum(counter.values()) + alpha * len(vocabulary)
            log_probs[language] = {gram: math.log((count + alpha) / total) for gram, count in counter.items()}
            unseen[language] = math.log(alpha / total)
        all_documents = sum(documents.values())
        priors = {language: math.log(count / all_documents) for language, count in documents.items()}
        return cls(log_probs, unseen, priors)

    def probabilities(self, text: str, among: Optional[Iterable[str]] = None) -> Dict[str, float]:
        """P(language | text) among `among` (all languages by default); empty without letters."""
        grams = ngrams(text)
        if not grams:
            return {}
        candidates = [language for language in (among or self._priors) if language in self._priors]
        scores = {
            language: (sum(self._log_probs[language].get(g, self._unseen[language]) for g in grams)) / len(grams)
            for language in candidates
        }
        if not scores:
            return {}
        best = max(scores.values())
        weights = {
            language: math.exp(_SHARPNESS * len(grams) ** 0.5 * (score - best)) for language, score in scores.items()
        }
        total = sum(weights.values())
        return {language: weight / total for language, weight in weights.items()}

    def to_json(self) -> str:
        return json.dumps(
            {"log_probs": self._log_probs, "unseen": self._unseen, "priors": self._priors}, ensure_ascii=False
        )

    @classmethod
    def from_json(cls, payload: str) -> "CharNgramModel":
        data = json.loads(payload)
        return cls(data["log_probs"], data["unseen"], data["priors"])

    def save(self, path: Path) -> None:
        path.write_text(self.to_json(), encoding="utf-8")

    @classmethod
    def load(cls, path: Path) -> "CharNgramModel":
        return cls.from_json(path.read_text(encoding="utf-8"))


def by_language(probabilities: Mapping[str, float]) -> List[Tuple[str, float]]:
    return sorted(probabilities.items(), key=lambda item: item[1], reverse=True)
