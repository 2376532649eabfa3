"""Finds known names in text and maps them to ids (service names to service ids, ...).

The names come from agency-editable content (`content/names/`), so an agency adds
"rego" for vehicle registration without retraining. Matching ignores case, treats spaces
and hyphens alike and makes apostrophes optional; in scripts written without spaces
(Thai, Lao, Khmer, Chinese, Japanese) names match inside words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Dict, Iterable, List, Mapping, Pattern, Tuple

_NO_SPACE_SCRIPTS: Tuple[Tuple[int, int], ...] = (
    (0x0E00, 0x0EFF),  # Thai, Lao
    (0x1780, 0x17FF),  # Khmer
    (0x3040, 0x30FF),  # kana
    (0x3400, 0x9FFF),  # Han
    (0xF900, 0xFAFF),  # Han compatibility
)


def _written_without_spaces(term: str) -> bool:
    return any(low <= ord(char) <= high for char in term for low, high in _NO_SPACE_SCRIPTS)


def _term_pattern(term: str) -> str:
    parts = [re.escape(part) for part in re.split(r"[\s\-]+", term.strip()) if part]
    pattern = r"[\s\-]*".join(parts) if _written_without_spaces(term) else r"[\s\-]+".join(parts)
    return pattern.replace("'", "['’]?").replace("’", "['’]?")


@dataclass(frozen=True)
class EntityMatch:
    """A found name: its span in the text and the id it stands for."""

    start: int
    end: int
    text: str
    value: str


class Gazetteer:
    """Longest-match-first finder over a term → value table."""

    def __init__(self, terms: Mapping[str, str]) -> None:
        self._values: Dict[str, str] = {}
        spaced: List[str] = []
        unspaced: List[str] = []
        for term, value in terms.items():
            key = term.strip().casefold()
            if not key:
                continue
            self._values[key] = value
            (unspaced if _written_without_spaces(term) else spaced).append(term)
        self._pattern = self._compile(spaced, unspaced)
        self._lookup = {self._squash(term): value for term, value in self._values.items()}

    @staticmethod
    def _squash(text: str) -> str:
        return re.sub(r"[\s\-'’]+", "", text.casefold())

    @staticmethod
    def _compile(spaced: Iterable[str], unspaced: Iterable[str]) -> Pattern[str]:
        by_length = lambda terms: sorted(terms, key=len, reverse=True)  # noqa: E731
        alternatives = [rf"(?<!\w)(?:{'|'.join(_term_pattern(t) for t in by_length(spaced))})(?!\w)"] if spaced else []
        if unspaced:
            alternatives.append(f"(?:{'|'.join(_term_pattern(t) for t in by_length(unspaced))})")
        return re.compile("|".join(alternatives) or r"(?!x)x", re.IGNORECASE)

    def find(self, text: str) -> List[EntityMatch]:
        """Every non-overlapping known name in `text`, left to right."""
        matches = []
        for match in self._pattern.finditer(text):
            value = self._lookup.get(self._squash(match.group(0)))
            if value is not None:
                matches.append(EntityMatch(match.start(), match.end(), match.group(0), value))
        return matches
