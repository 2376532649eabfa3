"""Keeps `message_facts` in step with Rasa's `events` table, one row per citizen message.

Incremental: only events after the last one already turned into a fact are read (and a
window of `LOOKBACK` events before it, since replicas writing at once can commit a lower
id after a higher one), so a page load parses a few thousand events, not the history. A message's language is
the conversation's language after it was handled (the `language` slot Rasa sets right
after it), its service the service entity it named or the `service` slot set in its turn.
"""

from __future__ import annotations

import json
from datetime import datetime, timezone
from typing import Any, Dict, List, Optional

from sqlalchemy import MetaData, Table, func, insert, inspect, select
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import IntegrityError

from bot.languages.registry import DEFAULT_LANGUAGE
from bot.storage.database import message_facts

BATCH = 5000
#: Events re-read before the last fact: covers transactions committed out of id order.
LOOKBACK = 2000


def events_table(engine: Engine) -> Optional[Table]:
    """Rasa's tracker-store table, or None before the first conversation created it."""
    if not inspect(engine).has_table("events"):
        return None
    return Table("events", MetaData(), autoload_with=engine)


def _service_of(parse_data: Dict[str, Any]) -> Optional[str]:
    for entity in parse_data.get("entities") or []:
        if isinstance(entity, dict) and entity.get("entity") == "service" and isinstance(entity.get("value"), str):
            return entity["value"]
    return None


class _Turns:
    """Builds facts from events in order, remembering each conversation's language."""

    def __init__(self, connection: Connection) -> None:
        self._connection = connection
        self._language: Dict[str, str] = {}
        self._last: Dict[str, Dict[str, Any]] = {}
        self.facts: List[Dict[str, Any]] = []

    def _known_language(self, conversation: str) -> Optional[str]:
        if conversation not in self._language:
            query = (
                select(message_facts.c.language)
                .where(message_facts.c.conversation_id == conversation)
                .order_by(message_facts.c.event_id.desc())
                .limit(1)
            )
            found = self._connection.execute(query).scalar()
            if found:
                self._language[conversation] = found
        return self._language.get(conversation)

    def user(self, event_id: int, conversation: str, data: Dict[str, Any]) -> None:
        parse = data.get("parse_data") or {}
        intent = parse.get("intent") or {}
        fact = {
            "event_id": event_id,
            "conversation_id": conversation,
            "created_at": datetime.fromtimestamp(float(data.get("timestamp") or 0), tz=timezone.utc),
            "channel": str(data.get("input_channel") or "unknown")[:40],
            "language": self._known_language(conversation) or parse.get("language") or DEFAULT_LANGUAGE,
            "intent": intent.get("name"),
            "confidence": intent.get("confidence"),
            "service_id": _service_of(parse),
        }
        self.facts.append(fact)
        self._last[conversation] = fact

    def seen(self, conversation: str) -> None:
        """A message already turned into a fact: what follows it must not change other facts."""
        self._last.pop(conversation, None)

    def slot(self, conversation: str, data: Dict[str, Any]) -> None:
        name, value = data.get("name"), data.get("value")
        last = self._last.get(conversation)
        if name == "language" and isinstance(value, str):
            self._language[conversation] = value
            if last is not None:
                last["language"] = value
        elif name == "service" and isinstance(value, str) and last is not None and not last["service_id"]:
            last["service_id"] = value


def refresh_facts(engine: Engine) -> int:
    """Turns every event not yet seen into facts; returns how many messages were added."""
    events = events_table(engine)
    if events is None:
        return 0
    try:
        return _materialize(engine, events)
    except IntegrityError:
        return 0  # another review app process materialized the same messages just now


def _materialize(engine: Engine, events: Table) -> int:
    added = 0
    with engine.begin() as connection:
        watermark = max(0, (connection.execute(select(func.max(message_facts.c.event_id))).scalar() or 0) - LOOKBACK)
        done = set(
            connection.execute(select(message_facts.c.event_id).where(message_facts.c.event_id > watermark)).scalars()
        )
        turns = _Turns(connection)
        while True:
            query = (
                select(events.c.id, events.c.sender_id, events.c.type_name, events.c.data)
                .where(events.c.id > watermark, events.c.type_name.in_(("user", "slot")))
                .order_by(events.c.id)
                .limit(BATCH)
            )
            rows = connection.execute(query).all()
            if not rows:
                break
            for row in rows:
                try:
                    data = json.loads(row.data or "{}")
                except ValueError:
                    continue
                if row.type_name == "user" and row.id in done:
                    turns.seen(row.sender_id)
                elif row.type_name == "user":
                    turns.user(row.id, row.sender_id, data)
                else:
                    turns.slot(row.sender_id, data)
            watermark = rows[-1].id
        if turns.facts:
            connection.execute(insert(message_facts), turns.facts)
            added = len(turns.facts)
    return added
