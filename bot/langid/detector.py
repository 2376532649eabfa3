"""Identifies the contract language of a message, offline.

1. Letters only: ASCII digits, reference numbers, URLs, symbols and emoji say nothing;
   a message without letters is told only by digits of a script's own ("২", "PCC-৬১৭৪০২"
   is typed on a Bengali keyboard), with the little confidence a digit deserves.
2. A script only one contract language writes settles it (Thai, Khmer, Hangul, ...).
3. Shared scripts are decided among the languages that write them: Han by hanzidentifier
   (Traditional or Simplified), Devanagari (hi/ne) and Arabic (ur/fa) by pycld2 when it is
   reliable, Latin (en, id, ms, fil, tr, vi, fj and romanized hi, ur, bn, ne) by the
   per-script model trained on our data (`linear_model.py`), which the others nudge.
4. Confidence shrinks for short messages: "ok" or "2" never count as strong evidence.

Text mixing Latin with another script is decided by the other script: Latin words inside
Khmer, Thai or Hindi text are loanwords and acronyms ("thx បង", "PSP office 어디예요"),
while nobody writing English adds a word of Khmer.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from typing import Dict, Optional, Tuple

import hanzidentifier
import pycld2

from bot.langid.linear_model import ScriptLanguageModel
from bot.langid.markers import marked_languages
from bot.langid.scripts import SINGLE_LANGUAGE_SCRIPTS, script_counts, script_of

#: Letters needed before a detection counts as fully confident.
CONFIDENT_LETTERS = 15
#: Letters of a non-Latin script that make it, not the Latin around it, decide the language.
MIN_NATIVE_LETTERS = 2
#: How much a native digit counts next to a letter: it tells the keyboard, not the words.
NATIVE_DIGIT_WEIGHT = 0.5

#: Contract languages written in each shared script (romanized text counts as Latin).
SHARED_SCRIPTS: Dict[str, tuple] = {
    "Latin": ("en", "id", "ms", "fil", "tr", "vi", "fj", "hi", "ur", "bn", "ne"),
    "Devanagari": ("hi", "ne"),
    "Arabic": ("ur", "fa"),
    "Han": ("zh-Hans", "zh-Hant"),
}
_CLD_CODES = {"tl": "fil", "zh": "zh-Hans", "zh-Hant": "zh-Hant"}
_NOISE = re.compile(r"https?://\S+|\S+@\S+|[A-Za-z]{3}[-\s]?\d{6}|\d+", re.IGNORECASE)
_URDU_ONLY = set("ٹڈڑںےۓھ")
#: pycld2's top guess must cover this share of the text, and be reliable, to be trusted.
_CLD_MIN_PERCENT = 80
#: How much a trusted outside guess (pycld2, hanzidentifier, Urdu-only letters) weighs
#: against our model, per script; measured on the held-out set (pycld2 does not know
#: romanized South Asian languages, so it has no say for Latin).
_GUESS_WEIGHT = {"Latin": 0.0, "Devanagari": 0.3, "Arabic": 0.3, "Han": 0.5}


@dataclass(frozen=True)
class Detection:
    """The language of a message and how sure the detector is (0 to 1)."""

    language: str
    confidence: float


def _letters_only(text: str) -> str:
    cleaned = "".join(ch if ch.isprintable() else " " for ch in unicodedata.normalize("NFKC", text))
    return _NOISE.sub(" ", cleaned)


def cld_guess(text: str) -> Optional[str]:
    try:
        reliable, _, details = pycld2.detect(text)
    except pycld2.error:
        return None
    name, code, percent, _ = details[0]
    if not reliable or percent < _CLD_MIN_PERCENT:
        return None
    return _CLD_CODES.get(code, code)


def _han_language(text: str) -> Optional[str]:
    verdict = hanzidentifier.identify(text)
    if verdict == hanzidentifier.TRADITIONAL:
        return "zh-Hant"
    if verdict == hanzidentifier.SIMPLIFIED:
        return "zh-Hans"
    return None


class LanguageDetector:
    """Script rules, pycld2 and hanzidentifier, plus an optional model trained on our data."""

    def __init__(self, model: Optional[ScriptLanguageModel] = None, default: str = "en") -> None:
        self._model = model
        self._default = default

    def _among(self, text: str, script: str) -> Dict[str, float]:
        candidates = SHARED_SCRIPTS[script]
        probabilities = self._model.probabilities(text, script) if self._model else {}
        # For Han, only hanzidentifier's verdict counts: on characters common to both
        # scripts pycld2's zh/zh-Hant guess is noise (measured: zh-Hans taken for zh-Hant).
        guess = _han_language(text) if script == "Han" else cld_guess(text)
        if script == "Arabic" and set(text) & _URDU_ONLY:
            guess = "ur"
        weight = _GUESS_WEIGHT[script] if probabilities else 0.5
        if guess in candidates and weight:
            probabilities = {lang: (1 - weight) * probabilities.get(lang, 0.0) for lang in candidates}
            probabilities[guess] += weight
        if not probabilities:
            return {candidates[0]: 0.5}
        return probabilities

    def detect(self, text: str) -> Detection:
        """The likeliest contract language of `text`; the default with confidence 0 if no letters."""
        letters_text = _letters_only(text)
        counts = script_counts(letters_text)
        letters = sum(counts.values())
        if not letters:
            return self._by_native_digits(text)
        script, count = _deciding_script(counts)
        share = count / letters
        length_factor = min(1.0, letters / CONFIDENT_LETTERS)
        if script in SINGLE_LANGUAGE_SCRIPTS:
            return Detection(SINGLE_LANGUAGE_SCRIPTS[script], round(share * length_factor, 3))
        probabilities = self._among(letters_text, script)
        language, probability = max(probabilities.items(), key=lambda item: item[1])
        if script == "Latin" and language == self._default:
            marked = {code: probabilities.get(code, 0.0) for code in marked_languages(letters_text)}
            if marked:  # code-mixed: the language it is mixed into, not English
                language = max(marked, key=lambda code: marked[code])
                probability = max(probability, 0.5)
        return Detection(language, round(probability * share * length_factor, 3))

    def _by_native_digits(self, text: str) -> Detection:
        """A message with no letters: its digits' script if they are not ASCII, else the default."""
        counts = Counter(script_of(ch) for ch in text if ch.isdecimal() and not ch.isascii())
        counts.pop(None, None)
        if not counts:
            return Detection(self._default, 0.0)
        script, count = counts.most_common(1)[0]
        confidence = round(min(1.0, count / CONFIDENT_LETTERS) * NATIVE_DIGIT_WEIGHT, 3)
        if script in SINGLE_LANGUAGE_SCRIPTS:
            return Detection(SINGLE_LANGUAGE_SCRIPTS[script], confidence)
        probabilities = self._among(text, script)
        return Detection(max(probabilities.items(), key=lambda item: item[1])[0], confidence)


def _deciding_script(counts: Counter) -> Tuple[str, int]:
    """The script that decides the language: the commonest one other than Latin if it has
    at least MIN_NATIVE_LETTERS letters, else the commonest one."""
    native = [(script, count) for script, count in counts.most_common() if script != "Latin"]
    if native and native[0][1] >= MIN_NATIVE_LETTERS:
        return native[0]
    return counts.most_common(1)[0]


def detect_language(text: str, default: str = "en") -> Detection:
    """Detection without a trained model (script rules, pycld2, hanzidentifier only)."""
    return LanguageDetector(None, default).detect(text)
