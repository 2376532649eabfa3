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


def money(amount: Decimal, currency: str, language: str) -> str:
    """`60`, `USD`, `en` → `60.00 US dollars`: the currency's name, never an ambiguous `$`."""
    return format_currency(amount, currency, locale=babel_locale(language), format_type="name")


def number(value: int, language: str) -> str:
    return format_decimal(value, locale=babel_locale(language))


def calendar_date(value: date, language: str) -> str:
    """A date in the language's medium style, e.g. `12 Mar 2026`."""
    return format_date(value, format="medium", locale=babel_locale(language))


def _clock(value: str, language: str) -> str:
    hours, minutes = (int(part) for part in value.split(":"))
    return format_time(time(hours, minutes), format="short", locale=babel_locale(language))


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


def opening_hours(hours: Sequence[OpeningHours], language: str) -> str:
    """`Mon–Fri 8:00 AM–4:30 PM; Sat 9:00 AM–12:00 PM` in the language's day names and clock."""
    names = babel_locale(language).days["format"]["abbreviated"]
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
