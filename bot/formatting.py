"""Numbers, money, clock times and weekdays formatted for a contract language (Babel).

Content files hold raw facts (60.00 USD, "08:00", [mon, tue]); how they read depends on the
language the citizen is answered in, so formatting happens here and nowhere else.
"""

from __future__ import annotations

from datetime import date, time
from decimal import Decimal
from typing import List, Sequence

from babel import Locale
from babel.dates import format_date, format_time
from babel.numbers import format_currency, format_decimal

from bot.catalog.models import WEEKDAYS, OpeningHours
from bot.languages import LANGUAGES
from bot.languages.registry import DEFAULT_LANGUAGE


def babel_locale(language: str) -> Locale:
    """The Babel locale of a contract language, English for anything unknown."""
    entry = LANGUAGES.get(language) or LANGUAGES[DEFAULT_LANGUAGE]
    return Locale.parse(entry.babel_locale)


#: The digit zero of each CLDR numbering system a contract locale uses by default.
_ZERO = {"beng": 0x09E6, "deva": 0x0966, "arabext": 0x06F0, "arab": 0x0660, "mymr": 0x1040, "thai": 0x0E50}


def native_digits(text: str, language: str) -> str:
    """ASCII digits in `text` as the locale writes them by default (CLDR): Bengali for bn,
    Devanagari for ne, Persian for fa; unchanged where the locale uses Latin digits."""
    zero = _ZERO.get(babel_locale(language).default_numbering_system)
    if zero is None:
        return text
    return text.translate({ord("0") + offset: zero + offset for offset in range(10)})


def money(amount: Decimal, currency: str, language: str) -> str:
    """`60`, `USD`, `en` → `60.00 US dollars`: the currency's name, never an ambiguous `$`."""
    locale = babel_locale(language)
    # A language without its own CLDR locale (Fijian uses en_FJ) would get English currency
    # names inside its sentences; the symbol form (US$60.00) reads in any language.
    format_type = "name" if locale.language == language.split("-")[0] else "standard"
    text = format_currency(amount, currency, locale=locale, format_type=format_type, numbering_system="default")
    return native_digits(text, language)


def number(value: int, language: str) -> str:
    return native_digits(format_decimal(value, locale=babel_locale(language), numbering_system="default"), language)


def calendar_date(value: date, language: str) -> str:
    """A date in the language's medium style, e.g. `12 Mar 2026`."""
    return native_digits(format_date(value, format="medium", locale=babel_locale(language)), language)


def _clock(value: str, language: str) -> str:
    hours, minutes = (int(part) for part in value.split(":"))
    return native_digits(format_time(time(hours, minutes), format="short", locale=babel_locale(language)), language)


def _day_runs(days: Sequence[str]) -> List[List[int]]:
    """Groups weekday names into runs of consecutive days: [mon,tue,wed,fri] → [[0,2],[4,4]]."""
    indexes = sorted(WEEKDAYS.index(day) for day in set(days))
    runs: List[List[int]] = []
    for index in indexes:
        if runs and runs[-1][1] == index - 1:
            runs[-1][1] = index
        else:
            runs.append([index, index])
    return runs


#: Day names of contract languages CLDR has no locale for (Fijian formats with en_FJ).
_DAY_NAMES = {"fj": ("Moniti", "Tusiti", "Vukelulu", "Lotulevu", "Vakaraubuka", "Vakarauwai", "Sigatabu")}


def opening_hours(hours: Sequence[OpeningHours], language: str) -> str:
    """`Mon–Fri 8:00 AM–4:30 PM; Sat 9:00 AM–12:00 PM` in the language's day names and clock."""
    names = _DAY_NAMES.get(language) or babel_locale(language).days["format"]["abbreviated"]
    parts = []
    for entry in hours:
        day_text = ", ".join(
            names[start] if start == end else f"{names[start]}–{names[end]}" for start, end in _day_runs(entry.days)
        )
        parts.append(f"{day_text} {_clock(entry.opens, language)}–{_clock(entry.closes, language)}")
    return "; ".join(parts)


def bullet_list(items: Sequence[str]) -> str:
    """One item per line, each with a bullet, as every channel can show it."""
    return "\n".join(f"• {item}" for item in items)
