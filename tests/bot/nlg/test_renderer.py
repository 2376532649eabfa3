"""Rendering a reply: curated text first, then machine translation (marked), then English."""

from __future__ import annotations

import time

from bot.nlg.bidi import FSI, PDI, RLM
from bot.nlg.renderer import ReplyRenderer, fill
from bot.responses import ResponseTemplate, ResponseTexts
from bot.translation.service import TranslationService
from tests.fakes.translation import libre_service

SOURCE = {
    "utter_answer_fees": ResponseTemplate("{service_title}: the fee is {fee}."),
    "utter_ask_rating": ResponseTemplate("How would you rate it?", ("Poor", "Good")),
    "utter_new_notice": ResponseTemplate("The Passport office moves on {day}.", ("Talk to an officer",)),
    "utter_machine_translation_note": ResponseTemplate("(machine translation)"),
}
CURATED = {
    "th": {
        "utter_answer_fees": ResponseTemplate("{service_title}: ค่าธรรมเนียม {fee}"),
        "utter_ask_rating": ResponseTemplate("คุณให้คะแนนเท่าไร", ("แย่", "ดี")),
        "utter_machine_translation_note": ResponseTemplate("(แปลด้วยเครื่อง)"),
    },
    "ur": {"utter_answer_fees": ResponseTemplate("{service_title}: فیس {fee} ہے۔")},
}
TEXTS = ResponseTexts(source=SOURCE, translations=CURATED)


def _glossary(language: str):
    return [("Passport", "หนังสือเดินทาง")] if language == "th" else []


async def test_curated_text_is_used_with_the_values_in_place():
    reply = await ReplyRenderer(TEXTS).render("utter_answer_fees", "th", {"service_title": "หนังสือเดินทาง", "fee": "60"})
    assert reply.text == "หนังสือเดินทาง: ค่าธรรมเนียม 60"
    assert (reply.language, reply.machine_translated) == ("th", False)


async def test_curated_button_titles_replace_the_source_titles():
    reply = await ReplyRenderer(TEXTS).render("utter_ask_rating", "th", {})
    assert reply.button_titles == ("แย่", "ดี")


async def test_without_curated_text_or_translator_the_english_source_is_sent():
    reply = await ReplyRenderer(TEXTS).render("utter_new_notice", "th", {"day": "Monday"})
    assert reply.text == "The Passport office moves on Monday."
    assert (reply.language, reply.machine_translated, reply.button_titles) == ("en", False, ("Talk to an officer",))


async def test_machine_translation_fills_a_gap_and_says_so(stand_ins, executor):
    renderer = ReplyRenderer(TEXTS, _glossary, libre_service([stand_ins[0].url], executor))
    reply = await renderer.render("utter_new_notice", "th", {"day": "วันจันทร์"})
    assert reply.machine_translated and reply.provider == "libre0" and reply.language == "th"
    assert reply.text == "th: The หนังสือเดินทาง office moves on วันจันทร์.\n(แปลด้วยเครื่อง)"
    assert reply.button_titles == ("th: Talk to an officer",)
    assert "วันจันทร์" not in stand_ins[0].received[0].text


async def test_a_failing_translator_leaves_the_english_source(stand_ins, executor):
    for stand_in in stand_ins:
        stand_in.behaviour.mode = "error"
    renderer = ReplyRenderer(TEXTS, _glossary, libre_service([s.url for s in stand_ins], executor))
    reply = await renderer.render("utter_new_notice", "th", {"day": "Monday"})
    assert reply.text == "The Passport office moves on Monday." and not reply.machine_translated


async def test_when_every_translator_hangs_the_citizen_still_gets_a_reply_within_4_seconds(stand_ins, executor):
    for stand_in in stand_ins:
        stand_in.behaviour.mode = "hang"
    service: TranslationService = libre_service([s.url for s in stand_ins], executor, timeout=3.0, budget=3.5)
    started = time.monotonic()
    reply = await ReplyRenderer(TEXTS, _glossary, service).render("utter_new_notice", "th", {"day": "Monday"})
    assert time.monotonic() - started < 4.0
    assert reply.text == "The Passport office moves on Monday."


async def test_right_to_left_replies_are_marked_and_latin_values_isolated():
    reply = await ReplyRenderer(TEXTS).render("utter_answer_fees", "ur", {"service_title": "پاسپورٹ", "fee": "USD 60"})
    assert reply.text.startswith(RLM) and reply.direction == "rtl"
    assert f"{FSI}USD 60{PDI}" in reply.text


async def test_an_unknown_reply_is_left_to_rasa():
    assert await ReplyRenderer(TEXTS).render("utter_not_ours", "th", {}) is None


def test_fill_keeps_literal_braces_and_never_reinterprets_values():
    assert fill("{a} {{x}}", {"a": "{b}"}) == "{b} {x}"
    assert fill("{missing}", {}) == "{missing}"
