import asyncio
import dataclasses

import pytest

import actions.common
from actions.feedback import (
    ActionAskFeedbackService,
    ActionSubmitComplaint,
    ActionSubmitFeedback,
    ValidateComplaintForm,
    ValidateFeedbackForm,
)
from bot.exceptions import StoreError
from bot.storage.database import complaints, english_renderings, feedback
from bot.translation import for_reviewers
from tests.actions.conftest import make_tracker, responses, user_message
from tests.fakes.translation import echo_service


def _slots(events):
    return {e["name"]: e["value"] for e in events if e.get("event") == "slot" and e["name"] != "requested_slot"}


async def test_feedback_question_offers_every_service_and_something_else(dispatcher, domain, catalog):
    await ActionAskFeedbackService().run(dispatcher, make_tracker(user_message("feedback", "give_feedback")), domain)
    buttons = dispatcher.messages[0]["buttons"]
    assert len(buttons) == len(catalog.facts.services) + 1
    assert buttons[-1] == {"title": "The assistant / something else", "payload": "/deny"}


async def test_feedback_that_names_a_service_skips_the_question(dispatcher, domain):
    message = user_message("feedback on the passport office", "give_feedback", [{"service": "passport"}])
    events = await ValidateFeedbackForm().run(dispatcher, make_tracker(message), domain)
    assert _slots(events)["feedback_service"] == "passport"


async def test_skipping_the_service_means_general_feedback(dispatcher, domain):
    tracker = make_tracker(user_message("no", "deny"), slots={"requested_slot": "feedback_service"})
    assert _slots(await ValidateFeedbackForm().run(dispatcher, tracker, domain))["feedback_service"] == "general"


@pytest.mark.parametrize("typed", ["0", "9", "10 out of 10", "-3"])
async def test_rating_outside_one_to_five_is_refused_with_the_scale(dispatcher, domain, typed):
    tracker = make_tracker(
        user_message(typed, "inform"), slots={"requested_slot": "rating", "feedback_service": "passport"}
    )
    events = await ValidateFeedbackForm().run(dispatcher, tracker, domain)
    assert responses(dispatcher) == ["utter_rating_invalid"]
    assert _slots(events)["rating"] is None


@pytest.mark.parametrize("typed, rating", [("4", "4"), ("five", "5"), ("I'd say 2", "2")])
async def test_rating_is_read_from_what_the_citizen_types(dispatcher, domain, typed, rating):
    tracker = make_tracker(
        user_message(typed, "inform"), slots={"requested_slot": "rating", "feedback_service": "passport"}
    )
    assert _slots(await ValidateFeedbackForm().run(dispatcher, tracker, domain))["rating"] == rating


async def test_comment_is_kept_without_control_characters(dispatcher, domain):
    slots = {"requested_slot": "feedback_comment", "feedback_service": "passport", "rating": "4"}
    tracker = make_tracker(user_message("Fast\x00 service <b>thanks</b>", "thank"), slots=slots)
    assert (
        _slots(await ValidateFeedbackForm().run(dispatcher, tracker, domain))["feedback_comment"]
        == "Fast service <b>thanks</b>"
    )


async def test_submitted_feedback_is_stored_with_its_context(dispatcher, domain, action_services):
    slots = {"feedback_service": "driving_license", "rating": "5", "feedback_comment": "Quick!"}
    tracker = make_tracker(user_message("Quick!", "inform"), slots=slots, channel="socketio")
    events = await ActionSubmitFeedback().run(dispatcher, tracker, domain)
    [row] = action_services.records.rows(feedback)
    assert (row["service_id"], row["rating"], row["comment"], row["channel"], row["language"]) == (
        "driving_license",
        5,
        "Quick!",
        "socketio",
        "en",
    )
    assert responses(dispatcher) == ["utter_feedback_thanks"]
    assert _slots(events) == {"feedback_service": None, "rating": None, "feedback_comment": None}


async def test_low_rating_without_comment_offers_a_complaint_or_an_officer(dispatcher, domain, action_services):
    slots = {"feedback_service": "general", "rating": "1", "feedback_comment": "-"}
    await ActionSubmitFeedback().run(dispatcher, make_tracker(user_message("skip", "deny"), slots=slots), domain)
    [row] = action_services.records.rows(feedback)
    assert (row["service_id"], row["comment"]) == (None, None)
    assert responses(dispatcher) == ["utter_feedback_thanks", "utter_feedback_low_rating"]


