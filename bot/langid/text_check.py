"""Is a curated text written in the language of its file? Used by the content checks.

Curated texts are long, formal sentences, where pycld2 is at its best (our own model is
trained on short citizen messages); a text is flagged when its letters are mostly in
another script, or when pycld2 reliably reads a long text as another language.
"""

from __future__ import annotations

import re
from typing import Optional

from bot.langid.detector import _han_language, cld_guess
from bot.langid.scripts import script_counts
from bot.languages import LANGUAGES

#: Placeholders, links, addresses, reference numbers and form codes carry no language.
_NEUTRAL = re.compile(r"\{\w+\}|https?://\S+|\S+@\S+|\b[A-Z]{2,4}-?\d+\b|\d+")
_SCRIPTS = {"Japanese": {"Kana", "Han"}}
#: Below this many words (letters for unspaced scripts) a text is too short to judge its language.
MIN_WORDS, MIN_UNSPACED_LETTERS = 5, 12
_UNSPACED = {"Han", "Kana", "Thai", "Lao", "Khmer"}
#: Languages so close that pycld2 confuses them on a short sentence ("akta kelahiran" is
#: Indonesian, yet reads as Malay): telling them apart takes a longer text.
_CLOSE_PAIRS = ({"id", "ms"}, {"hi", "ne"})
MIN_WORDS_CLOSE_PAIR = 15


def language_problem(text: str, language: str, close_pair_words: int = MIN_WORDS_CLOSE_PAIR) -> Optional[str]:
    """Why `text` does not read as `language`, or None when it does (or is too short to tell).

    A reading as the close neighbour (Malay for Indonesian, Nepali for Hindi) counts only
    from `close_pair_words` words on."""
    cleaned = "".join(ch if ch.isprintable() else " " for ch in _NEUTRAL.sub(" ", text))
    counts = script_counts(cleaned)
    letters = sum(counts.values())
    if not letters:
        return None
    expected_script = LANGUAGES[language].script
    expected = _SCRIPTS.get(expected_script, {expected_script})
    main_script = counts.most_common(1)[0][0]
    if sum(counts[script] for script in expected) / letters < 0.5:
        return f"written mostly in {main_script} script, not {expected_script}"
    unspaced = main_script in _UNSPACED
    if (letters if unspaced else len(cleaned.split())) < (MIN_UNSPACED_LETTERS if unspaced else MIN_WORDS):
        return None
    guess = _han_language(cleaned) if expected_script == "Han" else cld_guess(cleaned)
    if {guess, language} in _CLOSE_PAIRS and len(cleaned.split()) < close_pair_words:
        return None
    if guess and guess in LANGUAGES and guess != language:
        return f"reads as {LANGUAGES[guess].name}"
    return None
