import pytest

from bot.applications import find_reference, looks_like_reference_attempt


@pytest.mark.parametrize(
    "text",
    [
        "PSP-204811",
        "psp-204811",
        "psp204811",
        "PSP 204811",
        "my ref is Psp-204811, thanks",
        "ＰＳＰ－２０４８１１",
        "PSP-২০৪৮১১",
        "PSP-۲۰۴۸۱۱",
    ],
)
def test_every_spelling_of_a_reference_normalizes_to_the_same(text):
    assert find_reference(text) == "PSP-204811"


@pytest.mark.parametrize("text", ["PSP-2048", "PS-204811", "PSPX-204811", "PSP-2048111", "204811", "hello"])
def test_malformed_references_are_not_accepted(text):
    assert find_reference(text) is None


@pytest.mark.parametrize(
    "text, attempt", [("1234", True), ("PSP-2048", True), ("AB12", True), ("hello there", False), ("", False)]
)
def test_a_wrong_reference_is_told_apart_from_other_text(text, attempt):
    assert looks_like_reference_attempt(text) is attempt
