"""Engine factory and table definitions.

The tables share the database with Rasa's tracker store (its table is `events`), so one
`DATABASE_URL` moves everything to PostgreSQL at once.
"""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import (
    JSON,
    Column,
    Date,
    DateTime,
    Float,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    create_engine,
    event,
    text,
)
from sqlalchemy.engine import Engine, make_url

metadata = MetaData()

applications = Table(
    "applications",
    metadata,
    Column("reference", String(10), primary_key=True),
    Column("service_id", String(40), nullable=False),
    Column("status", String(30), nullable=False),
    Column("submitted_on", Date, nullable=False),
    Column("updated_on", Date, nullable=False),
    Column("rejection_reason", Text),
    Column("collection_office", String(80)),
)


def _conversation_columns() -> list:
    """Columns every citizen record has, so reviews can slice by them."""
    return [
        Column("id", Integer, primary_key=True, autoincrement=True),
        Column("conversation_id", String(255), nullable=False, index=True),
        Column("channel", String(40), nullable=False),
        Column("language", String(10), nullable=False, index=True),
        Column("service_id", String(40), index=True),
        Column("created_at", DateTime(timezone=True), nullable=False, index=True),
    ]


feedback = Table(
    "feedback",
    metadata,
    *_conversation_columns(),
    Column("rating", Integer, nullable=False),
    Column("comment", Text),
)

complaints = Table(
    "complaints",
    metadata,
    *_conversation_columns(),
    Column("text", Text, nullable=False),
)

handoff_requests = Table(
    "handoff_requests",
    metadata,
    *_conversation_columns(),
    Column("transcript", JSON, nullable=False),
    Column("status", String(20), nullable=False, default="open"),
)

fallback_events = Table(
    "fallback_events",
    metadata,
    *_conversation_columns(),
    Column("text", Text, nullable=False),
    Column("stage", String(30), nullable=False),
    Column("top_intents", JSON, nullable=False),
    Column("confidence", Float),
)

#: Machine translations already paid for, keyed by a digest of provider, languages and text.
translation_cache = Table(
    "translation_cache",
    metadata,
    Column("key", String(64), primary_key=True),
    Column("provider", String(20), nullable=False),
    Column("source_language", String(10), nullable=False),
    Column("target_language", String(10), nullable=False),
    Column("translation", Text, nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
)

#: English renderings of what citizens wrote (feedback comments, complaints, unanswered
#: questions), so reviewers can read every language; `provider` is NULL when no translator
#: was configured or every translator failed (the text stays untranslated, never lost).
english_renderings = Table(
    "english_renderings",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("record_kind", String(20), nullable=False),
    Column("record_id", Integer, nullable=False),
    Column("source_language", String(10), nullable=False),
    Column("text", Text),
    Column("provider", String(20)),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Index("ix_english_renderings_record", "record_kind", "record_id", unique=True),
)

#: Review app accounts: an administrator sees everything, an officer one agency's services.
review_users = Table(
    "review_users",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("username", String(80), nullable=False, unique=True),
    Column("password_hash", String(200), nullable=False),
    Column("role", String(20), nullable=False),
    Column("agency_id", String(60)),
    Column("created_at", DateTime(timezone=True), nullable=False),
)

#: Logged-in sessions: only a hash of the cookie's token is stored, with its CSRF token.
review_sessions = Table(
    "review_sessions",
    metadata,
    Column("token_hash", String(64), primary_key=True),
    Column("user_id", Integer, nullable=False, index=True),
    Column("csrf_token", String(64), nullable=False),
    Column("expires_at", DateTime(timezone=True), nullable=False),
)

#: One row per citizen message, materialized incrementally from Rasa's `events` table so the
#: review app aggregates with SQL instead of parsing JSON on every page.
message_facts = Table(
    "message_facts",
    metadata,
    Column("event_id", Integer, primary_key=True),
    Column("conversation_id", String(255), nullable=False, index=True),
    Column("created_at", DateTime(timezone=True), nullable=False, index=True),
    Column("channel", String(40), nullable=False, index=True),
    Column("language", String(10), nullable=False, index=True),
    Column("intent", String(80)),
    Column("confidence", Float),
    Column("service_id", String(40), index=True),
)


def _enable_sqlite_wal(dbapi_connection, _record) -> None:  # type: ignore[no-untyped-def]
    """WAL lets the action server write while Rasa and the review app read."""
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA busy_timeout=5000")
    cursor.close()


#: Any fixed number: PostgreSQL advisory lock held while tables are created.
_SCHEMA_LOCK_KEY = 7_411_2026


def create_tables(engine: Engine, *schemas: MetaData) -> None:
    """Creates missing tables; on PostgreSQL one process at a time.

    Replicas and the action server start together; without the lock, two concurrent
    `CREATE TABLE`s of one name make one of them fail.
    """
    with engine.begin() as connection:
        if engine.dialect.name == "postgresql":
            connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _SCHEMA_LOCK_KEY})
        for schema in schemas or (metadata,):
            schema.create_all(connection)


def create_database_engine(database_url: str) -> Engine:
    """An engine for `database_url` with its tables created; SQLite folders are made too."""
    url = make_url(database_url)
    if url.get_backend_name() == "sqlite" and url.database not in (None, "", ":memory:"):
        Path(url.database).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, future=True, connect_args={"timeout": 10})
        event.listen(engine, "connect", _enable_sqlite_wal)
    else:
        engine = create_engine(url, future=True, pool_pre_ping=True)
    create_tables(engine)
    return engine
