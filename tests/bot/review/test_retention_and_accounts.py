"""The retention command, accounts and the command line."""

from __future__ import annotations

import io
from datetime import datetime, timezone

import pytest

from bot.review.__main__ import main
from bot.review.accounts import ADMINISTRATOR, OFFICER, AccountError, Accounts
from bot.review.facts import events_table, refresh_facts
from bot.review.retention import apply_retention
from bot.storage.database import create_database_engine, feedback, message_facts
from bot.storage.records import RecordStore


def test_retention_deletes_conversations_and_records_older_than_the_period(review_db):
    engine = create_database_engine(review_db)
    refresh_facts(engine)
    now = datetime(2026, 3, 12, 12, 0, tzinfo=timezone.utc)  # c1 (10 March) is older than 1.5 days
    removed = apply_retention(engine, days=1, now=now)
    records = RecordStore(engine)
    assert {row["conversation_id"] for row in records.rows(feedback)} == set()
    assert removed["feedback"] == 2 and removed["complaints"] == 1
    with engine.connect() as connection:
        senders = {
            row[0]
            for row in connection.execute(
                events_table(engine).select().with_only_columns(events_table(engine).c.sender_id)
            )
        }
        facts = {
            row[0]
            for row in connection.execute(message_facts.select().with_only_columns(message_facts.c.conversation_id))
        }
    assert senders == {"c3", "c4"} and facts == {"c3", "c4"}


def test_retention_needs_at_least_a_day(review_db):
    with pytest.raises(ValueError):
        apply_retention(create_database_engine(review_db), days=0)


def test_passwords_are_stored_as_argon2_hashes_and_checked(database_url):
    accounts = Accounts(create_database_engine(database_url))
    accounts.create_user("ana", "a long enough password", OFFICER, "police")
    with create_database_engine(database_url).connect() as connection:
        stored = connection.exec_driver_sql("SELECT password_hash FROM review_users").scalar()
    assert stored.startswith("$argon2id$") and "a long enough password" not in stored
    assert accounts.authenticate("ana", "a long enough password").agency_id == "police"
    assert accounts.authenticate("ana", "wrong password here") is None
    assert accounts.authenticate("nobody", "a long enough password") is None


@pytest.mark.parametrize(
    ("username", "password", "role", "agency", "problem"),
    [
        ("bo", "short", ADMINISTRATOR, None, "at least"),
        ("bo", "a long enough password", OFFICER, None, "agency"),
        ("bo", "a long enough password", "superuser", None, "role"),
    ],
)
def test_weak_or_incomplete_accounts_are_refused(database_url, username, password, role, agency, problem):
    with pytest.raises(AccountError, match=problem):
        Accounts(create_database_engine(database_url)).create_user(username, password, role, agency)


def test_the_command_creates_users_and_applies_retention(database_url, monkeypatch, capsys):
    monkeypatch.setenv("DATABASE_URL", database_url)
    monkeypatch.setattr("sys.stdin", io.StringIO("a long enough password\n"))
    assert main(["create-user", "lee", "--role", "officer", "--agency", "immigration", "--password-stdin"]) == 0
    assert "created officer lee of immigration" in capsys.readouterr().out
    monkeypatch.setattr("sys.stdin", io.StringIO("a long enough password\n"))
    assert main(["create-user", "lee2", "--role", "officer", "--agency", "nowhere", "--password-stdin"]) == 2
    assert main(["retention", "--days", "30"]) == 0
