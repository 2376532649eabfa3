import pytest

from bot.entities import find_ratings, find_references


def test_references_are_found_with_spans_in_the_original_text():
    text = "status of psp204811 and NID-100234"
    found = find_references(text)
    assert [(m.value, text[m.start : m.end]) for m in found] == [
        ("PSP-204811", "psp204811"),
        ("NID-100234", "NID-100234"),
    ]


@pytest.mark.parametrize(
    "text, value",
    [
        ("4", "4"),
        (" 5 ", "5"),
        ("I give it 5 stars", "5"),
        ("rate it 2", "2"),
        ("3 out of 5", "3"),
        ("four stars", "4"),
        ("3/5", "3"),
    ],
)
def test_ratings_in_common_phrasings(text, value):
    assert [m.value for m in find_ratings(text)] == [value]


@pytest.mark.parametrize("text", ["9", "0", "9 stars", "I waited 3 hours", "PSP-204811", "2.5"])
def test_numbers_that_are_not_ratings_are_ignored(text):
    assert find_ratings(text) == []
