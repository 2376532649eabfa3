"""Protected spans: tokens out, curated renderings and original spans back in."""

from __future__ import annotations

import pytest

from bot.exceptions import TranslationError
from bot.translation.protect import protect, restore


def test_glossary_terms_come_back_as_their_curated_rendering():
    protected = protect("Go to the Citizen Contact Centre in Capital City.", [("Capital City", "ເມືອງຫຼວງ")])
    assert "Capital City" not in protected.text
    assert restore(protected.text, protected) == "Go to the Citizen Contact Centre in ເມືອງຫຼວງ."


def test_the_longest_glossary_term_wins():
    pairs = [("Demoland", "Demolandia"), ("Demoland Services portal", "portal Layanan Demoland")]
    protected = protect("Apply on the Demoland Services portal.", pairs)
    assert restore(protected.text, protected) == "Apply on the portal Layanan Demoland."


def test_links_references_amounts_and_phones_are_kept():
    text = "Pay USD 80 at https://services.example/pay for PSP-204811 or call +1 555 0100."
    protected = protect(text)
    for span in ("USD 80", "https://services.example/pay", "PSP-204811", "+1 555 0100"):
        assert span not in protected.text
    assert restore(protected.text, protected) == text


def test_tokens_may_move_and_gain_spaces_in_the_translation():
    protected = protect("{a} then {b}", values={"a": "first", "b": "second"})
    assert restore("⟦ 1 ⟧ sau đó ⟦0⟧", protected) == "second sau đó first"


@pytest.mark.parametrize("broken", ["⟦0⟧ only", "⟦0⟧ ⟦1⟧ ⟦1⟧", "⟦0⟧ ⟦1⟧ ⟦7⟧", "nothing"])
def test_a_translation_that_loses_or_invents_a_token_is_rejected(broken):
    protected = protect("{a} then {b}", values={"a": "first", "b": "second"})
    with pytest.raises(TranslationError):
        restore(broken, protected)
