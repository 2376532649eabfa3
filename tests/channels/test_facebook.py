"""Facebook Messenger: signed webhook calls answered, unsigned or forged ones refused with 403."""

from __future__ import annotations

import hashlib
import hmac
import itertools
import json
import urllib.error
import urllib.request

from tests.channels.conftest import FACEBOOK_APP_SECRET, FACEBOOK_PAGE_TOKEN, FACEBOOK_VERIFY_TOKEN
from tests.channels.helpers import eventually, post

_ids = itertools.count(5000)


def _url(stack) -> str:
    return f"{stack.rasa_url}/webhooks/facebook/webhook"


def _body(sender: str, **message) -> bytes:
    event = {"sender": {"id": sender}, "recipient": {"id": "PAGE"}, "timestamp": 1764400000, **message}
    return json.dumps({"object": "page", "entry": [{"id": "PAGE", "time": 1, "messaging": [event]}]}).encode()


def _signed(body: bytes, secret: str = FACEBOOK_APP_SECRET) -> dict:
    return {"X-Hub-Signature-256": "sha256=" + hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()}


def _sent(stack, sender: str, count: int = 1) -> list:
    return eventually(
        lambda: (
            len(stack.graph.bodies("/me/messages", recipient__id=sender)) >= count
            and stack.graph.bodies("/me/messages", recipient__id=sender)
        )
    )


def test_a_signed_message_is_answered_with_quick_replies(stack):
    sender = f"psid-{next(_ids)}"
    body = _body(sender, message={"mid": "m1", "text": "hello"})
    status, answer = post(_url(stack), body, _signed(body))
    assert (status, answer) == (200, "EVENT_RECEIVED")
    [greeting] = _sent(stack, sender)
    assert greeting["message"]["text"].startswith("Hello!")
    assert [reply["payload"] for reply in greeting["message"]["quick_replies"]] == [
        "/help",
        "/check_application_status",
        "/request_human",
    ]
    call = next(c for c in stack.graph.calls if c.body == greeting)
    assert call.query == {"access_token": FACEBOOK_PAGE_TOKEN}


def test_a_quick_reply_sends_its_payload(stack):
    sender = f"psid-{next(_ids)}"
    body = _body(
        sender, message={"mid": "m2", "text": "Talk to an officer", "quick_reply": {"payload": "/request_human"}}
    )
    assert post(_url(stack), body, _signed(body))[0] == 200
    [reply] = _sent(stack, sender)
    assert "officer" in reply["message"]["text"]


def test_the_older_sha1_signature_is_accepted(stack):
    sender = f"psid-{next(_ids)}"
    body = _body(sender, message={"mid": "m3", "text": "hello"})
    signature = "sha1=" + hmac.new(FACEBOOK_APP_SECRET.encode(), body, hashlib.sha1).hexdigest()
    assert post(_url(stack), body, {"X-Hub-Signature": signature})[0] == 200
    assert _sent(stack, sender)


def test_unsigned_and_wrongly_signed_calls_are_refused_with_403(stack):
    sender = f"psid-{next(_ids)}"
    body = _body(sender, message={"mid": "m4", "text": "hello"})
    forged = _body(sender, message={"mid": "m4", "text": "forged"})
    for headers in ({}, _signed(body, "not-the-secret"), _signed(forged), {"X-Hub-Signature-256": "sha256=zz"}):
        assert post(_url(stack), body, headers)[0] == 403
    assert not stack.graph.bodies("/me/messages", recipient__id=sender)


def test_the_verify_token_handshake(stack):
    query = f"hub.mode=subscribe&hub.verify_token={FACEBOOK_VERIFY_TOKEN}&hub.challenge=1158201444"
    with urllib.request.urlopen(f"{_url(stack)}?{query}", timeout=10) as response:
        assert (response.status, response.read()) == (200, b"1158201444")
    wrong = "hub.mode=subscribe&hub.verify_token=guess&hub.challenge=1"
    try:
        urllib.request.urlopen(f"{_url(stack)}?{wrong}", timeout=10)
        raise AssertionError("a wrong verify token was accepted")
    except urllib.error.HTTPError as error:
        assert error.code == 403


def test_malformed_and_unknown_signed_bodies_get_a_client_error_or_are_ignored(stack):
    malformed = b"{not json"
    assert post(_url(stack), malformed, _signed(malformed))[0] == 400
    for payload in (
        {"object": "instagram"},
        {"object": "page", "entry": "x"},
        {"object": "page", "entry": [{"messaging": [{"delivery": {}}]}]},
    ):
        body = json.dumps(payload).encode()
        assert post(_url(stack), body, _signed(body)) == (200, "EVENT_RECEIVED")
    huge = json.dumps({"object": "page", "pad": "x" * 1_100_000}).encode()
    assert post(_url(stack), huge, _signed(huge))[0] == 413
