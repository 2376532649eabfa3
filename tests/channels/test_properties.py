"""Property-based: random text and bytes at every webhook and the parse endpoint.

Never a 5xx, and nothing lost: every message the REST channel accepts is in the tracker.
Bounded (a few dozen examples per property, loopback only) to keep the suite fast.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import urllib.request
import uuid

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.channels.conftest import FACEBOOK_APP_SECRET, TELEGRAM_SECRET
from tests.channels.helpers import post, post_json

FEW = settings(
    max_examples=25,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
#: Text a citizen (or an attacker) could type: any script, emoji, controls, markup.
TEXT = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=300) | st.sampled_from(
    ["<script>alert(1)</script>", "' OR 1=1 --", "\u202e\u200f", "😀" * 50, "/greet", "/inform{"]
)
JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=20),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=10), children, max_size=4),
    max_leaves=12,
)


@FEW
@given(text=TEXT)
def test_rest_answers_any_text_and_keeps_it(stack, text):
    sender = uuid.uuid4().hex
    status, replies = post_json(f"{stack.rasa_url}/webhooks/rest/webhook", {"sender": sender, "message": text})
    assert status == 200 and isinstance(replies, list)
    with urllib.request.urlopen(f"{stack.rasa_url}/conversations/{sender}/tracker", timeout=30) as response:
        events = json.loads(response.read())["events"]
    # Rasa strips surrounding white space (str.strip) from every message; nothing else changes.
    assert [event.get("text") for event in events if event["event"] == "user"][-1] == text.strip()


@FEW
@given(body=st.binary(max_size=2000))
def test_rest_never_fails_on_random_bytes(stack, body):
    assert post(f"{stack.rasa_url}/webhooks/rest/webhook", body)[0] < 500


@FEW
@given(text=TEXT)
def test_the_parse_endpoint_parses_any_text(stack, text):
    status, parsed = post_json(f"{stack.rasa_url}/model/parse", {"text": text})
    assert status == 200 and "intent" in parsed
    if not text.strip().startswith("/"):  # an /intent payload replaces the whole parse result
        assert "language" in parsed


@FEW
@given(body=st.binary(max_size=2000) | JSON.map(lambda value: json.dumps(value).encode()))
def test_telegram_never_fails_on_random_bodies(stack, body):
    headers = {"X-Telegram-Bot-Api-Secret-Token": TELEGRAM_SECRET}
    assert post(f"{stack.rasa_url}/webhooks/telegram/webhook", body, headers)[0] < 500


@FEW
@given(body=st.binary(max_size=2000) | JSON.map(lambda value: json.dumps(value).encode()), signed=st.booleans())
def test_facebook_never_fails_on_random_bodies(stack, body, signed):
    headers = {}
    if signed:
        digest = hmac.new(FACEBOOK_APP_SECRET.encode(), body, hashlib.sha256).hexdigest()
        headers["X-Hub-Signature-256"] = f"sha256={digest}"
    status, _ = post(f"{stack.rasa_url}/webhooks/facebook/webhook", body, headers)
    assert status < 500 and (signed or status == 403)
