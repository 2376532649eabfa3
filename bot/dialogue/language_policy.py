"""Which language the conversation continues in, after each citizen message.

Precedence (DESIGN.md), for the turn at hand:
1. an explicit request: change_language with a language, a language button, or the
   widget's language picker changed to another language;
2. on the first turn only, the channel's hint (the widget's language, Telegram's
   `language_code`);
3. a confident detection on a message long enough to tell;
4. the language already in use (English when nothing is known yet).
Short replies ("ok", "2", "yes", a reference number) never switch: their detection is
never confident, and messages of fewer than MIN_WORDS words are not considered.
Romanized Hindi and Urdu never switch into each other: written in Latin letters they are
one spoken language that the identifier tells apart only about 87% of the time (4-fold
cross-validation on the training data), and a wrong switch would answer an Urdu reader in
Devanagari. Written in their own scripts they switch like any other language.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Mapping, Optional

from bot.languages.registry import DEFAULT_LANGUAGE, is_supported, normalize_language_tag

#: A detection must be at least this confident to switch the conversation.
MIN_CONFIDENCE = 0.75
#: ... on a message of at least this many words (characters for unspaced scripts / 2).
MIN_WORDS = 3
#: Languages that romanized text does not reliably tell apart.
INDISTINCT_WHEN_ROMANIZED = frozenset({"hi", "ur"})
_LATIN_LETTER = re.compile(r"[A-Za-z\u00C0-\u024F]")
_LETTER = re.compile(r"[^\W\d_]")
_UNSPACED = re.compile(r"[\u0E00-\u0EFF\u1780-\u17FF\u3040-\u30FF\u3400-\u9FFF\uAC00-\uD7AF]")


@dataclass(frozen=True)
class LanguageSignals:
    """Everything the policy looks at for one citizen message."""

    current: Optional[str]  # the conversation's language so far (slot), None at the start
    text: str  # the message
    detected: Optional[str]  # the identifier's guess
    confidence: float  # the identifier's confidence, 0 to 1
    requested: Optional[str] = None  # change_language entity or language button
    picker: Optional[str] = None  # the widget's language picker value sent with the message
    channel_hint: Optional[str] = None  # the channel's passive hint (e.g. Telegram language_code)
    first_turn: bool = False


def word_count(text: str) -> int:
    """Words, counting every two characters of scripts written without spaces as one."""
    spaced = len(re.findall(r"[^\W\d_]+", _UNSPACED.sub(" ", text)))
    return spaced + len(_UNSPACED.findall(text)) // 2


def is_romanized(text: str) -> bool:
    """Whether most letters of `text` are Latin."""
    letters = len(_LETTER.findall(text))
    return bool(letters) and len(_LATIN_LETTER.findall(text)) * 2 > letters


def _switches_within_romanized_pair(signals: LanguageSignals) -> bool:
    pair = {signals.current, signals.detected}
    return len(pair) == 2 and pair <= INDISTINCT_WHEN_ROMANIZED and is_romanized(signals.text)


def choose_language(signals: LanguageSignals) -> str:
    """The conversation's language after this message."""
    if signals.requested and is_supported(signals.requested):
        return signals.requested
    if signals.picker and is_supported(signals.picker) and signals.picker != signals.current:
        return signals.picker
    if signals.first_turn and signals.channel_hint and is_supported(signals.channel_hint):
        hinted = signals.channel_hint
    else:
        hinted = None
    confident = (
        signals.detected
        and is_supported(signals.detected)
        and signals.confidence >= MIN_CONFIDENCE
        and word_count(signals.text) >= MIN_WORDS
        and not _switches_within_romanized_pair(signals)
    )
    if hinted:
        return hinted
    if confident:
        return signals.detected  # type: ignore[return-value]
    return signals.current or signals.picker or DEFAULT_LANGUAGE


def requested_language(parse_data: Mapping[str, Any]) -> Optional[str]:
    """The language a change_language message asks for (an entity), as a contract code."""
    if (parse_data.get("intent") or {}).get("name") != "change_language":
        return None
    value = next((e.get("value") for e in parse_data.get("entities") or [] if e.get("entity") == "language"), None)
    return value if value and is_supported(value) else normalize_language_tag(value)


def signals_for_message(
    current: Optional[str], parse_data: Mapping[str, Any], metadata: Mapping[str, Any], user_turns: int
) -> LanguageSignals:
    """The signals of one citizen message: its parse, its channel metadata and the slot so far."""
    return LanguageSignals(
        current=current,
        text=parse_data.get("text") or "",
        detected=parse_data.get("language"),
        confidence=float(parse_data.get("language_confidence") or 0.0),
        requested=requested_language(parse_data),
        picker=normalize_language_tag(metadata.get("language")),
        channel_hint=normalize_language_tag(metadata.get("language_hint")),
        first_turn=user_turns <= 1,
    )
