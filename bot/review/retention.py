"""Deletes conversations and every record about them older than the retention period."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from typing import Dict

from sqlalchemy import delete
from sqlalchemy.engine import Engine

from bot.review.facts import events_table
from bot.storage.database import (
    complaints,
    english_renderings,
    fallback_events,
    feedback,
    handoff_requests,
    message_facts,
    review_sessions,
)


def apply_retention(engine: Engine, days: int, now: datetime | None = None) -> Dict[str, int]:
    """Removes what is older than `days` days; returns how many rows went from each table."""
    if days < 1:
        raise ValueError("the retention period is at least one day")
    cutoff = (now or datetime.now(timezone.utc)) - timedelta(days=days)
    removed: Dict[str, int] = {}
    with engine.begin() as connection:
        events = events_table(engine)
        if events is not None:
            removed["events"] = connection.execute(
                delete(events).where(events.c.timestamp < cutoff.timestamp())
            ).rowcount
        for table in (message_facts, feedback, complaints, handoff_requests, fallback_events, english_renderings):
            removed[table.name] = connection.execute(delete(table).where(table.c.created_at < cutoff)).rowcount
        connection.execute(delete(review_sessions).where(review_sessions.c.expires_at < cutoff))
    return removed
