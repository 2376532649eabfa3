"""Reads Messenger webhook calls: the signature, the subscription handshake, the events.

Pure functions: the signature is checked over the raw body with the app secret
(`X-Hub-Signature-256`, or the older SHA-1 `X-Hub-Signature`), and each messaging event
becomes the citizen's text or the payload of the quick reply or button they pressed.
Echoes, deliveries and reads are ignored.
"""

from __future__ import annotations

import hashlib
import hmac
from dataclasses import dataclass
from typing import Any, Dict, List, Mapping, Optional

#: Messenger's limits on one message and its quick replies.
MAX_TEXT_CHARS, MAX_QUICK_REPLIES, MAX_QUICK_REPLY_TITLE = 2000, 13, 20


@dataclass(frozen=True)
class FacebookIncoming:
    sender_id: str
    text: str


def valid_signature(body: bytes, headers: Mapping[str, str], app_secret: str) -> bool:
    """Whether the body was signed with the app secret; a missing signature is invalid."""
    for header, algorithm in (("X-Hub-Signature-256", hashlib.sha256), ("X-Hub-Signature", hashlib.sha1)):
        signature = headers.get(header)
        if signature:
            prefix, _, digest = signature.partition("=")
            expected = hmac.new(app_secret.encode("utf-8"), body, algorithm).hexdigest()
            return prefix == algorithm().name and hmac.compare_digest(digest.encode(), expected.encode())
    return False


def handshake_challenge(query: Mapping[str, str], verify_token: str) -> Optional[str]:
    """The challenge to echo when Facebook subscribes the webhook with our verify token."""
    sent = query.get("hub.verify_token", "").encode("utf-8", "replace")
    if query.get("hub.mode") == "subscribe" and hmac.compare_digest(sent, verify_token.encode("utf-8")):
        return query.get("hub.challenge", "")
    return None


def _event_text(event: Dict[str, Any]) -> Optional[str]:
    message = event.get("message")
    if isinstance(message, dict):
        if message.get("is_echo"):
            return None
        quick_reply = message.get("quick_reply")
        if isinstance(quick_reply, dict) and isinstance(quick_reply.get("payload"), str):
            return quick_reply["payload"]
        return message["text"] if isinstance(message.get("text"), str) else ""
    postback = event.get("postback")
    if isinstance(postback, dict) and isinstance(postback.get("payload"), str):
        return postback["payload"]
    return None


def parse_events(body: Any) -> List[FacebookIncoming]:
    """Every citizen message in a webhook body (a page can batch several)."""
    if not isinstance(body, dict) or body.get("object") != "page" or not isinstance(body.get("entry"), list):
        return []
    incoming = []
    for entry in body["entry"]:
        events = entry.get("messaging") if isinstance(entry, dict) else None
        for event in events if isinstance(events, list) else []:
            sender = event.get("sender") if isinstance(event, dict) else None
            sender_id = sender.get("id") if isinstance(sender, dict) else None
            text = _event_text(event) if sender_id is not None else None
            if text is not None:
                incoming.append(FacebookIncoming(str(sender_id), text))
    return incoming


def quick_replies(buttons: List[Mapping[str, Any]]) -> List[Dict[str, str]]:
    """Buttons as Messenger quick replies (at most 13, titles cut to 20 characters)."""
    return [
        {
            "content_type": "text",
            "title": str(button.get("title", ""))[:MAX_QUICK_REPLY_TITLE],
            "payload": str(button.get("payload", "")),
        }
        for button in buttons[:MAX_QUICK_REPLIES]
    ]
