"""Feedback, complaints, handoff requests and gaps are stored with their context."""

from __future__ import annotations

import pytest
from sqlalchemy import create_engine

from bot.exceptions import StoreError
from bot.storage.database import complaints, create_database_engine, fallback_events, feedback, handoff_requests
from bot.storage.records import (
    ComplaintRecord,
    ConversationContext,
    FallbackRecord,
    FeedbackRecord,
    HandoffRecord,
    RecordStore,
)

CONTEXT = ConversationContext(conversation_id="c-1", channel="rest", language="en", service_id="passport")


@pytest.fixture
def store(database_url) -> RecordStore:
    return RecordStore(create_database_engine(database_url))


def test_feedback_is_stored_with_conversation_channel_language_and_time(store):
    store.add_feedback(FeedbackRecord(CONTEXT, rating=4, comment="Quick & helpful <b>thanks</b>"))
    [row] = store.rows(feedback)
    assert (row["conversation_id"], row["channel"], row["language"], row["service_id"]) == (
        "c-1",
        "rest",
        "en",
        "passport",
    )
    assert (row["rating"], row["comment"]) == (4, "Quick & helpful <b>thanks</b>")
    assert row["created_at"] is not None


@pytest.mark.parametrize("rating", [0, 6, 9, -1])
def test_rating_outside_one_to_five_is_refused(store, rating):
    with pytest.raises(ValueError):
        store.add_feedback(FeedbackRecord(CONTEXT, rating=rating))
    assert store.rows(feedback) == []


def test_long_and_unusual_text_is_kept_whole(store):
    text = ("Waited for hours 😡 ; DROP TABLE complaints; -- " * 120)[:5000]
    store.add_complaint(ComplaintRecord(CONTEXT, text=text))
    assert store.rows(complaints)[0]["text"] == text


def test_handoff_keeps_its_transcript_and_starts_open(store):
    transcript = [{"role": "citizen", "text": "I need a person", "time": "2026-03-16T10:00:00+00:00"}]
    request_id = store.add_handoff(HandoffRecord(CONTEXT, transcript=transcript))
    [row] = store.rows(handoff_requests)
    assert (row["id"], row["status"], row["transcript"]) == (request_id, "open", transcript)
    store.mark_handoff_handled(request_id)
    assert store.rows(handoff_requests)[0]["status"] == "handled"


def test_gap_records_keep_the_text_and_the_guesses(store):
    guesses = [{"name": "ask_fees", "confidence": 0.3}]
    store.add_fallback(
        FallbackRecord(CONTEXT, text="how much for the thing", stage="clarify", top_intents=guesses, confidence=0.3)
    )
    row = store.rows(fallback_events, conversation_id="c-1")[0]
    assert (row["text"], row["stage"], row["top_intents"]) == ("how much for the thing", "clarify", guesses)


def test_a_failing_database_raises_store_error(tmp_path):
    broken = RecordStore(create_engine(f"sqlite:///{tmp_path / 'no-tables.db'}"))
    with pytest.raises(StoreError):
        broken.add_complaint(ComplaintRecord(CONTEXT, text="lost"))


def test_personal_data_is_redacted_before_anything_is_stored(store):
    context = ConversationContext("c-9", "rest", "en")
    store.add_feedback(FeedbackRecord(context, rating=2, comment="call me 0412 345 678"))
    store.add_complaint(ComplaintRecord(context, text="I am S1234567D, mail me at a@b.example"))
    store.add_fallback(FallbackRecord(context, text="my aadhaar 2345 6789 0124", stage="clarify"))
    store.add_handoff(HandoffRecord(context, transcript=[{"role": "citizen", "text": "+66 81 234 5678", "time": ""}]))
    assert store.rows(feedback)[0]["comment"] == "call me [phone]"
    assert store.rows(complaints)[0]["text"] == "I am [id number], mail me at [email]"
    assert store.rows(fallback_events)[0]["text"] == "my aadhaar [id number]"
    assert store.rows(handoff_requests)[0]["transcript"] == [{"role": "citizen", "text": "[phone]", "time": ""}]
