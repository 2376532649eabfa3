"""Review app page times on 100,000 tracker events, on SQLite, against a naive baseline.

Seeds a temporary SQLite database with 100,000 Rasa events (10,000 conversations in the 22
languages over 90 days, through Rasa's own tracker-store schema) and 9,500 records
(feedback, complaints, handoffs, gaps), logs in as an administrator and as an officer, and
times every page and export through HTTP (in-process aiohttp server). Turning the events
into message facts is a one-off cost (later pages only add new events); it is printed apart. Baseline:
the overview's figures computed the naive way, by parsing every event's JSON per request.
Target: every page under 1 s. Usage: .venv/bin/python benchmarks/review_pages.py [--events N]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import random
import statistics
import sys
import tempfile
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Dict, List

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from aiohttp.test_utils import TestClient, TestServer  # noqa: E402
from rasa.shared.core.domain import Domain  # noqa: E402
from sqlalchemy import insert, select  # noqa: E402

from bot.catalog import SERVICE_IDS, load_catalog  # noqa: E402
from bot.languages import LANGUAGES  # noqa: E402
from bot.review.accounts import ADMINISTRATOR, OFFICER, Accounts  # noqa: E402
from bot.review.app import create_review_app  # noqa: E402
from bot.review.facts import events_table, refresh_facts  # noqa: E402
from bot.storage import database as tables  # noqa: E402
from bot.storage.database import create_database_engine  # noqa: E402
from bot.storage.tracker_store import UrlSQLTrackerStore  # noqa: E402

PASSWORD = "benchmark password 1"
CHANNELS = ("rest", "socketio", "telegram", "facebook")
START = datetime(2026, 9, 1, tzinfo=timezone.utc)


def seed(database_url: str, event_count: int) -> Dict[str, int]:
    UrlSQLTrackerStore(Domain.empty(), database_url=database_url)  # creates Rasa's `events` table
    engine = create_database_engine(database_url)
    events = events_table(engine)
    rng = random.Random(7)
    languages = list(LANGUAGES)
    rows: List[Dict] = []
    conversation = 0
    while len(rows) < event_count:
        conversation += 1
        sender, language, channel = f"c{conversation}", rng.choice(languages), rng.choice(CHANNELS)
        service = rng.choice(SERVICE_IDS)
        at = (START + timedelta(minutes=rng.randrange(90 * 24 * 60))).timestamp()
        for turn in range(4):
            entities = [{"entity": "service", "value": service}] if turn == 0 else []
            intent = {"name": rng.choice(["ask_fees", "ask_documents", "nlu_fallback", "greet"]), "confidence": 0.8}
            parse = {"text": f"message {turn}", "intent": intent, "entities": entities, "language": language}
            user = {"event": "user", "timestamp": at, "text": f"message {turn} of {sender}", "parse_data": parse}
            user["input_channel"] = channel
            slot = {"event": "slot", "timestamp": at + 0.1, "name": "language", "value": language}
            bot = {"event": "bot", "timestamp": at + 0.2, "text": "reply", "metadata": {"language": language}}
            for data in (user, slot, bot):
                rows.append(
                    {
                        "sender_id": sender,
                        "type_name": data["event"],
                        "timestamp": data["timestamp"],
                        "intent_name": intent["name"] if data["event"] == "user" else None,
                        "action_name": None,
                        "data": json.dumps(data),
                    }
                )
            at += 30
    rows = rows[:event_count]
    records = {"feedback": 3000, "complaints": 1000, "handoff_requests": 500, "fallback_events": 5000}
    with engine.begin() as connection:
        connection.execute(insert(events), rows)
        for name, count in records.items():
            table = getattr(tables, name)
            batch = []
            for index in range(count):
                row = {
                    "conversation_id": f"c{rng.randrange(1, conversation)}",
                    "channel": rng.choice(CHANNELS),
                    "language": rng.choice(languages),
                    "service_id": rng.choice(SERVICE_IDS),
                    "created_at": START + timedelta(minutes=rng.randrange(90 * 24 * 60)),
                }
                if name == "feedback":
                    row.update(rating=rng.randint(1, 5), comment=f"comment {index % 400}")
                elif name == "complaints":
                    row.update(text=f"complaint about the queue {index % 300}")
                elif name == "handoff_requests":
                    row.update(transcript=[{"role": "citizen", "text": "help"}], status="open")
                else:
                    row.update(text=f"unanswered question number {index % 700}", stage="clarify", top_intents=[])
                batch.append(row)
            connection.execute(insert(table), batch)
    return {"events": len(rows), "conversations": conversation, **records}


def naive_overview(engine) -> int:
    """The baseline: parse every user event's JSON on each request, as without message facts."""
    events = events_table(engine)
    per_language: Dict[str, int] = {}
    with engine.connect() as connection:
        for (raw,) in connection.execute(select(events.c.data).where(events.c.type_name == "user")):
            language = json.loads(raw)["parse_data"].get("language", "en")
            per_language[language] = per_language.get(language, 0) + 1
    return sum(per_language.values())


async def login(client: TestClient, username: str) -> None:
    page = await (await client.get("/login")).text()
    token = page.split('name="csrf_token" value="')[1].split('"')[0]
    await client.post("/login", data={"username": username, "password": PASSWORD, "csrf_token": token})


async def main(event_count: int, rounds: int) -> None:
    folder = Path(tempfile.mkdtemp())
    database_url = f"sqlite:///{folder / 'review.db'}"
    started = time.perf_counter()
    seeded = seed(database_url, event_count)
    print(f"seeded {seeded} in {time.perf_counter() - started:.1f} s")
    engine = create_database_engine(database_url)
    begin = time.perf_counter()
    facts = refresh_facts(engine)
    print(f"one-off: {facts} citizen messages turned into message facts in {time.perf_counter() - begin:.2f} s")
    accounts = Accounts(engine)
    accounts.create_user("admin", PASSWORD, ADMINISTRATOR)
    accounts.create_user("officer", PASSWORD, OFFICER, "land_transport")
    catalog = load_catalog(ROOT / "content" / "catalog")
    pages = [
        "/",
        "/?language=th",
        "/?service=passport&start=2026-10-01&end=2026-10-31",
        "/gaps",
        "/feedback",
        "/complaints",
        "/handoffs",
        "/conversations/c42",
        "/export/feedback.csv",
        "/export/gaps.csv",
        "/export/languages.csv",
    ]
    baseline = []
    for _ in range(rounds):
        begin = time.perf_counter()
        naive_overview(engine)
        baseline.append(time.perf_counter() - begin)
    base = statistics.median(baseline)
    print(f"machine: 2 cores; SQLite; {rounds} requests per page after a warm-up")
    print(f"baseline (overview by parsing every event's JSON): median {base * 1000:.0f} ms")
    for username in ("admin", "officer"):
        client = TestClient(TestServer(create_review_app(engine, catalog)))
        await client.start_server()
        await login(client, username)
        print(f"\n{username}:")
        print(f"{'page':55} {'median ms':>10} {'max ms':>8} {'vs baseline':>12}")
        for path in pages:
            timings = []
            for _ in range(rounds):
                begin = time.perf_counter()
                response = await client.get(path)
                await response.read()
                timings.append(time.perf_counter() - begin)
                assert response.status == 200, (path, response.status)
            median = statistics.median(timings)
            print(f"{path:55} {median * 1000:10.0f} {max(timings) * 1000:8.0f} {median / base:11.2f}x")
        await client.close()


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--rounds", type=int, default=5)
    arguments = parser.parse_args()
    asyncio.run(main(arguments.events, arguments.rounds))
