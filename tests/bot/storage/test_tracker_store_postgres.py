"""The tracker store on a real PostgreSQL: replicas start together, a restart loses nothing."""

from __future__ import annotations

import threading
import time
from concurrent.futures import ThreadPoolExecutor

import pytest
from rasa.shared.core.events import ActionExecuted, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker
from sqlalchemy import create_engine, text
from sqlalchemy.exc import OperationalError

from bot.storage.tracker_store import UrlSQLTrackerStore


def _stored_texts(url: str, sender: str) -> list:
    with create_engine(url).connect() as connection:
        rows = connection.execute(
            text("SELECT data FROM events WHERE sender_id = :s AND type_name = 'user' ORDER BY id"), {"s": sender}
        )
        return [row[0] for row in rows]


def test_replicas_starting_at_once_on_an_empty_database_all_start(postgres, monkeypatch):
    monkeypatch.setenv("DATABASE_URL", postgres.url)
    with ThreadPoolExecutor(4) as pool:
        stores = list(pool.map(lambda _: UrlSQLTrackerStore(database_url=postgres.url), range(4)))
    assert len(stores) == 4


async def test_a_database_restart_is_waited_out_and_nothing_is_stored_twice(postgres, monkeypatch):
    monkeypatch.setenv("DATABASE_URL", postgres.url)
    store = UrlSQLTrackerStore(database_url=postgres.url, retry_seconds=20)
    tracker = DialogueStateTracker.from_events("citizen-restart", [UserUttered("first", {"name": "greet"})])
    await store.save(tracker)

    restart = threading.Thread(target=postgres.restart, kwargs={"down_seconds": 2.0})
    restart.start()
    time.sleep(0.5)  # the server is down now
    tracker.update(ActionExecuted("action_listen"))
    tracker.update(UserUttered("second", {"name": "thank"}))
    await store.save(tracker)  # retried until the server is back
    restart.join()

    restored = await store.retrieve("citizen-restart")
    assert [event.text for event in restored.events if isinstance(event, UserUttered)] == ["first", "second"]
    assert len(_stored_texts(postgres.url, "citizen-restart")) == 2


async def test_a_database_down_longer_than_the_window_raises_for_rasas_fail_safe_store(postgres, monkeypatch):
    monkeypatch.setenv("DATABASE_URL", postgres.url)
    store = UrlSQLTrackerStore(database_url=postgres.url, retry_seconds=1)
    restart = threading.Thread(target=postgres.restart, kwargs={"down_seconds": 4.0})
    restart.start()
    time.sleep(0.5)
    started = time.monotonic()
    try:
        with pytest.raises(OperationalError):
            await store.retrieve("citizen-gone")
        assert time.monotonic() - started < 3
    finally:
        restart.join()


async def test_a_replica_reads_what_another_replica_appended_after_its_own_save(postgres, monkeypatch):
    monkeypatch.setenv("DATABASE_URL", postgres.url)
    first = UrlSQLTrackerStore(database_url=postgres.url)
    second = UrlSQLTrackerStore(database_url=postgres.url)
    tracker = DialogueStateTracker.from_events("citizen-replicas", [UserUttered("first", {"name": "greet"})])
    await first.save(tracker)
    assert (await first.retrieve("citizen-replicas")) is tracker  # nothing changed: kept
    await first.save(tracker)

    on_second = await second.retrieve("citizen-replicas")
    on_second.update(ActionExecuted("action_listen"))
    on_second.update(UserUttered("second", {"name": "thank"}))
    await second.save(on_second)

    back_on_first = await first.retrieve("citizen-replicas")
    assert [event.text for event in back_on_first.events if isinstance(event, UserUttered)] == ["first", "second"]
    assert len(_stored_texts(postgres.url, "citizen-replicas")) == 2
