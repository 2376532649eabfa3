"""One conversation as the reviewer reads it: each turn with its language, intent and confidence.

Read from Rasa's `events` table; citizens' words are redacted before they are shown, like
everything else the app displays.
"""

from __future__ import annotations

import json
from datetime import datetime, timezone
from typing import Any, Dict, List

from sqlalchemy import select
from sqlalchemy.engine import Engine

from bot.privacy import Redactor
from bot.review.facts import events_table


def transcript(engine: Engine, conversation_id: str, redactor: Redactor, limit: int = 500) -> List[Dict[str, Any]]:
    events = events_table(engine)
    if events is None:
        return []
    query = (
        select(events.c.type_name, events.c.data)
        .where(events.c.sender_id == conversation_id, events.c.type_name.in_(("user", "bot")))
        .order_by(events.c.id)
        .limit(limit)
    )
    with engine.connect() as connection:
        rows = connection.execute(query).all()
    turns = []
    for type_name, raw in rows:
        try:
            data = json.loads(raw or "{}")
        except ValueError:
            continue
        when = datetime.fromtimestamp(float(data.get("timestamp") or 0), tz=timezone.utc)
        if type_name == "user":
            parse = data.get("parse_data") or {}
            intent = parse.get("intent") or {}
            turns.append(
                {
                    "role": "citizen",
                    "text": redactor.redact(data.get("text") or ""),
                    "language": parse.get("language"),
                    "intent": intent.get("name"),
                    "confidence": intent.get("confidence"),
                    "time": when,
                }
            )
        else:
            metadata = data.get("metadata") or {}
            turns.append(
                {
                    "role": "assistant",
                    "text": data.get("text") or "",
                    "language": metadata.get("language"),
                    "intent": None,
                    "confidence": None,
                    "time": when,
                    "machine_translated": bool(metadata.get("machine_translated")),
                }
            )
    return turns
