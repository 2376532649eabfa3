"""Per-script logistic regression over character and word n-grams, trained on our data.

Within one script (Latin, Devanagari, Arabic, Han) the languages that share it differ by
spelling habits and small words: romanized Hindi "kitna", Urdu "shukriya", Malaysian
"nak", Indonesian "mau", Taglish "po". A discriminative model over TF-IDF n-grams learns
these from the training data folders (a file's folder is its language).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Dict, Iterable, List, Optional, Sequence, Tuple

from bot.classify import LinearTextClassifier
from bot.langid.scripts import script_counts

FEATURES = (
    {"analyzer": "char_wb", "ngram_range": [1, 4]},
    {"analyzer": "word", "ngram_range": [1, 1], "token_pattern": r"[^\W\d_]+"},
)
#: Inverse regularization strength, chosen on the held-out set.
C = 10.0


def dominant_script(text: str) -> Optional[str]:
    counts = script_counts(text)
    return counts.most_common(1)[0][0] if counts else None


class ScriptLanguageModel:
    """A classifier for each script shared by several contract languages."""

    def __init__(self, models: Dict[str, LinearTextClassifier]) -> None:
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
        return cls(
            {
                script: LinearTextClassifier.train(texts, labels, FEATURES, c=C)
                for script, (texts, labels) in grouped.items()
                if len(set(labels)) >= 2
            }
        )

    def probabilities(self, text: str, script: str) -> Dict[str, float]:
        model = self._models.get(script)
        return model.probabilities(text) if model else {}

    def save(self, directory: Path) -> None:
        directory.mkdir(parents=True, exist_ok=True)
        for script, model in self._models.items():
            model.save(directory, script)
        (directory / "scripts.json").write_text(json.dumps(sorted(self._models)), encoding="utf-8")

    @classmethod
    def load(cls, directory: Path) -> "ScriptLanguageModel":
        scripts = json.loads((directory / "scripts.json").read_text(encoding="utf-8"))
        return cls({script: LinearTextClassifier.load(directory, script) for script in scripts})
