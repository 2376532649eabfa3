"""Rasa's SQL tracker store configured by `DATABASE_URL`, and robust to a database restart.

Rasa's own `SQLTrackerStore` takes dialect, host, port and so on one by one; taking the
URL from the settings lets one variable move the tracker store and our tables together.

Two behaviours differ from Rasa's, both for several replicas on PostgreSQL:
- tables are created under an advisory lock (replicas start at the same moment);
- a read or write that loses its connection (the database restarting, a fail-over) is
  retried for `DATABASE_RETRY_SECONDS`; the first dead connection makes SQLAlchemy drop
  the whole pool, so the retry runs on a fresh one (no ping before every use, which would
  cost a round trip per query). Retrying a save is safe: a save appends only the events
  the database does not hold yet, so an event is never stored twice. After the window, the error reaches Rasa's fail-safe store, which
  still answers the citizen (from memory) and logs the failure.

And one for speed: the tracker a replica saved is kept (`bot.storage.warm_trackers`) and
handed back on the conversation's next message when the database's fingerprint of the
session is unchanged, instead of re-reading and replaying every event of the session.
"""

from __future__ import annotations

import asyncio
import itertools
import json
import logging
import time
from typing import Any, Awaitable, Callable, Optional, Text, Tuple, TypeVar

import sqlalchemy as sa
from rasa.core.brokers.broker import EventBroker
from rasa.core.tracker_store import SQLTrackerStore
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import Event, SessionStarted
from rasa.shared.core.trackers import DialogueStateTracker
from rasa.shared.nlu.constants import INTENT_NAME_KEY
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError, InterfaceError, OperationalError
from sqlalchemy.orm import Session

from bot.settings import load_settings
from bot.storage.database import create_database_engine, create_tables
from bot.storage.warm_trackers import DEFAULT_CAPACITY as WARM_TRACKERS
from bot.storage.warm_trackers import Fingerprint, WarmTrackers

logger = logging.getLogger(__name__)
Result = TypeVar("Result")


def is_connection_error(error: Exception) -> bool:
    """True for errors a reconnect can cure (not for bad SQL or constraint violations)."""
    if isinstance(error, (OperationalError, InterfaceError)):
        return True
    return isinstance(error, DBAPIError) and error.connection_invalidated


class UrlSQLTrackerStore(SQLTrackerStore):
    """`SQLTrackerStore` on the settings' `DATABASE_URL`, retrying lost connections."""

    def __init__(
        self,
        domain: Optional[Domain] = None,
        event_broker: Optional[EventBroker] = None,
        database_url: Optional[str] = None,
        retry_seconds: Optional[float] = None,
        warm_trackers: int = WARM_TRACKERS,
        **kwargs: Any,
    ) -> None:
        """`warm_trackers` (endpoints.yml key): conversations kept for their next message;
        0 re-reads every message, as Rasa does."""
        settings = load_settings()
        url = make_url(database_url or settings.database_url)
        engine = create_database_engine(str(url))  # makes the SQLite folder and our tables
        create_tables(engine, SQLTrackerStore.Base.metadata)
        engine.dispose()
        kwargs.pop("host", None)
        super().__init__(
            domain=domain,
            dialect=url.drivername,
            host=url.host,
            port=url.port,
            db=url.database or "",
            username=url.username,
            password=url.password,
            event_broker=event_broker,
            query=dict(url.query) or None,
        )
        self.retry_seconds = settings.database_retry_seconds if retry_seconds is None else retry_seconds
        self.warm_trackers: WarmTrackers[DialogueStateTracker] = WarmTrackers(int(warm_trackers))

    def _session_fingerprint(self, session: Session, sender_id: Text) -> Fingerprint:
        """How many events the conversation's latest session has, and its highest event id."""
        query = self._event_query(session, sender_id, fetch_events_from_all_sessions=False).order_by(None)
        count, highest = query.with_entities(sa.func.count(self.SQLEvent.id), sa.func.max(self.SQLEvent.id)).one()
        return int(count), highest

    def _fingerprint(self, sender_id: Text) -> Fingerprint:
        with self.session_scope() as session:
            return self._session_fingerprint(session, sender_id)

    async def _retrying(self, operation: Callable[[], Awaitable[Result]], what: str) -> Result:
        deadline = time.monotonic() + self.retry_seconds
        delay = 0.2
        while True:
            try:
                return await operation()
            except DBAPIError as error:
                if not is_connection_error(error) or time.monotonic() + delay > deadline:
                    raise
                logger.warning("Database unreachable while %s (%s); retrying", what, type(error.orig).__name__)
                await asyncio.sleep(delay)
                delay = min(delay * 2, 2.0)

    def _store_new_events(self, tracker: DialogueStateTracker) -> Tuple[Fingerprint, bool]:
        """Rasa's `save` (append the events the database lacks) in one transaction that also
        yields the session's fingerprint after it, and whether a new session began."""
        with self.session_scope() as session:
            stored, highest = self._session_fingerprint(session, tracker.sender_id)
            new_events = list(itertools.islice(tracker.events, stored, None))
            rows = [self._row(tracker.sender_id, event) for event in new_events]
            session.add_all(rows)
            session.flush()  # assigns the ids
            if rows:
                highest = max(row.id for row in rows)
            session.commit()
        return (stored + len(rows), highest), any(isinstance(event, SessionStarted) for event in new_events)

    def _row(self, sender_id: Text, event: Event) -> Any:
        data = event.as_dict()
        return self.SQLEvent(
            sender_id=sender_id,
            type_name=event.type_name,
            timestamp=data.get("timestamp"),
            intent_name=data.get("parse_data", {}).get("intent", {}).get(INTENT_NAME_KEY),
            action_name=data.get("name"),
            data=json.dumps(data),
        )

    async def save(self, tracker: DialogueStateTracker) -> None:
        self.warm_trackers.forget(tracker.sender_id)
        await self.stream_events(tracker)

        async def store() -> Tuple[Fingerprint, bool]:
            return self._store_new_events(tracker)

        fingerprint, new_session = await self._retrying(store, "saving a conversation")
        # After a new session the database's session is shorter than the tracker: reload then.
        if not new_session and fingerprint[0] == len(tracker.events):
            self.warm_trackers.keep(tracker.sender_id, tracker, fingerprint, self.domain)

    async def retrieve(self, sender_id: Text) -> Optional[DialogueStateTracker]:
        if sender_id in self.warm_trackers:

            async def fingerprint() -> Fingerprint:
                return self._fingerprint(sender_id)

            current = await self._retrying(fingerprint, "reading a conversation")
            kept = self.warm_trackers.take(sender_id, current, self.domain)
            if kept is not None:
                return kept
        return await self._retrying(
            lambda: super(UrlSQLTrackerStore, self).retrieve(sender_id), "reading a conversation"
        )

    async def retrieve_full_tracker(self, conversation_id: Text) -> Optional[DialogueStateTracker]:
        return await self._retrying(
            lambda: super(UrlSQLTrackerStore, self).retrieve_full_tracker(conversation_id), "reading a conversation"
        )
