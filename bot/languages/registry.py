"""The 22 contract languages, the one source of truth for codes, names and direction.

Every other part (NLU data folders, content files, language detection, reports) keys on
these BCP 47 codes, so a language is added here first.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from typing import Dict, Tuple


class TextDirection(str, Enum):
    """Writing direction, so channels can lay out Urdu and Persian right to left."""

    LTR = "ltr"
    RTL = "rtl"


@dataclass(frozen=True)
class Language:
    """A contract language."""

    code: str  # BCP 47 code, e.g. "zh-Hant"
    name: str  # English name
    autonym: str  # the language's own name for itself, shown in pickers
    script: str  # ISO 15924 name of the usual script
    direction: TextDirection
    babel_locale: str  # the locale Babel formats numbers, money and dates with
    aliases: Tuple[str, ...] = ()  # other English names citizens use for it


_L, _R = TextDirection.LTR, TextDirection.RTL

LANGUAGES: Dict[str, Language] = {
    language.code: language
    for language in (
        Language("en", "English", "English", "Latin", _L, "en"),
        Language("bn", "Bengali", "বাংলা", "Bengali", _L, "bn", ("bangla",)),
        Language("km", "Khmer", "ខ្មែរ", "Khmer", _L, "km", ("cambodian",)),
        Language(
            "zh-Hant",
            "Chinese (Traditional)",
            "繁體中文",
            "Han",
            _L,
            "zh_Hant",
            ("traditional chinese", "cantonese"),
        ),
        Language(
            "zh-Hans",
            "Chinese (Simplified)",
            "简体中文",
            "Han",
            _L,
            "zh_Hans",
            ("simplified chinese", "chinese", "mandarin"),
        ),
        Language("fj", "Fijian", "Vosa Vakaviti", "Latin", _L, "en_FJ", ("vosa vakaviti",)),
        Language("hi", "Hindi", "हिन्दी", "Devanagari", _L, "hi"),
        Language("id", "Indonesian", "Bahasa Indonesia", "Latin", _L, "id", ("bahasa indonesia",)),
        Language("fa", "Persian", "فارسی", "Arabic", _R, "fa", ("farsi",)),
        Language("ja", "Japanese", "日本語", "Japanese", _L, "ja"),
        Language("ko", "Korean", "한국어", "Hangul", _L, "ko"),
        Language("lo", "Lao", "ລາວ", "Lao", _L, "lo", ("laotian",)),
        Language("ms", "Malay", "Bahasa Melayu", "Latin", _L, "ms", ("bahasa melayu", "bahasa malaysia")),
        Language("mn", "Mongolian", "Монгол", "Cyrillic", _L, "mn"),
        Language("ne", "Nepali", "नेपाली", "Devanagari", _L, "ne", ("nepalese",)),
        Language("ur", "Urdu", "اردو", "Arabic", _R, "ur"),
        Language("fil", "Filipino", "Filipino", "Latin", _L, "fil", ("tagalog", "pilipino")),
        Language("ta", "Tamil", "தமிழ்", "Tamil", _L, "ta"),
        Language("si", "Sinhala", "සිංහල", "Sinhala", _L, "si", ("sinhalese",)),
        Language("th", "Thai", "ไทย", "Thai", _L, "th"),
        Language("tr", "Turkish", "Türkçe", "Latin", _L, "tr"),
        Language("vi", "Vietnamese", "Tiếng Việt", "Latin", _L, "vi"),
    )
}

DEFAULT_LANGUAGE = "en"


def is_supported(code: str) -> bool:
    """Whether `code` is one of the contract's language codes (exact spelling)."""
    return code in LANGUAGES


def get_language(code: str) -> Language:
    """The language for `code`; raises `KeyError` for a code outside the contract."""
    return LANGUAGES[code]


#: Tags channels and browsers send that are not contract codes, mapped to the contract code.
_TAG_ALIASES = {
    "tl": "fil",
    "zh": "zh-Hans",
    "zh-cn": "zh-Hans",
    "zh-sg": "zh-Hans",
    "zh-my": "zh-Hans",
    "zh-hans": "zh-Hans",
    "zh-tw": "zh-Hant",
    "zh-hk": "zh-Hant",
    "zh-mo": "zh-Hant",
    "zh-hant": "zh-Hant",
    "in": "id",
    "iw": "he",
    "zsm": "ms",
    "pes": "fa",
    "khm": "km",
}


def normalize_language_tag(tag: object) -> str | None:
    """The contract code for a BCP 47 tag a channel sends (`th-TH`, `zh_TW`, `tl`), else None."""
    if not isinstance(tag, str) or not tag.strip():
        return None
    cleaned = tag.strip().replace("_", "-")
    lowered = cleaned.lower()
    for candidate in (lowered, "-".join(lowered.split("-")[:2]), lowered.split("-")[0]):
        alias = _TAG_ALIASES.get(candidate)
        if alias and is_supported(alias):
            return alias
        match = next((code for code in LANGUAGES if code.lower() == candidate), None)
        if match:
            return match
    return None
