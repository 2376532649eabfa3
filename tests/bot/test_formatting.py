from datetime import date
from decimal import Decimal

from bot import formatting
from bot.catalog.models import OpeningHours


def test_money_names_the_currency_in_the_language():
    assert formatting.money(Decimal("60"), "USD", "en") == "60.00 US dollars"
    assert "ดอลลาร์สหรัฐ" in formatting.money(Decimal("60"), "USD", "th")


def test_opening_hours_collapse_consecutive_days():
    hours = [
        OpeningHours(days=["mon", "tue", "wed", "thu", "fri"], opens="08:00", closes="16:30"),
        OpeningHours(days=["sat"], opens="09:00", closes="12:00"),
    ]
    text = formatting.opening_hours(hours, "en")
    assert text.replace("\u202f", " ") == "Mon–Fri 8:00 AM–4:30 PM; Sat 9:00 AM–12:00 PM"


def test_opening_hours_keep_gaps_between_days():
    hours = [OpeningHours(days=["mon", "wed", "thu"], opens="10:00", closes="14:00")]
    assert formatting.opening_hours(hours, "en").startswith("Mon, Wed–Thu")


def test_dates_and_numbers_follow_the_language():
    assert formatting.calendar_date(date(2026, 3, 16), "en") == "Mar 16, 2026"
    assert formatting.number(12000, "en") == "12,000"


def test_unknown_language_formats_as_english():
    assert formatting.number(1500, "xx") == "1,500"
