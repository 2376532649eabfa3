"""REST stays available for integrations, with the NLG and the inbound pivot as deployed."""

from __future__ import annotations

import uuid

from bot.nlg.bidi import RLM
from tests.channels.conftest import FRENCH
from tests.channels.helpers import post, post_json


def _say(stack, text: str):
    status, replies = post_json(
        f"{stack.rasa_url}/webhooks/rest/webhook", {"sender": uuid.uuid4().hex, "message": text}
    )
    assert status == 200
    return replies


def test_a_thai_question_is_answered_in_thai_from_curated_text(stack):
    before = len(stack.translator.received)
    replies = _say(stack, "ค่าธรรมเนียมทำหนังสือเดินทางเท่าไหร่คะ")
    assert replies and replies[0]["text"].startswith("หนังสือเดินทาง") and "ดอลลาร์สหรัฐ" in replies[0]["text"]
    assert len(stack.translator.received) == before  # curated: nothing went to the translator


def test_an_urdu_reply_is_marked_right_to_left(stack):
    replies = _say(stack, "پاسپورٹ کی فیس کتنی ہے؟")
    assert replies and all(line.startswith(RLM) for line in replies[0]["text"].split("\n"))


def test_a_french_question_is_pivoted_into_english_and_answered(stack):
    replies = _say(stack, FRENCH)
    assert replies and replies[0]["text"].startswith("Passport: the fee is")
    assert (FRENCH, "fr", "en") in [(r.text, r.source, r.target) for r in stack.translator.received]


def test_malformed_json_is_refused_with_a_client_error(stack):
    status, _ = post(f"{stack.rasa_url}/webhooks/rest/webhook", b"{not json")
    assert 400 <= status < 500


def test_bodies_that_are_not_a_message_are_refused_with_a_client_error(stack):
    url = f"{stack.rasa_url}/webhooks/rest/webhook"
    for body in ([], {"message": "hi"}, {"sender": "x", "message": 5}, "text", {"sender": {"a": 1}}):
        status, _ = post_json(url, body)
        assert 400 <= status < 500, body
