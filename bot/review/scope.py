"""What one page shows: the officer's scope (their agency's services) and the filters chosen.

Every query of the review app goes through `Scope.records` and `Scope.messages`, so an
officer can see another agency's data neither by page, nor by filter, nor by export URL.
Filter values are bound parameters, never pasted into SQL.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone
from typing import Mapping, Optional, Tuple

from sqlalchemy import Table, and_, or_, select, true, union
from sqlalchemy.engine import Engine
from sqlalchemy.sql import ColumnElement
from sqlalchemy.sql.selectable import CompoundSelect

from bot.catalog import Catalog
from bot.languages import LANGUAGES
from bot.review.accounts import User
from bot.storage.database import complaints, fallback_events, feedback, handoff_requests, message_facts

RECORD_TABLES = (feedback, complaints, handoff_requests, fallback_events)


def _day(raw: Optional[str]) -> Optional[date]:
    try:
        return date.fromisoformat(raw) if raw else None
    except ValueError:
        return None


@dataclass(frozen=True)
class Filters:
    """Date range (inclusive days, UTC), language, channel and service; empty means all."""

    start: Optional[date] = None
    end: Optional[date] = None
    language: Optional[str] = None
    channel: Optional[str] = None
    service: Optional[str] = None

    @classmethod
    def from_query(cls, query: Mapping[str, str], services: Tuple[str, ...]) -> "Filters":
        """Filters from a query string; values that are not real choices are dropped."""
        language = query.get("language") or None
        service = query.get("service") or None
        channel = (query.get("channel") or "").strip()[:40] or None
        return cls(
            start=_day(query.get("start")),
            end=_day(query.get("end")),
            language=language if language in LANGUAGES else None,
            channel=channel,
            service=service if service in services else None,
        )

    def as_query(self) -> dict:
        values = {"start": self.start, "end": self.end, "language": self.language, "channel": self.channel}
        values["service"] = self.service
        return {key: str(value) for key, value in values.items() if value}

    def _time_range(self, column: ColumnElement) -> list:
        conditions = []
        if self.start:
            conditions.append(column >= datetime.combine(self.start, time.min, tzinfo=timezone.utc))
        if self.end:
            conditions.append(column < datetime.combine(self.end + timedelta(days=1), time.min, tzinfo=timezone.utc))
        return conditions


@dataclass(frozen=True)
class Scope:
    """The user's visible data under the chosen filters."""

    user: User
    filters: Filters
    agency_services: Optional[Tuple[str, ...]]  # None: every service (administrator)

    @classmethod
    def of(cls, user: User, filters: Filters, catalog: Catalog) -> "Scope":
        if user.is_administrator:
            return cls(user, filters, None)
        services = tuple(sid for sid, facts in catalog.facts.services.items() if facts.agency == user.agency_id)
        return cls(user, filters, services)

    def _service_conversations(self, services: Tuple[str, ...]) -> CompoundSelect:
        """Conversations in which any of `services` came up (named, asked about, rated…)."""
        parts = [select(message_facts.c.conversation_id).where(message_facts.c.service_id.in_(services))]
        parts += [select(table.c.conversation_id).where(table.c.service_id.in_(services)) for table in RECORD_TABLES]
        return union(*parts)

    def _conversation_condition(self, column: ColumnElement) -> Optional[ColumnElement]:
        conditions = []
        if self.agency_services is not None:
            conditions.append(column.in_(self._service_conversations(self.agency_services)))
        if self.filters.service:
            conditions.append(column.in_(self._service_conversations((self.filters.service,))))
        return and_(*conditions) if conditions else None

    def records(self, table: Table) -> ColumnElement:
        """The WHERE clause of a record table (feedback, complaints, handoff, gaps)."""
        conditions = self.filters._time_range(table.c.created_at)
        if self.filters.language:
            conditions.append(table.c.language == self.filters.language)
        if self.filters.channel:
            conditions.append(table.c.channel == self.filters.channel)
        if self.agency_services is not None:
            in_agency = table.c.service_id.in_(self.agency_services)
            if table is fallback_events:  # a gap often names no service: its conversation tells
                in_agency = or_(
                    in_agency, table.c.conversation_id.in_(self._service_conversations(self.agency_services))
                )
            conditions.append(in_agency)
        if self.filters.service:
            conditions.append(table.c.service_id == self.filters.service)
        return and_(true(), *conditions)

    def messages(self) -> ColumnElement:
        """The WHERE clause of `message_facts`."""
        conditions = self.filters._time_range(message_facts.c.created_at)
        if self.filters.language:
            conditions.append(message_facts.c.language == self.filters.language)
        if self.filters.channel:
            conditions.append(message_facts.c.channel == self.filters.channel)
        conversation = self._conversation_condition(message_facts.c.conversation_id)
        if conversation is not None:
            conditions.append(conversation)
        return and_(true(), *conditions)

    def may_see_conversation(self, conversation_id: str, engine: Engine) -> bool:
        if self.agency_services is None:
            return True
        visible = self._service_conversations(self.agency_services).subquery()
        query = select(visible.c.conversation_id).where(visible.c.conversation_id == conversation_id).limit(1)
        with engine.connect() as connection:
            return connection.execute(query).first() is not None
