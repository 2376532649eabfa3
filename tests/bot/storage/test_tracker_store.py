"""Rasa's tracker store from endpoints.yml is the SQL store on DATABASE_URL."""

from __future__ import annotations

from pathlib import Path

from rasa.core.tracker_store import TrackerStore
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import UserUttered
from rasa.shared.core.trackers import DialogueStateTracker
from rasa.utils.endpoints import read_endpoint_config
from sqlalchemy import inspect

from bot.settings import PROJECT_ROOT
from bot.storage.database import create_database_engine
from bot.storage.tracker_store import UrlSQLTrackerStore


async def test_endpoints_config_gives_a_sql_tracker_store_that_persists(monkeypatch, tmp_path: Path, database_url):
    monkeypatch.setenv("DATABASE_URL", database_url)
    domain = Domain.load(str(PROJECT_ROOT / "domain.yml"))
    config = read_endpoint_config(str(PROJECT_ROOT / "endpoints.yml"), "tracker_store")
    store = TrackerStore.create(config, domain)
    assert isinstance(store, UrlSQLTrackerStore)  # an import error would silently give InMemory

    tracker = DialogueStateTracker.from_events(
        "citizen-1", [UserUttered("hello", {"name": "greet", "confidence": 1.0})]
    )
    await store.save(tracker)

    reopened = TrackerStore.create(config, domain)
    restored = await reopened.retrieve("citizen-1")
    assert restored.latest_message.text == "hello"
    tables = set(inspect(create_database_engine(database_url)).get_table_names())
    assert {"events", "feedback", "complaints", "handoff_requests", "fallback_events", "applications"} <= tables
