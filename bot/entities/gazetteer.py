"""Finds known names in text and maps them to ids (service names to service ids, ...).

The names come from agency-editable content (`content/names/`), so an agency adds
"rego" for vehicle registration without retraining. Matching ignores case, treats spaces
and hyphens alike and makes apostrophes optional. A name must start a word (the character
before it is not a letter, mark or digit of a spaced script); names of four characters or
more may carry suffixes, since many contract languages attach case endings and
postpositions (Turkish "pasaportumu", Nepali "राहदानीको", Korean "여권을"); Latin names
whose last word is shorter than that must end the word ("ic" is not "icon", Indonesian
"sim c" is not "sim card"), names in other scripts never need to. In scripts written without spaces (Thai, Lao,
Khmer, Chinese, Japanese) names match anywhere.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Dict, Iterable, List, Mapping, Pattern, Tuple

import regex

_NO_SPACE_SCRIPTS: Tuple[Tuple[int, int], ...] = (
    (0x0E00, 0x0EFF),  # Thai, Lao
    (0x1780, 0x17FF),  # Khmer
    (0x3040, 0x30FF),  # kana
    (0x3400, 0x9FFF),  # Han
    (0xF900, 0xFAFF),  # Han compatibility
)


def _written_without_spaces(term: str) -> bool:
    return any(low <= ord(char) <= high for char in term for low, high in _NO_SPACE_SCRIPTS)


#: Latin-script names whose last word is at least this long (letters) may carry suffixes.
MIN_SUFFIXED_LENGTH = 4
#: A letter, mark or digit of a script written with spaces (where words have boundaries).
_SPACED_WORD_CHAR = r"[[\p{L}\p{M}\p{N}]--[\p{Thai}\p{Lao}\p{Khmer}\p{Han}\p{Hiragana}\p{Katakana}]]"
_START = rf"(?<!{_SPACED_WORD_CHAR})"
_END = rf"(?!{_SPACED_WORD_CHAR})"


def _decomposed(text: str) -> Tuple[str, List[int]]:
    """NFD of `text` and, for each of its characters, the index it came from.

    Decomposing per character is exact for NFD and lets matches map back to the original
    text; it makes "য়" typed as one code point or two (Bengali), and "é" precomposed or
    not, the same.
    """
    pieces, origin = [], []
    for index, char in enumerate(text):
        decomposed = unicodedata.normalize("NFD", char)
        pieces.append(decomposed)
        origin.extend([index] * len(decomposed))
    return "".join(pieces), origin


def _squash_name(term: str) -> str:
    return re.sub(r"[\s\-'’]+", "", term)


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
            term = unicodedata.normalize("NFD", term)
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

        def spaced_pattern(term: str) -> str:
            latin = all(ord(char) < 0x250 for char in term)
            last_word = term.split()[-1]  # a suffix attaches to it: "sim c" is not "sim card"
            ending = _END if latin and len(_squash_name(last_word)) < MIN_SUFFIXED_LENGTH else ""
            return _term_pattern(term) + ending

        alternatives = []
        spaced = list(spaced)
        if spaced:
            alternatives.append(rf"{_START}(?:{'|'.join(spaced_pattern(t) for t in by_length(spaced))})")
        if unspaced:
            alternatives.append(f"(?:{'|'.join(_term_pattern(t) for t in by_length(unspaced))})")
        return regex.compile("|".join(alternatives) or r"(?!x)x", regex.IGNORECASE | regex.V1)

    def find(self, text: str) -> List[EntityMatch]:
        """Every non-overlapping known name in `text`, left to right."""
        decomposed, origin = _decomposed(text)
        matches = []
        for match in self._pattern.finditer(decomposed):
            value = self._lookup.get(self._squash(match.group(0)))
            if value is not None and match.end() > match.start():
                start, end = origin[match.start()], origin[match.end() - 1] + 1
                matches.append(EntityMatch(start, end, text[start:end], value))
        return matches
