"""Choosing what to offer when the assistant is not sure what the citizen meant."""

from __future__ import annotations

import json
from typing import Any, Dict, List, Sequence

#: Intents never offered as a guess: they are not something a citizen wants to "mean".
_NOT_OFFERED = {"nlu_fallback", "out_of_scope", "affirm", "deny", "inform", "greet", "goodbye", "thank"}


def likeliest_intents(intent_ranking: Sequence[Dict[str, Any]], count: int = 2) -> List[Dict[str, Any]]:
    """The `count` most confident intents worth offering, best first."""
    ranked = sorted(intent_ranking, key=lambda item: item.get("confidence") or 0.0, reverse=True)
    return [
        {"name": item["name"], "confidence": float(item.get("confidence") or 0.0)}
        for item in ranked
        if item.get("name") and item["name"] not in _NOT_OFFERED
    ][:count]


def intent_payload(intent: str, entities: Sequence[Dict[str, Any]]) -> str:
    """A button payload that replays `intent` with the message's entities (`/ask_fees{...}`)."""
    values: Dict[str, Any] = {}
    for entity in entities:
        if entity.get("entity") and entity.get("value") is not None:
            values.setdefault(entity["entity"], entity["value"])
    return f"/{intent}{json.dumps(values, ensure_ascii=False, separators=(',', ':'))}" if values else f"/{intent}"


def has_words(text: str) -> bool:
    """Whether `text` has any letter or digit (an empty, emoji-only or symbol-only message has none)."""
    return any(char.isalnum() for char in text)
