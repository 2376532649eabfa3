"""Small talk, the two-stage fallback, and hostile or empty input."""

from __future__ import annotations

import pytest

from bot.storage.database import fallback_events
from tests.conversations.conftest import Citizen

#: A message the model cannot place (no word of the training vocabulary).
UNCLEAR = "xq zvbk wpl"


@pytest.mark.parametrize(
    "text, start",
    [
        ("am I talking to a robot?", "I'm an automated assistant, not a person."),
        ("what can you help me with?", "I can help with these services"),
        ("thanks a lot", "You're welcome!"),
        ("bye, that's all", "Goodbye, and thank you"),
    ],
)
async def test_small_talk_gets_its_answer(citizen: Citizen, text, start):
    texts = await citizen.texts(text)
    assert texts[0].startswith(start)


async def test_unclear_message_offers_choices_then_rephrase_then_gives_up_and_logs(citizen: Citizen, records):
    [choices] = await citizen.say(UNCLEAR)
    assert choices["text"] == "Sorry, I'm not sure I understood. Did you mean one of these?"
    assert len(choices["buttons"]) == 3
    assert choices["buttons"][-1] == {"title": "Something else", "payload": "/out_of_scope"}
    texts = await citizen.texts("/out_of_scope")
    assert texts[0].startswith("Sorry, I still didn't get that. Could you say it in other words?")
    texts = await citizen.texts(UNCLEAR)
    assert texts[0].startswith("Sorry, I'm not sure I understood") or texts[0].startswith(
        "Sorry, I can't help with that."
    )
    stages = [r["stage"] for r in records.rows(fallback_events, conversation_id=citizen.sender_id)]
    assert stages[0] == "clarify"
    assert all(r["text"] == UNCLEAR for r in records.rows(fallback_events, conversation_id=citizen.sender_id))


async def test_choosing_a_guess_answers_it(citizen: Citizen):
    [choices] = await citizen.say(UNCLEAR)
    first = choices["buttons"][0]
    replies = await citizen.say(first["payload"])
    assert replies and replies[0]["text"] != choices["text"]


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        "😀😀😀",
        "hello\x00\x01\x02 there\x1b[31m",
        "<script>alert('x')</script>",
        "<b>passport</b> fees?",
        "passport " * 700,
        "' OR 1=1; DROP TABLE feedback; --",
        "पासपोर्ट passport ค่าธรรมเนียม fees",
    ],
)
async def test_bad_input_gets_a_reply_and_is_kept_in_the_conversation(citizen: Citizen, text):
    replies = await citizen.say(text)
    assert replies, "every message gets an answer"
    assert all(reply.get("text") for reply in replies)
    tracker = await citizen.tracker()
    assert tracker.latest_message.text == text.strip()  # Rasa trims surrounding white space


async def test_five_thousand_characters_are_answered(citizen: Citizen):
    text = ("I need to renew my passport because it expires soon and I travel for work. " * 70)[:5000]
    replies = await citizen.say(text)
    assert replies and (await citizen.tracker()).latest_message.text == text


@pytest.mark.parametrize("text", ["", "😀😀😀", "!!! ???"])
async def test_message_without_words_asks_for_text_and_is_not_logged_as_a_gap(citizen: Citizen, records, text):
    texts = await citizen.texts(text)
    assert texts == [
        'I didn\'t catch any words there. Please type your question, for example "passport fees" or "check my application".'
    ]
    assert records.rows(fallback_events, conversation_id=citizen.sender_id) == []
    texts = await citizen.texts("how much is a passport?")
    assert texts[0] == "Passport: the fee is 60.00 US dollars."
