"""Reading Telegram updates and building keyboards, for every shape Telegram sends."""

from __future__ import annotations

import pytest

from bot.channels.telegram_updates import (
    MAX_CALLBACK_BYTES,
    CallbackPayloads,
    TelegramIncoming,
    inline_keyboard,
    parse_update,
    split_text,
)


def test_a_text_message_carries_the_chat_and_the_users_language():
    update = {"message": {"chat": {"id": 42}, "from": {"id": 7, "language_code": "km"}, "text": "សួស្តី"}}
    assert parse_update(update) == TelegramIncoming("42", "សួស្តី", "km")


def test_start_opens_the_conversation_with_a_greeting():
    assert parse_update({"message": {"chat": {"id": 1}, "text": "/start"}}).text == "/greet"


def test_a_button_press_carries_its_payload_and_query_id():
    update = {"callback_query": {"id": "q1", "from": {"id": 9}, "message": {"chat": {"id": 9}}, "data": "/help"}}
    assert parse_update(update) == TelegramIncoming("9", "/help", None, "q1")


def test_a_photo_caption_is_the_text_and_a_sticker_is_an_empty_message():
    assert parse_update({"message": {"chat": {"id": 1}, "caption": "my receipt"}}).text == "my receipt"
    assert parse_update({"message": {"chat": {"id": 1}, "sticker": {}}}).text == ""


@pytest.mark.parametrize(
    "update",
    [
        None,
        [],
        "x",
        {},
        {"edited_message": {"chat": {"id": 1}, "text": "hi"}},
        {"message": "hi"},
        {"message": {"text": "no chat"}},
    ],
)
def test_updates_without_a_citizen_message_are_ignored(update):
    assert parse_update(update) is None


def test_short_titles_share_a_row_and_long_payloads_get_a_short_key():
    payloads = CallbackPayloads()
    ratings = inline_keyboard(
        [{"title": str(n), "payload": f'/inform{{"rating":"{n}"}}'} for n in range(1, 6)], payloads
    )
    assert len(ratings["inline_keyboard"]) == 1 and len(ratings["inline_keyboard"][0]) == 5
    long_payload = '/inform{"service":"business_registration","note":"' + "x" * 60 + '"}'
    [[key]] = inline_keyboard([{"title": "Business registration", "payload": long_payload}], payloads)[
        "inline_keyboard"
    ]
    assert len(key["callback_data"].encode()) <= MAX_CALLBACK_BYTES
    assert payloads.decode(key["callback_data"]) == long_payload


def test_long_replies_are_split_at_line_breaks_within_telegrams_limit():
    text = "\n".join(["a" * 3000, "b" * 3000])
    assert split_text(text) == ["a" * 3000, "b" * 3000]
    assert all(len(part) <= 4096 for part in split_text("c" * 9000))
