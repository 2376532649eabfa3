"""Telling a complaint that says what happened from a bare "I want to complain"."""

from __future__ import annotations

import re

#: Words of asking to complain rather than of what happened (English; other languages use length).
_REQUEST_WORDS = frozenset(
    """i i'd i'm im want wanna would like to make file lodge raise submit register put in a an
    complaint complaints complain complaining have got need please can could how do about
    regarding the this that service services my me wish report issue problem there is it
    with for of on against someone official formal one""".split()
)
#: Words about what happened that a complaint needs before it is recorded as it stands.
MIN_DETAIL_WORDS = 3
#: Without a word list for the language, a message this long is taken as detailed.
MIN_WORDS_UNKNOWN_LANGUAGE = 8


def has_details(text: str, language: str = "en") -> bool:
    """Whether `text` already tells what went wrong, so the assistant need not ask."""
    words = re.findall(r"[\w']+", text.casefold())
    if language != "en":
        return len(words) >= MIN_WORDS_UNKNOWN_LANGUAGE
    return sum(1 for word in words if word not in _REQUEST_WORDS) >= MIN_DETAIL_WORDS
