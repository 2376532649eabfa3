"""The conversation so far as an officer reads it, from the tracker's events."""

from __future__ import annotations

from datetime import datetime, timezone
from typing import Any, Dict, Iterable, List

#: How many turns a handoff request carries; enough context, bounded in size.
MAX_TURNS = 50


def _time(event: Dict[str, Any]) -> str:
    stamp = event.get("timestamp")
    if isinstance(stamp, (int, float)):
        return datetime.fromtimestamp(stamp, tz=timezone.utc).isoformat(timespec="seconds")
    return ""


def transcript_from_events(events: Iterable[Dict[str, Any]], max_turns: int = MAX_TURNS) -> List[Dict[str, Any]]:
    """Citizen and assistant messages in order, each with its role, text, time and language."""
    turns: List[Dict[str, Any]] = []
    for event in events:
        kind = event.get("event")
        if kind == "user":
            parse = event.get("parse_data") or {}
            turns.append(
                {
                    "role": "citizen",
                    "text": event.get("text") or "",
                    "time": _time(event),
                    "intent": (parse.get("intent") or {}).get("name"),
                    "language": parse.get("language"),
                }
            )
        elif kind == "bot" and event.get("text"):
            turns.append({"role": "assistant", "text": event["text"], "time": _time(event)})
    return turns[-max_turns:]
