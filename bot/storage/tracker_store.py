"""Rasa's SQL tracker store configured by `DATABASE_URL`, and robust to a database restart.

Rasa's own `SQLTrackerStore` takes dialect, host, port and so on one by one; taking the
URL from the settings lets one variable move the tracker store and our tables together.

Two behaviours differ from Rasa's, both for several replicas on PostgreSQL:
- tables are created under an advisory lock (replicas start at the same moment);
- a read or write that loses its connection (the database restarting, a fail-over) is
  retried for `DATABASE_RETRY_SECONDS` on fresh, pre-pinged connections. Retrying a save is
  safe: Rasa's `save` appends only the events the database does not hold yet, so an event
  is never stored twice. After the window, the error reaches Rasa's fail-safe store, which
  still answers the citizen (from memory) and logs the failure.

And one for speed: the tracker a replica saved is kept (`bot.storage.warm_trackers`) and
handed back on the conversation's next message when the database's fingerprint of the
session is unchanged, instead of re-reading and replaying every event of the session.
"""

from __future__ import annotations

import asyncio
import logging
import time
from typing import Any, Awaitable, Callable, Optional, Text, TypeVar

import sqlalchemy as sa
from rasa.core.brokers.broker import EventBroker
from rasa.core.tracker_store import SQLTrackerStore, create_engine_kwargs
from rasa.shared.core.domain import Domain
from rasa.shared.core.trackers import DialogueStateTracker
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError, InterfaceError, OperationalError

from bot.settings import load_settings
from bot.storage.database import create_database_engine, create_tables
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
        **kwargs: Any,
    ) -> None:
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
        # Rasa's engine hands out pooled connections unchecked: after a database restart
        # each of them would fail once. Pre-ping replaces dead ones transparently.
        engine_url = self.engine.url
        self.engine.dispose()
        self.engine = sa.create_engine(engine_url, pool_pre_ping=True, **create_engine_kwargs(engine_url))
        self.sessionmaker = sa.orm.session.sessionmaker(bind=self.engine)
        self.warm_trackers: WarmTrackers[DialogueStateTracker] = WarmTrackers()

    def _fingerprint(self, sender_id: Text) -> Fingerprint:
        """How many events the conversation's latest session has, and its highest event id."""
        with self.session_scope() as session:
            query = self._event_query(session, sender_id, fetch_events_from_all_sessions=False).order_by(None)
            count, highest = query.with_entities(sa.func.count(self.SQLEvent.id), sa.func.max(self.SQLEvent.id)).one()
        return int(count), highest

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

    async def save(self, tracker: DialogueStateTracker) -> None:
        self.warm_trackers.forget(tracker.sender_id)
        await self._retrying(lambda: super(UrlSQLTrackerStore, self).save(tracker), "saving a conversation")
        try:
            fingerprint = self._fingerprint(tracker.sender_id)
        except DBAPIError:
            return  # saved; only the shortcut for the next message is lost
        # Equal only when the database's session is exactly this tracker's events: not
        # after a new session started in this save, nor when another replica wrote too.
        if fingerprint[0] == len(tracker.events):
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
