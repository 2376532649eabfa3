"""Feedback, complaints and handoff requests reach the agency's tables."""

from __future__ import annotations

from bot.storage.database import complaints, fallback_events, feedback, handoff_requests
from tests.conversations.conftest import Citizen


async def test_feedback_with_an_invalid_rating_is_asked_again_then_stored(citizen: Citizen, records):
    replies = await citizen.say("I want to leave feedback")
    assert replies[0]["text"] == "Thank you for taking the time. Which service is your feedback about?"
    assert (await citizen.texts("driving licence")) == ["How would you rate it, from 1 (very poor) to 5 (excellent)?"]
    for wrong in ("9", "0"):
        texts = await citizen.texts(wrong)
        assert texts[0] == "Please give a rating from 1 to 5, where 1 is very poor and 5 is excellent."
    texts = await citizen.texts("4")
    assert texts == ["Would you like to add a comment? Type it here, or choose Skip."]
    texts = await citizen.texts("The staff were helpful but the queue was long")
    assert texts == ["Thank you! Your feedback (rating 4 of 5) has been recorded and will be read by the agency."]
    [row] = records.rows(feedback, conversation_id=citizen.sender_id)
    assert (row["service_id"], row["rating"], row["comment"], row["channel"], row["language"]) == (
        "driving_license",
        4,
        "The staff were helpful but the queue was long",
        "rest",
        "en",
    )


async def test_low_rating_without_comment_offers_help(citizen: Citizen, records):
    await citizen.say("I'd like to rate the service")
    await citizen.say("/deny")
    await citizen.say("1")
    texts = await citizen.texts("/deny")
    assert texts[1] == "I'm sorry it didn't go well. Would you like to make a complaint or talk to an officer?"
    [row] = records.rows(feedback, conversation_id=citizen.sender_id)
    assert (row["service_id"], row["rating"], row["comment"]) == (None, 1, None)


async def test_detailed_complaint_is_recorded_and_an_officer_offered(citizen: Citizen, records):
    [reply] = await citizen.say("The clerk at the Northport passport office shouted at me and lost my photos")
    [row] = records.rows(complaints, conversation_id=citizen.sender_id)
    assert row["text"] == "The clerk at the Northport passport office shouted at me and lost my photos"
    assert row["service_id"] == "passport"
    assert f"C-{row['id']:06d}" in reply["text"]
    texts = await citizen.texts("yes")
    assert texts[0].startswith("I've asked an officer to take over")
    assert len(records.rows(handoff_requests, conversation_id=citizen.sender_id)) == 1


async def test_bare_wish_to_complain_asks_what_happened_first(citizen: Citizen, records):
    texts = await citizen.texts("I want to make a complaint")
    assert texts == [
        "I'm sorry to hear that. Please tell me what happened: which office or service, when, and what went wrong."
    ]
    assert records.rows(complaints, conversation_id=citizen.sender_id) == []
    await citizen.say("I waited four hours at the tax office and nobody called my number")
    [row] = records.rows(complaints, conversation_id=citizen.sender_id)
    assert row["text"] == "I waited four hours at the tax office and nobody called my number"


async def test_handoff_request_keeps_the_transcript_and_gives_the_office_contact(citizen: Citizen, records):
    await citizen.say("how much is a driving licence?")
    texts = await citizen.texts("let me talk to a real person")
    assert "Land Transport Licensing Centre" in texts[0] and "Phone: +1 555" in texts[0]
    [row] = records.rows(handoff_requests, conversation_id=citizen.sender_id)
    assert row["service_id"] == "driving_license" and row["status"] == "open"
    citizen_turns = [t["text"] for t in row["transcript"] if t["role"] == "citizen"]
    assert citizen_turns == ["how much is a driving licence?", "let me talk to a real person"]
    assert any(t["role"] == "assistant" and "fee is" in t["text"] for t in row["transcript"])


async def test_out_of_scope_is_answered_and_logged_as_a_gap(citizen: Citizen, records):
    texts = await citizen.texts("what's the weather tomorrow?")
    assert texts[0].startswith("Sorry, I can only help with government services")
    assert [r["stage"] for r in records.rows(fallback_events, conversation_id=citizen.sender_id)] == ["out_of_scope"]


async def test_a_question_in_the_middle_of_the_feedback_form_is_answered_and_the_form_goes_on(
    citizen: Citizen, records
):
    await citizen.say("I want to leave feedback")
    await citizen.say("passport")
    texts = await citizen.texts("wait, am I talking to a bot?")
    assert texts[0].startswith("I'm an automated assistant, not a person.")
    await citizen.say("5")
    await citizen.say("/deny")
    [row] = records.rows(feedback, conversation_id=citizen.sender_id)
    assert (row["service_id"], row["rating"]) == ("passport", 5)


async def test_never_mind_while_asked_for_a_reference_ends_the_question(citizen: Citizen):
    await citizen.say("check my application")
    texts = await citizen.texts("never mind")
    assert texts == ["Is there anything else I can help you with?"]
    texts = await citizen.texts("how much is a passport?")
    assert texts[0] == "Passport: the fee is 60.00 US dollars."
