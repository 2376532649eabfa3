"""The translation check catches what a translator can get wrong in a reply file."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.exceptions import ContentError
from bot.responses import ResponseTemplate
from bot.responses.check import response_problems
from bot.responses.templates import load_translation_file, source_templates

SOURCE = {
    "utter_fee": ResponseTemplate("{service_title}: the fee is {fee}."),
    "utter_rate": ResponseTemplate("How would you rate it?", ("1", "2")),
}
GOOD = {
    "utter_fee": ResponseTemplate("{service_title}: biayanya adalah {fee}."),
    "utter_rate": ResponseTemplate("Berapa nilai yang Anda berikan?", ("1", "2")),
}


def test_a_faithful_file_has_no_problems():
    assert response_problems(SOURCE, GOOD, "id") == []


def test_missing_and_extra_replies_are_reported():
    problems = response_problems(SOURCE, {"utter_rate": GOOD["utter_rate"], "utter_other": GOOD["utter_fee"]}, "id")
    assert problems == ["utter_fee: missing", "utter_other: not in domain.yml"]


def test_a_dropped_or_renamed_placeholder_is_reported():
    bad = {**GOOD, "utter_fee": ResponseTemplate("{judul}: biayanya adalah {fee}.")}
    assert response_problems(SOURCE, bad, "id") == [
        "utter_fee: placeholders missing: service_title",
        "utter_fee: placeholders not in the source: judul",
    ]


def test_a_different_number_of_buttons_is_reported():
    bad = {**GOOD, "utter_rate": ResponseTemplate("Berapa nilai yang Anda berikan?", ("1",))}
    assert response_problems(SOURCE, bad, "id") == ["utter_rate: 1 button titles, the source has 2"]


def test_text_left_in_english_is_reported():
    bad = {**GOOD, "utter_fee": ResponseTemplate("{service_title}: the fee for this service is {fee} in total.")}
    [problem] = response_problems(SOURCE, bad, "id")
    assert problem.startswith("utter_fee: reads as English")


def test_text_in_another_script_is_reported():
    bad = {**GOOD, "utter_rate": ResponseTemplate("คุณให้คะแนนเท่าไร", ("1", "2"))}
    [problem] = response_problems(SOURCE, bad, "id")
    assert "written mostly in Thai script" in problem


def test_the_source_takes_the_first_variant_and_its_button_titles():
    domain = {"utter_x": [{"text": "Hi {name}", "buttons": [{"title": "A", "payload": "/a"}]}, {"text": "Other"}]}
    assert source_templates(domain) == {"utter_x": ResponseTemplate("Hi {name}", ("A",))}


def test_a_file_named_for_another_language_is_refused(tmp_path: Path):
    path = tmp_path / "th.yml"
    path.write_text("language: lo\nresponses:\n  utter_x:\n    text: ສະບາຍດີ\n", encoding="utf-8")
    with pytest.raises(ContentError, match="must be 'th'"):
        load_translation_file(path)


def test_an_empty_text_is_refused(tmp_path: Path):
    path = tmp_path / "th.yml"
    path.write_text('language: th\nresponses:\n  utter_x:\n    text: "  "\n', encoding="utf-8")
    with pytest.raises(ContentError, match="responses.utter_x.text"):
        load_translation_file(path)
