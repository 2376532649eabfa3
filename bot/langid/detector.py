"""A first language identifier from scripts and distinctive letters.

Scripts settle most contract languages outright (Thai, Khmer, Lao, Sinhala, Tamil, Bengali,
Hangul, kana). Latin, Devanagari, Arabic and Han script are shared, so this version only
uses letters that one language alone writes (Turkish ğ, Vietnamese ơ, Urdu ے) and
otherwise answers the most common language of the script with a low confidence. The
multilingual issue replaces the shared-script part with a statistical detector.
"""

from __future__ import annotations

import unicodedata
from collections import Counter
from dataclasses import dataclass
from typing import Dict, Optional, Tuple

#: Letters needed before a detection counts as fully confident.
_CONFIDENT_LETTERS = 12

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
    (0xFB50, 0xFDFF, "Arabic"),
    (0x0400, 0x04FF, "Cyrillic"),
    (0x3040, 0x30FF, "Kana"),
    (0xAC00, 0xD7AF, "Hangul"),
    (0x1100, 0x11FF, "Hangul"),
    (0x4E00, 0x9FFF, "Han"),
    (0x3400, 0x4DBF, "Han"),
)

#: Scripts that only one contract language writes, or whose usual language is clear.
_SCRIPT_LANGUAGE: Dict[str, Tuple[str, float]] = {
    "Bengali": ("bn", 1.0),
    "Khmer": ("km", 1.0),
    "Lao": ("lo", 1.0),
    "Thai": ("th", 1.0),
    "Sinhala": ("si", 1.0),
    "Tamil": ("ta", 1.0),
    "Hangul": ("ko", 1.0),
    "Kana": ("ja", 1.0),
    "Cyrillic": ("mn", 0.9),
    "Devanagari": ("hi", 0.6),
    "Arabic": ("fa", 0.5),
    "Han": ("zh-Hans", 0.5),
    "Latin": ("en", 0.5),
}

_URDU_LETTERS = set("ٹڈڑںےۓھ")
_PERSIAN_LETTERS = set("ژ")
_TURKISH_LETTERS = set("ğĞşŞıİ")
_VIETNAMESE_LETTERS = set("ăĂâÂđĐêÊôÔơƠưƯạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ")
_TRADITIONAL_ONLY = set("們這個會說對時護證駕臺灣國學體係請問號辦費長廳處營業記錄醫療險險")
_SIMPLIFIED_ONLY = set("们这个会说对时护证驾台湾国学体系请问号办费长厅处营业记录医疗险")


@dataclass(frozen=True)
class Detection:
    """The language of a message and how sure the detector is (0 to 1)."""

    language: str
    confidence: float


def _script_of(char: str) -> Optional[str]:
    code = ord(char)
    for low, high, script in _SCRIPT_RANGES:
        if low <= code <= high:
            return script
    if char.isalpha() and unicodedata.name(char, "").startswith("LATIN"):
        return "Latin"
    return None


def _refine(script: str, language: str, letters: str) -> Tuple[str, float]:
    """Distinctive letters that move a shared script to one language, with their certainty."""
    chars = set(letters)
    if script == "Arabic" and chars & _URDU_LETTERS:
        return "ur", 0.9
    if script == "Arabic" and chars & _PERSIAN_LETTERS:
        return "fa", 0.9
    if script == "Latin" and chars & _VIETNAMESE_LETTERS:
        return "vi", 0.9
    if script == "Latin" and chars & _TURKISH_LETTERS:
        return "tr", 0.9
    if script == "Han" and chars & _TRADITIONAL_ONLY and not chars & _SIMPLIFIED_ONLY:
        return "zh-Hant", 0.8
    if script == "Han" and chars & _SIMPLIFIED_ONLY:
        return "zh-Hans", 0.8
    return language, _SCRIPT_LANGUAGE[script][1]


def detect_language(text: str, default: str = "en") -> Detection:
    """The likeliest contract language of `text`; `default` with confidence 0 if no letters."""
    scripts: Counter = Counter()
    letters = []
    for char in text:
        script = _script_of(char)
        if script:
            scripts[script] += 1
            letters.append(char)
    if not scripts:
        return Detection(default, 0.0)
    if scripts["Kana"]:
        scripts["Kana"] += scripts.pop("Han", 0)  # Japanese mixes kanji with kana
    script, count = scripts.most_common(1)[0]
    language, certainty = _refine(script, _SCRIPT_LANGUAGE[script][0], "".join(letters))
    share = count / len(letters)
    length_factor = min(1.0, len(letters) / _CONFIDENT_LETTERS)
    return Detection(language, round(certainty * share * length_factor, 3))
