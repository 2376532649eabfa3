"""Fixture conversations with exactly known figures, stored through Rasa's own tracker store.

| conversation | language | channel  | service          | messages | gaps | other                         |
|--------------|----------|----------|------------------|----------|------|-------------------------------|
| c1           | en       | rest     | passport         | 3        | 1    | rating 2, complaint with HTML |
| c2           | th       | socketio | driving_license  | 2        | 1    | rating 4                      |
| c3           | ur       | telegram | (none)           | 1        | 1    |                               |
| c4           | th       | rest     | passport         | 1        | 0    | handoff request               |

Passport belongs to the immigration agency, driving licences to land transport.
"""

from __future__ import annotations

import asyncio
from datetime import datetime, timezone
from typing import Dict, List, Optional

import pytest
from aiohttp.test_utils import TestClient, TestServer
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, BotUttered, SlotSet, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from bot.review.accounts import ADMINISTRATOR, OFFICER, Accounts
from bot.review.app import create_review_app
from bot.storage.database import create_database_engine
from bot.storage.records import (
    ComplaintRecord,
    ConversationContext,
    FallbackRecord,
    FeedbackRecord,
    HandoffRecord,
    RecordStore,
)
from bot.storage.tracker_store import UrlSQLTrackerStore

DAY = datetime(2026, 3, 10, 9, 0, tzinfo=timezone.utc).timestamp()
HOSTILE = "rude staff <script>alert('x')</script> & 'quotes'"
PASSWORD = "correct horse battery staple"


def _user(text: str, language: str, channel: str, at: float, service: Optional[str] = None, intent: str = "ask_fees"):
    entities = [{"entity": "service", "value": service, "start": 0, "end": 1}] if service else []
    parse = {"text": text, "intent": {"name": intent, "confidence": 0.9}, "entities": entities, "language": language}
    return [
        UserUttered(text, parse["intent"], entities, parse, timestamp=at, input_channel=channel),
        SlotSet("language", language, timestamp=at + 0.1),
        ActionExecuted("action_listen", timestamp=at + 0.2),
        BotUttered("ok", metadata={"language": language}, timestamp=at + 0.3),
    ]


CONVERSATIONS: Dict[str, List] = {
    "c1": _user("how much is a passport", "en", "rest", DAY, "passport")
    + _user("and how long", "en", "rest", DAY + 60)
    + _user("how much for the thing", "en", "rest", DAY + 120, intent="nlu_fallback"),
    "c2": _user("ค่าใบขับขี่เท่าไหร่", "th", "socketio", DAY + 86400, "driving_license")
    + _user("ค่าปรับ", "th", "socketio", DAY + 86460, intent="nlu_fallback"),
    "c3": _user("what's the weather", "ur", "telegram", DAY + 86400 * 2, intent="out_of_scope"),
    "c4": _user("หนังสือเดินทาง คุยกับเจ้าหน้าที่", "th", "rest", DAY + 86400 * 2, "passport", "request_human"),
}


def _context(conversation: str, channel: str, language: str, service: Optional[str]) -> ConversationContext:
    return ConversationContext(conversation_id=conversation, channel=channel, language=language, service_id=service)


def seed(database_url: str) -> None:
    store = UrlSQLTrackerStore(Domain.empty(), database_url=database_url)

    async def save_all() -> None:
        for sender, events in CONVERSATIONS.items():
            await store.save(DialogueStateTracker.from_events(sender, events))

    asyncio.run(save_all())
    records = RecordStore(create_database_engine(database_url))
    at = {"c1": "2026-03-10", "c2": "2026-03-11", "c3": "2026-03-12", "c4": "2026-03-12"}
    records.add_feedback(
        FeedbackRecord(_context("c1", "rest", "en", "passport"), 2, "slow, call me on +66 81 234 5678")
    )
    records.add_feedback(FeedbackRecord(_context("c2", "socketio", "th", "driving_license"), 4, "ดีมาก"))
    records.add_complaint(ComplaintRecord(_context("c1", "rest", "en", "passport"), HOSTILE))
    records.add_handoff(HandoffRecord(_context("c4", "rest", "th", "passport"), [{"role": "citizen", "text": "hi"}]))
    records.add_fallback(FallbackRecord(_context("c1", "rest", "en", "passport"), "how much for the thing", "clarify"))
    records.add_fallback(FallbackRecord(_context("c2", "socketio", "th", "driving_license"), "ค่าปรับ", "clarify"))
    records.add_fallback(FallbackRecord(_context("c3", "telegram", "ur", None), "what's the weather", "out_of_scope"))
    engine = create_database_engine(database_url)
    with engine.begin() as connection:  # records dated like their conversations
        for table in ("feedback", "complaints", "handoff_requests", "fallback_events"):
            for conversation, day in at.items():
                connection.exec_driver_sql(
                    f"UPDATE {table} SET created_at = ? WHERE conversation_id = ?",
                    (f"{day} 10:00:00.000000", conversation),
                )


@pytest.fixture
def review_db(database_url: str) -> str:
    seed(database_url)
    accounts = Accounts(create_database_engine(database_url))
    accounts.create_user("admin", PASSWORD, ADMINISTRATOR)
    accounts.create_user("immigration", PASSWORD, OFFICER, "immigration")
    accounts.create_user("transport", PASSWORD, OFFICER, "land_transport")
    return database_url


@pytest.fixture
async def review_client(review_db: str, catalog):
    client = TestClient(TestServer(create_review_app(create_database_engine(review_db), catalog)))
    await client.start_server()
    yield client
    await client.close()


async def login(client: TestClient, username: str, password: str = PASSWORD):
    page = await (await client.get("/login")).text()
    token = page.split('name="csrf_token" value="')[1].split('"')[0]
    return await client.post(
        "/login", data={"username": username, "password": password, "csrf_token": token}, allow_redirects=False
    )


def csrf_of(page: str) -> str:
    return page.split('name="csrf_token" value="')[1].split('"')[0]
