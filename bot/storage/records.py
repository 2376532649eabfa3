"""What citizens leave behind for agencies: feedback, complaints, handoff requests, gaps.

Everything a citizen typed is redacted (e-mail, phone and ID numbers) before it is
written. Writes are synchronous SQLAlchemy calls; callers on an event loop go through
`bot.concurrency.run_blocking`. Every write error becomes `StoreError` so the edge can
still answer the citizen.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import datetime, timezone
from typing import Any, Dict, List, Optional

from sqlalchemy import Table, insert, select, update
from sqlalchemy.engine import Engine
from sqlalchemy.exc import SQLAlchemyError

from bot.exceptions import StoreError
from bot.privacy import Redactor
from bot.storage.database import complaints, english_renderings, fallback_events, feedback, handoff_requests


def _now() -> datetime:
    return datetime.now(timezone.utc)


@dataclass(frozen=True)
class ConversationContext:
    """Where a record came from, so reviews can slice by conversation, channel and language."""

    conversation_id: str
    channel: str
    language: str
    service_id: Optional[str] = None


@dataclass(frozen=True)
class FeedbackRecord:
    context: ConversationContext
    rating: int  # 1 to 5
    comment: Optional[str] = None


@dataclass(frozen=True)
class ComplaintRecord:
    context: ConversationContext
    text: str


@dataclass(frozen=True)
class HandoffRecord:
    context: ConversationContext
    transcript: List[Dict[str, Any]]  # [{"role": "citizen"|"assistant", "text": ..., "time": ...}]


@dataclass(frozen=True)
class FallbackRecord:
    """A message the assistant did not understand (a gap in what it covers)."""

    context: ConversationContext
    text: str
    stage: str  # "clarify", "gave_up" or "out_of_scope"
    top_intents: List[Dict[str, Any]] = field(default_factory=list)  # [{"name", "confidence"}]
    confidence: Optional[float] = None


class RecordStore:
    """Inserts and reads citizen records in the assistant's tables."""

    def __init__(self, engine: Engine, redactor: Optional[Redactor] = None) -> None:
        self._engine = engine
        self._redact = (redactor or Redactor()).redact

    def _insert(self, table: Table, context: ConversationContext, **values: Any) -> int:
        row = {**asdict(context), "created_at": _now(), **values}
        try:
            with self._engine.begin() as connection:
                result = connection.execute(insert(table).values(**row))
                return int(result.inserted_primary_key[0])
        except SQLAlchemyError as error:
            raise StoreError(f"could not write to {table.name}: {error.__class__.__name__}") from error

    def add_feedback(self, record: FeedbackRecord) -> int:
        if not 1 <= record.rating <= 5:
            raise ValueError(f"rating must be 1 to 5, got {record.rating}")
        comment = self._redact(record.comment) if record.comment else record.comment
        return self._insert(feedback, record.context, rating=record.rating, comment=comment)

    def add_complaint(self, record: ComplaintRecord) -> int:
        return self._insert(complaints, record.context, text=self._redact(record.text))

    def add_handoff(self, record: HandoffRecord) -> int:
        transcript = [{**turn, "text": self._redact(turn.get("text") or "")} for turn in record.transcript]
        return self._insert(handoff_requests, record.context, transcript=transcript, status="open")

    def add_fallback(self, record: FallbackRecord) -> int:
        return self._insert(
            fallback_events,
            record.context,
            text=self._redact(record.text),
            stage=record.stage,
            top_intents=record.top_intents,
            confidence=record.confidence,
        )

    def add_english_rendering(
        self, record_kind: str, record_id: int, source_language: str, text: Optional[str], provider: Optional[str]
    ) -> int:
        """What a citizen wrote, in English for reviewers; `text` None when it stayed untranslated."""
        row = {
            "record_kind": record_kind,
            "record_id": record_id,
            "source_language": source_language,
            "text": self._redact(text) if text else None,
            "provider": provider,
            "created_at": _now(),
        }
        try:
            with self._engine.begin() as connection:
                return int(connection.execute(insert(english_renderings).values(**row)).inserted_primary_key[0])
        except SQLAlchemyError as error:
            raise StoreError(f"could not write to english_renderings: {error.__class__.__name__}") from error

    def mark_handoff_handled(self, request_id: int) -> None:
        with self._engine.begin() as connection:
            connection.execute(
                update(handoff_requests).where(handoff_requests.c.id == request_id).values(status="handled")
            )

    def rows(self, table: Table, conversation_id: Optional[str] = None) -> List[Dict[str, Any]]:
        """All rows of `table` (optionally of one conversation), oldest first."""
        query = select(table).order_by(table.c.id)
        if conversation_id is not None:
            query = query.where(table.c.conversation_id == conversation_id)
        with self._engine.connect() as connection:
            return [dict(row._mapping) for row in connection.execute(query)]
