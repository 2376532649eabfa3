"""Telegram: the real channel code driven with Bot API updates, against a Bot API stand-in."""

from __future__ import annotations

import itertools
import json

from tests.channels.conftest import TELEGRAM_SECRET, TELEGRAM_TOKEN
from tests.channels.helpers import eventually, post, post_json

_ids = itertools.count(1000)
SECRET = {"X-Telegram-Bot-Api-Secret-Token": TELEGRAM_SECRET}


def _url(stack) -> str:
    return f"{stack.rasa_url}/webhooks/telegram/webhook"


def _message(chat_id: int, text: str, language_code: str = "en") -> dict:
    return {
        "update_id": next(_ids),
        "message": {
            "message_id": next(_ids),
            "date": 1764400000,
            "chat": {"id": chat_id, "type": "private"},
            "from": {"id": chat_id, "is_bot": False, "first_name": "Somchai", "language_code": language_code},
            "text": text,
        },
    }


def _sent(stack, chat_id: int, count: int = 1) -> list:
    return eventually(
        lambda: (
            len(stack.telegram.bodies("/sendMessage", chat_id=str(chat_id))) >= count
            and stack.telegram.bodies("/sendMessage", chat_id=str(chat_id))
        )
    )


def test_the_first_reply_is_in_the_users_telegram_language(stack):
    chat_id = next(_ids)
    status, _ = post_json(_url(stack), _message(chat_id, "/start", "th-TH"), SECRET)
    assert status == 200
    [greeting] = _sent(stack, chat_id)
    assert greeting["text"].startswith("สวัสดี")
    keyboard = greeting["reply_markup"]["inline_keyboard"]
    assert [row[0]["callback_data"] for row in keyboard] == ["/help", "/check_application_status", "/request_human"]
    assert all(call.path.startswith(f"/bot{TELEGRAM_TOKEN}/") for call in stack.telegram.calls)


def test_a_button_press_is_answered_and_acknowledged(stack):
    chat_id = next(_ids)
    post_json(_url(stack), _message(chat_id, "hello", "en"), SECRET)
    _sent(stack, chat_id)
    press = {
        "update_id": next(_ids),
        "callback_query": {
            "id": "cbq-77",
            "from": {"id": chat_id, "is_bot": False, "first_name": "A", "language_code": "en"},
            "message": {"message_id": 5, "chat": {"id": chat_id, "type": "private"}, "date": 1764400000},
            "data": "/request_human",
        },
    }
    status, _ = post_json(_url(stack), press, SECRET)
    assert status == 200
    assert stack.telegram.bodies("/answerCallbackQuery", callback_query_id="cbq-77")
    replies = _sent(stack, chat_id, 2)
    assert "officer" in replies[-1]["text"]


def test_a_wrong_or_missing_secret_token_is_refused(stack):
    chat_id = next(_ids)
    for headers in ({}, {"X-Telegram-Bot-Api-Secret-Token": "guess"}):
        status, _ = post_json(_url(stack), _message(chat_id, "hello"), headers)
        assert status == 403
    assert not stack.telegram.bodies("/sendMessage", chat_id=str(chat_id))


def test_malformed_oversized_and_unknown_updates_get_a_client_error_or_are_ignored(stack):
    url = _url(stack)
    assert post(url, b"{not json", SECRET)[0] == 400
    assert post(url, json.dumps({"message": {"text": "x" * 1_100_000}}).encode(), SECRET)[0] == 413
    for update in ({"update_id": 1, "edited_message": {"text": "hi"}}, {"update_id": 2}, [], {"message": "text"}):
        status, body = post_json(url, update, SECRET)
        assert (status, body) == (200, {"status": "ignored"}), update


def test_a_sticker_without_text_is_answered_not_dropped(stack):
    chat_id = next(_ids)
    update = _message(chat_id, "", "en")
    del update["message"]["text"]
    update["message"]["sticker"] = {"file_id": "abc"}
    assert post_json(_url(stack), update, SECRET)[0] == 200
    [reply] = _sent(stack, chat_id)
    assert "words" in reply["text"]
