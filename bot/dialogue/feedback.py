"""Reading a rating and a comment from what a citizen typed."""

from __future__ import annotations

import re
from typing import Optional

from bot.applications.reference import fold_digits

#: Comments are kept whole up to this size; beyond it, the rest is cut with a marker.
MAX_COMMENT_CHARS = 20000

_NUMBER = re.compile(r"(?<![\d.])(-?\d+)(?![\d.])")
_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "zero": 0}


def read_rating(text: str) -> Optional[int]:
    """The number the citizen gave, any size (range is checked by the caller), or None."""
    folded = fold_digits(text)
    match = _NUMBER.search(folded)
    if match:
        return int(match.group(1))
    for word in re.findall(r"[a-z]+", folded.lower()):
        if word in _WORDS:
            return _WORDS[word]
    return None


def is_valid_rating(value: Optional[int]) -> bool:
    return value is not None and 1 <= value <= 5


def clean_comment(text: str) -> str:
    """The comment without control characters, trimmed, bounded in size."""
    kept = "".join(char for char in text if char in "\n\t" or char.isprintable())
    kept = kept.strip()
    if len(kept) > MAX_COMMENT_CHARS:
        kept = kept[:MAX_COMMENT_CHARS] + " […]"
    return kept
