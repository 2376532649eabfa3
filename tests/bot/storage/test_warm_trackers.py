"""A replica reuses the tracker it saved only while the database holds exactly it."""

from __future__ import annotations

from pathlib import Path

import pytest
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, SessionStarted, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker, EventVerbosity
from sqlalchemy import create_engine, text

from bot.settings import PROJECT_ROOT
from bot.storage.tracker_store import UrlSQLTrackerStore
from bot.storage.warm_trackers import WarmTrackers


@pytest.fixture(scope="module")
def domain() -> Domain:
    return Domain.load(str(PROJECT_ROOT / "domain.yml"))


def _store(url: str, domain: Domain) -> UrlSQLTrackerStore:
    return UrlSQLTrackerStore(domain=domain, database_url=url)


def _turn(tracker: DialogueStateTracker, words: str) -> None:
    tracker.update(UserUttered(words, {"name": "greet", "confidence": 1.0}))
    tracker.update(ActionExecuted("utter_greet"))
    tracker.update(ActionExecuted("action_listen"))


async def _saved(store: UrlSQLTrackerStore, domain: Domain, sender: str, words: str) -> DialogueStateTracker:
    """A new conversation of one turn, saved."""
    tracker = DialogueStateTracker(sender, domain.slots)
    _turn(tracker, words)
    await store.save(tracker)
    return tracker


def _texts(tracker: DialogueStateTracker) -> list:
    return [event.text for event in tracker.events if isinstance(event, UserUttered)]


async def _as_reloaded(url: str, domain: Domain, sender: str) -> dict:
    reloaded = await _store(url, domain).retrieve(sender)
    return reloaded.current_state(EventVerbosity.ALL)


async def test_the_next_message_gets_the_saved_conversation_as_the_database_holds_it(database_url, domain):
    store = _store(database_url, domain)
    await _saved(store, domain, "citizen-warm", "hello")

    kept = await store.retrieve("citizen-warm")
    assert store.warm_trackers.hits == 1
    assert kept.current_state(EventVerbosity.ALL) == await _as_reloaded(database_url, domain, "citizen-warm")


async def test_what_another_replica_appended_is_read_not_the_kept_tracker(database_url, domain):
    first, second = _store(database_url, domain), _store(database_url, domain)
    await _saved(first, domain, "citizen-two-replicas", "hello")

    on_second = await second.retrieve("citizen-two-replicas")
    _turn(on_second, "passport fee")
    await second.save(on_second)

    back_on_first = await first.retrieve("citizen-two-replicas")
    assert _texts(back_on_first) == ["hello", "passport fee"]
    assert first.warm_trackers.hits == 0


async def test_a_new_session_is_read_back_without_the_previous_one(database_url, domain):
    store = _store(database_url, domain)
    tracker = await _saved(store, domain, "citizen-new-session", "hello")
    tracker.update(ActionExecuted("action_session_start"))
    tracker.update(SessionStarted())
    _turn(tracker, "hello again")
    await store.save(tracker)

    restored = await store.retrieve("citizen-new-session")
    assert _texts(restored) == ["hello again"]


async def test_a_kept_tracker_is_handed_out_once(database_url, domain):
    store = _store(database_url, domain)
    await _saved(store, domain, "citizen-once", "hello")
    first = await store.retrieve("citizen-once")
    first.update(UserUttered("never saved", {"name": "greet"}))
    second = await store.retrieve("citizen-once")
    assert second is not first
    assert _texts(second) == ["hello"]


async def test_a_conversation_deleted_from_the_database_is_not_brought_back(database_url, domain):
    store = _store(database_url, domain)
    await _saved(store, domain, "citizen-erased", "my phone is 0412 345 678")
    with create_engine(database_url).begin() as connection:
        connection.execute(text("DELETE FROM events WHERE sender_id = 'citizen-erased'"))
    assert await store.retrieve("citizen-erased") is None


async def test_a_new_model_rebuilds_the_tracker_with_its_domain(database_url, domain, tmp_path: Path):
    store = _store(database_url, domain)
    tracker = await _saved(store, domain, "citizen-new-model", "hello")
    store.domain = Domain.load(str(PROJECT_ROOT / "domain.yml"))
    restored = await store.retrieve("citizen-new-model")
    assert restored is not tracker and _texts(restored) == ["hello"]


def test_the_least_recently_saved_conversations_are_let_go_beyond_the_capacity():
    warm: WarmTrackers[str] = WarmTrackers(capacity=2)
    domain = object()
    for sender in ("a", "b", "c"):
        warm.keep(sender, f"tracker {sender}", (3, 9), domain)
    assert "a" not in warm
    assert warm.take("c", (3, 9), domain) == "tracker c"
    assert warm.take("b", (4, 12), domain) is None


async def test_with_no_room_every_message_reads_the_database(database_url, domain):
    store = UrlSQLTrackerStore(domain=domain, database_url=database_url, warm_trackers=0)
    tracker = await _saved(store, domain, "citizen-cold", "hello")
    restored = await store.retrieve("citizen-cold")
    assert restored is not tracker and _texts(restored) == ["hello"]
