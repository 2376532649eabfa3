"""Checks, after a load run, that the tracker store holds every conversation exactly as it
happened: each answered message once, in the order sent, each reply once, nothing else.

Reads Rasa's `events` table (the SQL tracker store) directly, so it judges what a replica
that starts tomorrow would load, not what a running replica keeps in memory.
"""

from __future__ import annotations

import json
from collections import Counter
from typing import Dict, List

from sqlalchemy import column, select, table
from sqlalchemy.engine import Engine

from bot.loadgen.driver import LoadReport, MessageResult

_EVENTS = table("events", column("id"), column("sender_id"), column("type_name"), column("timestamp"), column("data"))


def _stored(engine: Engine, conversation_ids: List[str]) -> Dict[str, List[tuple]]:
    rows: Dict[str, List[tuple]] = {conversation_id: [] for conversation_id in conversation_ids}
    query = (
        select(_EVENTS.c.sender_id, _EVENTS.c.type_name, _EVENTS.c.timestamp, _EVENTS.c.data)
        .where(_EVENTS.c.sender_id.in_(conversation_ids))
        .order_by(_EVENTS.c.id)
    )
    with engine.connect() as connection:
        for sender_id, type_name, timestamp, data in connection.execute(query):
            rows[sender_id].append((type_name, timestamp, data))
    return rows


def _messages_sent(bot_event: dict) -> int:
    """How many REST messages one bot event becomes (Rasa splits plain text on blank lines)."""
    text = (bot_event.get("text") or "").strip()
    if bot_event.get("data", {}).get("buttons") or not text:
        return 1
    return len(text.split("\n\n"))


def _conversation_problems(results: List[MessageResult], events: List[tuple]) -> List[str]:
    problems = []
    if len(set(events)) != len(events):
        problems.append(f"{len(events) - len(set(events))} events stored twice")
    timestamps = [timestamp for _, timestamp, _ in events]
    if timestamps != sorted(timestamps):
        problems.append("events out of order")
    said = [json.loads(data).get("text") for type_name, _, data in events if type_name == "user"]
    sent = Counter(result.text for result in results)
    repeated = [text for text, count in Counter(said).items() if count > sent[text]]
    if repeated:
        problems.append(f"user messages stored twice: {repeated[:3]}")
        return problems
    position = 0
    for result in results:
        stored_here = position < len(said) and said[position] == result.text
        if result.error is None and not stored_here:
            problems.append(f"answered message {result.index} {result.text!r} missing or out of order")
            return problems
        if stored_here and (result.error is None or result.delivered):
            position += 1
    if position != len(said):
        problems.append(f"{len(said) - position} user messages stored that were not sent or were stored twice")
    if all(result.error is None for result in results):
        replies = sum(len(result.replies) for result in results)
        spoken = sum(_messages_sent(json.loads(data)) for type_name, _, data in events if type_name == "bot")
        if spoken != replies:
            problems.append(f"{spoken} bot messages stored, {replies} received")
    return problems


def audit(engine: Engine, report: LoadReport) -> Dict[str, List[str]]:
    """Problems per conversation id; empty when every conversation is stored exactly."""
    by_conversation: Dict[str, List[MessageResult]] = {}
    for result in report.results:
        by_conversation.setdefault(result.conversation_id, []).append(result)
    stored = _stored(engine, list(by_conversation))
    found = {}
    for conversation_id, results in by_conversation.items():
        problems = _conversation_problems(sorted(results, key=lambda result: result.index), stored[conversation_id])
        if problems:
            found[conversation_id] = problems
    return found
