"""Reads Telegram Bot API updates into what the assistant needs, and builds its keyboards.

Pure functions over the update JSON, so every shape Telegram sends (and every malformed
one) is tested without a server. An update that is not a message or a button press
(edited messages, channel posts, joins) is ignored, never an error.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import Any, Dict, List, Mapping, Optional

#: Telegram refuses callback data longer than this many bytes.
MAX_CALLBACK_BYTES = 64
#: Telegram refuses messages longer than this many characters.
MAX_MESSAGE_CHARS = 4096


@dataclass(frozen=True)
class TelegramIncoming:
    """A citizen's message or button press."""

    chat_id: str
    text: str
    language_code: Optional[str] = None
    callback_query_id: Optional[str] = None


def _language(sender: Any) -> Optional[str]:
    code = sender.get("language_code") if isinstance(sender, dict) else None
    return code if isinstance(code, str) and code else None


def parse_update(update: Any) -> Optional[TelegramIncoming]:
    """The citizen's message in `update`, or None when there is nothing to answer."""
    if not isinstance(update, dict):
        return None
    message = update.get("message")
    if isinstance(message, dict):
        chat = message.get("chat")
        if not isinstance(chat, dict) or chat.get("id") is None:
            return None
        text = message.get("text") if isinstance(message.get("text"), str) else message.get("caption")
        text = text if isinstance(text, str) else ""
        if text == "/start" or text.startswith("/start "):
            text = "/greet"  # every Telegram chat opens with /start
        return TelegramIncoming(str(chat["id"]), text, _language(message.get("from")))
    query = update.get("callback_query")
    if isinstance(query, dict) and isinstance(query.get("data"), str) and query.get("id") is not None:
        origin = query.get("message")
        chat = origin.get("chat") if isinstance(origin, dict) else None
        chat_id = chat.get("id") if isinstance(chat, dict) else (query.get("from") or {}).get("id")
        if chat_id is None:
            return None
        return TelegramIncoming(str(chat_id), query["data"], _language(query.get("from")), str(query["id"]))
    return None


class CallbackPayloads:
    """Button payloads as callback data: as they are when short enough, else a short key."""

    def __init__(self, capacity: int = 10_000) -> None:
        self._long: Dict[str, str] = {}
        self._capacity = capacity

    def encode(self, payload: str) -> str:
        if len(payload.encode("utf-8")) <= MAX_CALLBACK_BYTES:
            return payload
        key = "~" + hashlib.sha256(payload.encode("utf-8")).hexdigest()[:32]
        if len(self._long) >= self._capacity:
            self._long.pop(next(iter(self._long)))
        self._long[key] = payload
        return key

    def decode(self, data: str) -> str:
        return self._long.get(data, data)


def inline_keyboard(buttons: List[Mapping[str, Any]], payloads: CallbackPayloads) -> Dict[str, Any]:
    """Buttons as an inline keyboard: short titles (ratings) share a row, others get one each."""
    keys = [
        {"text": str(b.get("title", "")), "callback_data": payloads.encode(str(b.get("payload", "")))} for b in buttons
    ]
    if keys and all(len(key["text"]) <= 3 for key in keys):
        return {"inline_keyboard": [keys]}
    return {"inline_keyboard": [[key] for key in keys]}


def split_text(text: str, limit: int = MAX_MESSAGE_CHARS) -> List[str]:
    """`text` in parts Telegram accepts, cut at line breaks where possible."""
    parts: List[str] = []
    while len(text) > limit:
        cut = text.rfind("\n", 0, limit)
        cut = cut if cut > 0 else limit
        parts.append(text[:cut])
        text = text[cut:].lstrip("\n")
    return parts + [text] if text else parts
