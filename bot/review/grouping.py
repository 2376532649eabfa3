"""Groups unanswered questions that say the same thing, so reviewers see counts, not lists.

Texts are normalized (case, width, punctuation, digits), identical ones merged, then
near-identical ones joined when their character trigrams overlap enough (Jaccard). Works
across scripts without segmentation, and stays fast by comparing only distinct texts.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from typing import Dict, FrozenSet, Iterable, List, Tuple

SIMILAR = 0.5
#: Only this many distinct texts (the most frequent) are compared pairwise.
MAX_DISTINCT = 600
_NOISE = re.compile(r"[\W\d_]+", re.UNICODE)


def normalize(text: str) -> str:
    return " ".join(_NOISE.sub(" ", unicodedata.normalize("NFKC", text).casefold()).split())


def _trigrams(text: str) -> FrozenSet[str]:
    padded = f"  {text} "
    return frozenset(padded[i : i + 3] for i in range(len(padded) - 2))


@dataclass
class Group:
    """Questions that say the same thing: a representative, how many, in which languages."""

    text: str
    count: int = 0
    languages: Dict[str, int] = field(default_factory=dict)
    record_ids: List[int] = field(default_factory=list)


def group_texts(items: Iterable[Tuple[int, str, str]]) -> List[Group]:
    """Groups (record id, text, language) items; the largest groups first."""
    exact: Dict[str, Group] = {}
    for record_id, text, language in items:
        key = normalize(text) or text
        group = exact.setdefault(key, Group(text=text))
        group.count += 1
        group.languages[language] = group.languages.get(language, 0) + 1
        group.record_ids.append(record_id)
    ranked = sorted(exact.items(), key=lambda item: -item[1].count)
    merged: List[Tuple[FrozenSet[str], Group]] = []
    for key, group in ranked[:MAX_DISTINCT]:
        grams = _trigrams(key)
        for other_grams, other in merged:
            union = len(grams | other_grams)
            if union and len(grams & other_grams) / union >= SIMILAR:
                other.count += group.count
                other.record_ids += group.record_ids
                for language, count in group.languages.items():
                    other.languages[language] = other.languages.get(language, 0) + count
                break
        else:
            merged.append((grams, group))
    groups = [group for _, group in merged] + [group for _, group in ranked[MAX_DISTINCT:]]
    return sorted(groups, key=lambda group: -group.count)
