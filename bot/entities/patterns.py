"""Entities with a fixed shape: application references and 1–5 ratings."""

from __future__ import annotations

import re
from typing import List

from bot.applications.reference import REFERENCE_PATTERN, fold_digits
from bot.entities.gazetteer import EntityMatch

_WORD_NUMBERS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5}
_RATING_IN_CONTEXT = re.compile(
    r"(?<![\w.])([1-5]|one|two|three|four|five)\s*(?:stars?\b|/\s*5\b|out\s+of\s+(?:5|five)\b)"
    r"|(?:rate|rating|give|score)(?:\s+(?:it|you|this|them|the\s+service))?(?:\s+(?:a|an|of))?\s*:?\s*([1-5])(?![\w.])",
    re.IGNORECASE,
)
#: "Stars" (and "points") in the contract languages: "4 ดาว", "５つ星", "4 bintang", "৪ তারা".
_STAR_WORDS = (
    "stars?|bituin|bintang|yıldız|sao|điểm|ດາວ|ดาว|ផ្កាយ|星|つ星|点|分|별|점|ستاره|ستارے|ستار|तारे|तारा|स्टार|"
    r"তারা|স্টার|நட்சத்திர\w*|තරු|од|tālā|kalokalo"
)
_RATING_WITH_STARS = re.compile(
    rf"(?<![A-Za-z0-9.\-/])([1-5])\s*(?:{_STAR_WORDS})|(?:星|★)\s*([1-5])(?![0-9])", re.IGNORECASE
)
_RATING_ALONE = re.compile(r"^\s*([1-5])\s*[.!]?\s*$")
_RATING_AT_END = re.compile(r"[,:;–—-]\s*([1-5])\s*[.!]*\s*$")


def find_references(text: str) -> List[EntityMatch]:
    """Reference numbers in any spelling, each valued in its normal form (`PSP-204811`).

    Spans index the original text: NFKC and digit folding keep one character per character
    for the characters references are made of.
    """
    folded = fold_digits(text)
    if len(folded) != len(text):
        folded, text = text, text  # unusual folding: match on the raw text only
    return [
        EntityMatch(m.start(), m.end(), text[m.start() : m.end()], f"{m.group(1).upper()}-{m.group(2)}")
        for m in REFERENCE_PATTERN.finditer(folded)
    ]


def find_ratings(text: str) -> List[EntityMatch]:
    """A rating of 1 to 5: a message that is only the digit, "4 stars" in any contract
    language, "4/5", "rate it 3"; digits of any script count."""
    folded = fold_digits(text)
    if len(folded) == len(text):
        text = folded
    alone = _RATING_ALONE.match(text) or _RATING_AT_END.search(text)
    if alone:
        return [EntityMatch(alone.start(1), alone.end(1), alone.group(1), alone.group(1))]
    found = []
    for match in _RATING_IN_CONTEXT.finditer(text):
        group = 1 if match.group(1) else 2
        raw = match.group(group)
        value = str(_WORD_NUMBERS.get(raw.lower(), raw))
        found.append(EntityMatch(match.start(group), match.end(group), raw, value))
    taken = {(m.start, m.end) for m in found}
    for match in _RATING_WITH_STARS.finditer(text):
        group = 1 if match.group(1) else 2
        if (match.start(group), match.end(group)) not in taken:
            found.append(EntityMatch(match.start(group), match.end(group), match.group(group), match.group(group)))
    return sorted(found, key=lambda m: m.start)
