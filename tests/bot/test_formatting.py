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


def test_locales_that_write_native_digits_get_them():
    assert formatting.money(Decimal("60"), "USD", "bn") == "৬০.০০ মার্কিন ডলার"
    assert formatting.number(1234, "ne") == "१,२३४"
    assert formatting.number(1234, "fa") == "۱٬۲۳۴"
    assert formatting.calendar_date(date(2026, 3, 12), "fa") == "۱۲ مارس ۲۰۲۶"


def test_locales_that_write_latin_digits_keep_them():
    assert formatting.number(1234, "hi") == "1,234"
    assert formatting.money(Decimal("60"), "USD", "th") == "60.00 ดอลลาร์สหรัฐ"


def test_a_language_without_its_own_locale_gets_the_currency_symbol_not_english_words():
    assert formatting.money(Decimal("60"), "USD", "fj") == "US$60.00"


def test_opening_hours_use_native_digits_where_the_locale_does():
    hours = [OpeningHours(days=["mon"], opens="08:00", closes="16:30")]
    assert "৮" in formatting.opening_hours(hours, "bn")


def test_fijian_opening_hours_use_fijian_day_names():
    hours = [OpeningHours(days=["mon", "tue", "wed", "thu", "fri"], opens="08:00", closes="16:30")]
    assert formatting.opening_hours(hours, "fj").startswith("Moniti–Vakaraubuka")
