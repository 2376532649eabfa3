"""Which writing system each character belongs to, for the scripts of the contract languages."""

from __future__ import annotations

import unicodedata
from collections import Counter
from typing import Optional, Tuple

_SCRIPT_RANGES: Tuple[Tuple[int, int, str], ...] = (
    (0x0980, 0x09FF, "Bengali"),
    (0x1780, 0x17FF, "Khmer"),
    (0x19E0, 0x19FF, "Khmer"),
    (0x0E80, 0x0EFF, "Lao"),
    (0x0E00, 0x0E7F, "Thai"),
    (0x0D80, 0x0DFF, "Sinhala"),
    (0x0B80, 0x0BFF, "Tamil"),
    (0x0900, 0x097F, "Devanagari"),
    (0x0600, 0x06FF, "Arabic"),
    (0x0750, 0x077F, "Arabic"),
    (0xFB50, 0xFDFF, "Arabic"),
    (0xFE70, 0xFEFF, "Arabic"),
    (0x0400, 0x04FF, "Cyrillic"),
    (0x3040, 0x30FF, "Kana"),
    (0x31F0, 0x31FF, "Kana"),
    (0xFF66, 0xFF9F, "Kana"),
    (0xAC00, 0xD7AF, "Hangul"),
    (0x1100, 0x11FF, "Hangul"),
    (0x3130, 0x318F, "Hangul"),
    (0x4E00, 0x9FFF, "Han"),
    (0x3400, 0x4DBF, "Han"),
    (0xF900, 0xFAFF, "Han"),
)

#: Scripts whose only contract language is certain from the script alone.
SINGLE_LANGUAGE_SCRIPTS = {
    "Bengali": "bn",
    "Khmer": "km",
    "Lao": "lo",
    "Thai": "th",
    "Sinhala": "si",
    "Tamil": "ta",
    "Hangul": "ko",
    "Kana": "ja",
    "Cyrillic": "mn",
}


def script_of(char: str) -> Optional[str]:
    """The script of a letter (or combining mark) of a contract language, else None."""
    code = ord(char)
    for low, high, script in _SCRIPT_RANGES:
        if low <= code <= high:
            return script
    if unicodedata.category(char).startswith("L") and unicodedata.name(char, "").startswith("LATIN"):
        return "Latin"
    return None


def script_counts(text: str) -> Counter:
    """How many characters of `text` are in each script (digits, symbols and emoji not counted)."""
    counts: Counter = Counter()
    for char in unicodedata.normalize("NFKC", text):
        script = script_of(char)
        if script:
            counts[script] += 1
    if counts["Kana"]:
        counts["Kana"] += counts.pop("Han", 0)  # Japanese mixes kanji with kana
    return counts
