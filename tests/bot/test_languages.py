import pytest

from bot.languages import LANGUAGES, TextDirection, normalize_language_tag


def test_the_contract_has_22_languages_with_rtl_for_urdu_and_persian():
    assert len(LANGUAGES) == 22
    assert {code for code, lang in LANGUAGES.items() if lang.direction is TextDirection.RTL} == {"ur", "fa"}


@pytest.mark.parametrize(
    "tag, code",
    [
        ("th", "th"),
        ("th-TH", "th"),
        ("zh-TW", "zh-Hant"),
        ("zh_HK", "zh-Hant"),
        ("zh-CN", "zh-Hans"),
        ("zh", "zh-Hans"),
        ("zh-Hant", "zh-Hant"),
        ("tl", "fil"),
        ("fil-PH", "fil"),
        ("in", "id"),
        ("EN-us", "en"),
        ("de", None),
        ("", None),
        (None, None),
        (42, None),
    ],
)
def test_channel_language_tags_map_to_contract_codes(tag, code):
    assert normalize_language_tag(tag) == code
