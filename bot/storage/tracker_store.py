"""Rasa's SQL tracker store configured by `DATABASE_URL` instead of separate fields.

Rasa's own `SQLTrackerStore` takes dialect, host, port and so on one by one; taking the
URL from the settings lets one variable move the tracker store and our tables together.
"""

from __future__ import annotations

from typing import Any, Optional

from rasa.core.brokers.broker import EventBroker
from rasa.core.tracker_store import SQLTrackerStore
from rasa.shared.core.domain import Domain
from sqlalchemy.engine import make_url

from bot.settings import load_settings
from bot.storage.database import create_database_engine


class UrlSQLTrackerStore(SQLTrackerStore):
    """`SQLTrackerStore` on the settings' `DATABASE_URL`."""

    def __init__(
        self,
        domain: Optional[Domain] = None,
        event_broker: Optional[EventBroker] = None,
        database_url: Optional[str] = None,
        **kwargs: Any,
    ) -> None:
        url = make_url(database_url or load_settings().database_url)
        create_database_engine(str(url)).dispose()  # makes the SQLite folder and our tables
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