async def test_detailed_complaint_is_taken_from_the_first_message(dispatcher, domain):
    message = user_message("the registry office was rude and slow", "complain")
    events = await ValidateComplaintForm().run(dispatcher, make_tracker(message), domain)
    assert _slots(events)["complaint_details"] == "the registry office was rude and slow"


async def test_bare_wish_to_complain_asks_what_happened(dispatcher, domain):
    events = await ValidateComplaintForm().run(
        dispatcher, make_tracker(user_message("I want to make a complaint", "complain")), domain
    )
    assert "complaint_details" not in _slots(events)


async def test_complaint_is_stored_with_the_service_and_numbered(dispatcher, domain, action_services):
    tracker = make_tracker(
        user_message("The passport office lost my photos", "complain", [{"service": "passport"}]),
        slots={"complaint_details": "The passport office lost my photos"},
    )
    await ActionSubmitComplaint().run(dispatcher, tracker, domain)
    [row] = action_services.records.rows(complaints)
    assert (row["service_id"], row["text"]) == ("passport", "The passport office lost my photos")
    assert dispatcher.messages[0]["complaint_id"] == f"C-{row['id']:06d}"


class _BrokenRecords:
    def __getattr__(self, name):
        def fail(*args, **kwargs):
            raise StoreError("database is down")

        return fail


async def test_database_down_while_storing_gives_an_apology_not_a_crash(
    dispatcher, domain, action_services, monkeypatch
):
    broken = dataclasses.replace(action_services, records=_BrokenRecords())
    monkeypatch.setattr(actions.common, "get_services", lambda: broken)
    slots = {"feedback_service": "passport", "rating": "4", "feedback_comment": "-"}
    await ActionSubmitFeedback().run(dispatcher, make_tracker(user_message("skip", "deny"), slots=slots), domain)
    assert responses(dispatcher) == ["utter_error"]


async def test_the_rating_is_repeated_in_the_languages_digits(dispatcher, domain):
    slots = {"feedback_service": "passport", "rating": "4", "feedback_comment": "-", "language": "bn"}
    await ActionSubmitFeedback().run(dispatcher, make_tracker(user_message("৪", "inform"), slots=slots), domain)
    assert dispatcher.messages[0]["rating"] == "৪"


async def _renderings(services) -> list:
    await asyncio.gather(*list(for_reviewers._PENDING))
    return services.records.rows(english_renderings)


async def test_a_comment_in_another_language_gets_an_english_rendering_for_reviewers(
    monkeypatch, services, dispatcher, domain
):
    translator = echo_service()
    with_translator = dataclasses.replace(services, translator=translator)
    monkeypatch.setattr(actions.common, "get_services", lambda: with_translator)
    slots = {"feedback_service": "passport", "rating": "2", "feedback_comment": "Lambat sekali", "language": "id"}
    await ActionSubmitFeedback().run(
        dispatcher, make_tracker(user_message("Lambat sekali", "inform"), slots=slots), domain
    )
    [row] = await _renderings(services)
    assert (row["record_kind"], row["source_language"], row["text"], row["provider"]) == (
        "feedback",
        "id",
        "en: Lambat sekali",
        "echo",
    )


async def test_offline_a_complaint_is_marked_untranslated_and_kept_in_the_original(action_services, dispatcher, domain):
    slots = {"complaint_details": "Petugasnya tidak sopan dan antreannya lama", "language": "id"}
    await ActionSubmitComplaint().run(dispatcher, make_tracker(user_message("x", "complain"), slots=slots), domain)
    [rendering] = await _renderings(action_services)
    [complaint] = action_services.records.rows(complaints)
    assert (rendering["record_kind"], rendering["record_id"], rendering["text"], rendering["provider"]) == (
        "complaint",
        complaint["id"],
        None,
        None,
    )
    assert complaint["text"] == "Petugasnya tidak sopan dan antreannya lama"


async def test_an_english_comment_needs_no_rendering(action_services, dispatcher, domain):
    slots = {"feedback_service": "passport", "rating": "5", "feedback_comment": "Great"}
    await ActionSubmitFeedback().run(dispatcher, make_tracker(user_message("Great", "inform"), slots=slots), domain)
    assert await _renderings(action_services) == []
