"""The review app's figures: every number a page shows, computed in SQL within a `Scope`.

Definitions (also on the pages): a conversation is a sender with at least one message in
range; the fallback rate is unanswered messages (gaps logged at the clarify, give-up and
out-of-scope stages) over messages; the answered rate is one minus it; the handoff rate is
conversations with a handoff request over conversations.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Dict, List, Optional

from sqlalchemy import and_, func, select
from sqlalchemy.engine import Engine

from bot.review.grouping import Group, group_texts
from bot.review.scope import Scope
from bot.storage.database import (
    complaints,
    english_renderings,
    fallback_events,
    feedback,
    handoff_requests,
    message_facts,
)


def _rate(part: float, whole: float) -> Optional[float]:
    return part / whole if whole else None


@dataclass(frozen=True)
class Overview:
    conversations: int
    messages: int
    unanswered: int
    handoff_conversations: int
    ratings: int
    average_rating: Optional[float]

    @property
    def fallback_rate(self) -> Optional[float]:
        return _rate(self.unanswered, self.messages)

    @property
    def answered_rate(self) -> Optional[float]:
        rate = self.fallback_rate
        return None if rate is None else 1 - rate

    @property
    def handoff_rate(self) -> Optional[float]:
        return _rate(self.handoff_conversations, self.conversations)


def overview(engine: Engine, scope: Scope) -> Overview:
    with engine.connect() as connection:
        conversations, messages = connection.execute(
            select(func.count(func.distinct(message_facts.c.conversation_id)), func.count())
            .select_from(message_facts)
            .where(scope.messages())
        ).one()
        unanswered = connection.execute(
            select(func.count()).select_from(fallback_events).where(scope.records(fallback_events))
        ).scalar()
        handoffs = connection.execute(
            select(func.count(func.distinct(handoff_requests.c.conversation_id))).where(scope.records(handoff_requests))
        ).scalar()
        ratings, average = connection.execute(
            select(func.count(), func.avg(feedback.c.rating)).select_from(feedback).where(scope.records(feedback))
        ).one()
    return Overview(conversations, messages, unanswered, handoffs, ratings, float(average) if average else None)


def _by(engine: Engine, key, table, where) -> Dict[Any, int]:
    with engine.connect() as connection:
        query = select(key, func.count()).select_from(table).where(where).group_by(key)
        return {row[0]: row[1] for row in connection.execute(query)}


def per_day(engine: Engine, scope: Scope) -> List[Dict[str, Any]]:
    """Messages and unanswered messages per day."""
    messages = _by(engine, func.date(message_facts.c.created_at), message_facts, scope.messages())
    gaps = _by(engine, func.date(fallback_events.c.created_at), fallback_events, scope.records(fallback_events))
    return [
        {"day": str(day), "messages": messages.get(day, 0), "unanswered": gaps.get(day, 0)}
        for day in sorted(set(messages) | set(gaps))
    ]


def _ratings_by(engine: Engine, scope: Scope, column) -> Dict[Any, tuple]:
    """key → (number of ratings, average rating)."""
    query = (
        select(column, func.count(), func.avg(feedback.c.rating))
        .select_from(feedback)
        .where(scope.records(feedback))
        .group_by(column)
    )
    with engine.connect() as connection:
        return {row[0]: (row[1], float(row[2])) for row in connection.execute(query)}


def per_language(engine: Engine, scope: Scope) -> List[Dict[str, Any]]:
    """Per language: messages, unanswered, fallback rate, ratings and their average."""
    messages = _by(engine, message_facts.c.language, message_facts, scope.messages())
    gaps = _by(engine, fallback_events.c.language, fallback_events, scope.records(fallback_events))
    ratings = _ratings_by(engine, scope, feedback.c.language)
    rows = []
    for language in sorted(set(messages) | set(gaps) | set(ratings)):
        count, average = ratings.get(language, (0, None))
        rows.append(
            {
                "language": language,
                "messages": messages.get(language, 0),
                "unanswered": gaps.get(language, 0),
                "fallback_rate": _rate(gaps.get(language, 0), messages.get(language, 0)),
                "ratings": count,
                "average_rating": average,
            }
        )
    return rows


def per_channel(engine: Engine, scope: Scope) -> Dict[str, int]:
    return _by(engine, message_facts.c.channel, message_facts, scope.messages())


def service_quality(engine: Engine, scope: Scope) -> List[Dict[str, Any]]:
    """Per service: complaints, ratings and average rating; most complaints first."""
    complaint_counts = _by(engine, complaints.c.service_id, complaints, scope.records(complaints))
    ratings = _ratings_by(engine, scope, feedback.c.service_id)
    services = [sid for sid in set(complaint_counts) | set(ratings) if sid]
    rows = [
        {
            "service": sid,
            "complaints": complaint_counts.get(sid, 0),
            "ratings": ratings.get(sid, (0, None))[0],
            "average_rating": ratings.get(sid, (0, None))[1],
        }
        for sid in services
    ]
    return sorted(
        rows, key=lambda r: (-r["complaints"], r["average_rating"] if r["average_rating"] else 6, r["service"])
    )


def _renderings(kind: str):
    return and_(english_renderings.c.record_kind == kind)


def gap_groups(engine: Engine, scope: Scope, limit: int = 200) -> List[Dict[str, Any]]:
    """Unanswered questions grouped by similarity, with an English rendering when one exists."""
    query = (
        select(fallback_events.c.id, fallback_events.c.text, fallback_events.c.language, english_renderings.c.text)
        .select_from(
            fallback_events.outerjoin(
                english_renderings,
                and_(_renderings("gap"), english_renderings.c.record_id == fallback_events.c.id),
            )
        )
        .where(scope.records(fallback_events))
        .order_by(fallback_events.c.id.desc())
        .limit(20000)
    )
    with engine.connect() as connection:
        rows = connection.execute(query).all()
    english = {row[0]: row[3] for row in rows if row[3]}
    groups: List[Group] = group_texts((row[0], row[1], row[2]) for row in rows if row[1])
    return [
        {
            "text": group.text,
            "count": group.count,
            "languages": group.languages,
            "english": next((english[i] for i in group.record_ids if i in english), None),
            "record_ids": group.record_ids,
        }
        for group in groups[:limit]
    ]


def record_rows(engine: Engine, scope: Scope, table, kind: str, text_column: str, limit: int = 500) -> List[Dict]:
    """Feedback or complaints, newest first, with their English rendering."""
    query = (
        select(table, english_renderings.c.text.label("english"), english_renderings.c.provider.label("provider"))
        .select_from(
            table.outerjoin(english_renderings, and_(_renderings(kind), english_renderings.c.record_id == table.c.id))
        )
        .where(scope.records(table))
        .order_by(table.c.id.desc())
        .limit(limit)
    )
    with engine.connect() as connection:
        return [dict(row._mapping) for row in connection.execute(query)]


def handoff_queue(engine: Engine, scope: Scope, status: str = "open", limit: int = 200) -> List[Dict]:
    query = (
        select(handoff_requests)
        .where(scope.records(handoff_requests), handoff_requests.c.status == status)
        .order_by(handoff_requests.c.id)
        .limit(limit)
    )
    with engine.connect() as connection:
        return [dict(row._mapping) for row in connection.execute(query)]


def gap_texts(engine: Engine, scope: Scope, record_ids: List[int]) -> List[Dict[str, str]]:
    """The selected unanswered messages (only those in scope), for the training-data export."""
    query = select(fallback_events.c.text, fallback_events.c.language).where(
        scope.records(fallback_events), fallback_events.c.id.in_(record_ids)
    )
    with engine.connect() as connection:
        return [{"text": row[0], "language": row[1]} for row in connection.execute(query)]
