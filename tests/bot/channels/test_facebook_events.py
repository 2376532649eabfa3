"""Messenger webhook calls: signatures, the handshake, and the events in a body."""

from __future__ import annotations

import hashlib
import hmac

from bot.channels.facebook_events import (
    FacebookIncoming,
    handshake_challenge,
    parse_events,
    quick_replies,
    valid_signature,
)

BODY = b'{"object":"page"}'


def _sign(body: bytes, secret: str, algorithm=hashlib.sha256) -> str:
    return hmac.new(secret.encode(), body, algorithm).hexdigest()


def test_a_body_signed_with_the_app_secret_is_valid():
    assert valid_signature(BODY, {"X-Hub-Signature-256": "sha256=" + _sign(BODY, "s")}, "s")
    assert valid_signature(BODY, {"X-Hub-Signature": "sha1=" + _sign(BODY, "s", hashlib.sha1)}, "s")


def test_missing_wrong_or_mislabelled_signatures_are_invalid():
    assert not valid_signature(BODY, {}, "s")
    assert not valid_signature(BODY, {"X-Hub-Signature-256": "sha256=" + _sign(BODY, "other")}, "s")
    assert not valid_signature(BODY + b" ", {"X-Hub-Signature-256": "sha256=" + _sign(BODY, "s")}, "s")
    assert not valid_signature(BODY, {"X-Hub-Signature-256": "sha1=" + _sign(BODY, "s")}, "s")


def test_the_handshake_echoes_the_challenge_only_for_our_verify_token():
    query = {"hub.mode": "subscribe", "hub.verify_token": "v", "hub.challenge": "123"}
    assert handshake_challenge(query, "v") == "123"
    assert handshake_challenge({**query, "hub.verify_token": "x"}, "v") is None
    assert handshake_challenge({**query, "hub.mode": "unsubscribe"}, "v") is None


def test_texts_quick_replies_and_postbacks_become_messages_and_echoes_do_not():
    events = [
        {"sender": {"id": "1"}, "message": {"text": "hello"}},
        {"sender": {"id": "2"}, "message": {"text": "Fees", "quick_reply": {"payload": "/ask_fees"}}},
        {"sender": {"id": "3"}, "postback": {"payload": "/help"}},
        {"sender": {"id": "PAGE"}, "message": {"text": "our own reply", "is_echo": True}},
        {"sender": {"id": "4"}, "delivery": {"mids": []}},
        {"sender": {"id": "5"}, "message": {"attachments": [{"type": "image"}]}},
    ]
    body = {"object": "page", "entry": [{"messaging": events}]}
    assert parse_events(body) == [
        FacebookIncoming("1", "hello"),
        FacebookIncoming("2", "/ask_fees"),
        FacebookIncoming("3", "/help"),
        FacebookIncoming("5", ""),
    ]


def test_bodies_of_other_shapes_carry_no_messages():
    for body in (None, [], {"object": "user"}, {"object": "page", "entry": {}}, {"object": "page", "entry": [5]}):
        assert parse_events(body) == []


def test_buttons_become_at_most_13_quick_replies_with_short_titles():
    buttons = [{"title": f"Option number {n} with a long title", "payload": f"/x{n}"} for n in range(20)]
    replies = quick_replies(buttons)
    assert len(replies) == 13 and all(len(reply["title"]) <= 20 for reply in replies)
    assert replies[0] == {"content_type": "text", "title": "Option number 0 with", "payload": "/x0"}


def test_non_ascii_signatures_and_tokens_are_refused_not_crashed_on():
    assert not valid_signature(BODY, {"X-Hub-Signature-256": "sha256=é" + "0" * 63}, "s")
    assert handshake_challenge({"hub.mode": "subscribe", "hub.verify_token": "vé", "hub.challenge": "1"}, "v") is None
