"""Feedback (service, rating 1–5, optional comment) and complaints, stored for agencies."""

from __future__ import annotations

from typing import Any, Dict, List, Optional, Text

from rasa_sdk import FormValidationAction, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.common import (
    INTERRUPTIONS,
    CitizenAction,
    conversation_context,
    conversation_language,
    localized_catalog,
    render_for_reviewers,
    response_text,
    services,
)
from bot import formatting
from bot.catalog.answers import service_buttons
from bot.concurrency import run_blocking
from bot.dialogue.complaints import has_details
from bot.dialogue.feedback import clean_comment, is_valid_rating, read_rating
from bot.storage.records import ComplaintRecord, FeedbackRecord

#: `feedback_service` value for feedback about the assistant or no particular service.
GENERAL = "general"
#: `feedback_comment` value when the citizen skips the comment.
NO_COMMENT = "-"
#: Ratings at or below this offer a complaint or an officer.
LOW_RATING = 2


def _intent(tracker: Tracker) -> Optional[str]:
    return (tracker.latest_message.get("intent") or {}).get("name")


def _text(tracker: Tracker) -> str:
    return tracker.latest_message.get("text") or ""


class ActionAskFeedbackService(CitizenAction):
    """Asks which service the feedback is about, with a button for "something else"."""

    def name(self) -> Text:
        return "action_ask_feedback_service"

    async def act(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]
    ) -> List[Dict[Text, Any]]:
        buttons = service_buttons(localized_catalog(tracker))
        buttons.append({"title": response_text(tracker, "utter_feedback_general"), "payload": "/deny"})
        dispatcher.utter_message(response="utter_ask_feedback_service", buttons=buttons)
        return []


class ValidateFeedbackForm(FormValidationAction):
    """Fills the feedback slots from what the citizen types or taps."""

    def name(self) -> Text:
        return "validate_feedback_form"

    async def extract_feedback_service(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Dict[Text, Any]:
        requested = tracker.get_slot("requested_slot")
        if requested not in (None, "feedback_service") or tracker.get_slot("feedback_service"):
            return {}
        named = next(tracker.get_latest_entity_values("service"), None)
        if named:
            return {"feedback_service": named}
        if requested is None:  # the message that started the form named no service: ask
            return {}
        if _intent(tracker) in INTERRUPTIONS - {"deny"}:
            return {}
        return {"feedback_service": GENERAL}

    async def extract_rating(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Dict[Text, Any]:
        requested = tracker.get_slot("requested_slot")
        if tracker.get_slot("rating"):
            return {}
        entity = next(tracker.get_latest_entity_values("rating"), None)
        if entity and requested in (None, "feedback_service", "rating"):
            return {"rating": str(entity)}
        if requested != "rating":
            return {}
        value = read_rating(_text(tracker))
        if value is None and _intent(tracker) in INTERRUPTIONS:
            return {}
        if not is_valid_rating(value):
            dispatcher.utter_message(response="utter_rating_invalid")
            return {"rating": None}
        return {"rating": str(value)}

    async def extract_feedback_comment(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Dict[Text, Any]:
        if tracker.get_slot("requested_slot") != "feedback_comment":
            return {}
        if _intent(tracker) == "deny":
            return {"feedback_comment": NO_COMMENT}
        comment = clean_comment(_text(tracker))
        if comment.startswith("/"):  # a button of another question
            return {}
        return {"feedback_comment": comment or NO_COMMENT}


class ActionSubmitFeedback(CitizenAction):
    """Stores the feedback, thanks the citizen and resets the form."""

    def name(self) -> Text:
        return "action_submit_feedback"

    async def act(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]
    ) -> List[Dict[Text, Any]]:
        service_id = tracker.get_slot("feedback_service")
        rating = int(tracker.get_slot("rating"))
        comment = tracker.get_slot("feedback_comment")
        record = FeedbackRecord(
            context=conversation_context(tracker, None if service_id == GENERAL else service_id),
            rating=rating,
            comment=None if comment in (None, NO_COMMENT) else comment,
        )
        feedback_id = await run_blocking(services().records.add_feedback, record)
        if record.comment:
            render_for_reviewers("feedback", feedback_id, record.comment, record.context.language)
        dispatcher.utter_message(
            response="utter_feedback_thanks", rating=formatting.number(rating, conversation_language(tracker))
        )
        if rating <= LOW_RATING:
            dispatcher.utter_message(response="utter_feedback_low_rating")
        return [SlotSet("feedback_service", None), SlotSet("rating", None), SlotSet("feedback_comment", None)]


class ValidateComplaintForm(FormValidationAction):
    """Takes the complaint from the first message when it already says what happened."""

    def name(self) -> Text:
        return "validate_complaint_form"

    async def extract_complaint_details(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Dict[Text, Any]:
        requested = tracker.get_slot("requested_slot")
        text = clean_comment(_text(tracker))
        language = conversation_language(tracker)
        if requested is None and _intent(tracker) == "complain":
            return {"complaint_details": text} if has_details(text, language) else {}
        if requested != "complaint_details" or not text or text.startswith("/"):
            return {}
        if _intent(tracker) in INTERRUPTIONS - {"complain"} and not has_details(text, language):
            return {}
        return {"complaint_details": text}


class ActionSubmitComplaint(CitizenAction):
    """Stores the complaint and offers an officer."""

    def name(self) -> Text:
        return "action_submit_complaint"

    async def act(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]
    ) -> List[Dict[Text, Any]]:
        details = tracker.get_slot("complaint_details") or ""
        service_id = next(tracker.get_latest_entity_values("service"), None) or tracker.get_slot("service")
        record = ComplaintRecord(context=conversation_context(tracker, service_id), text=details)
        complaint_id = await run_blocking(services().records.add_complaint, record)
        render_for_reviewers("complaint", complaint_id, details, record.context.language)
        dispatcher.utter_message(response="utter_complaint_recorded", complaint_id=f"C-{complaint_id:06d}")
        return [SlotSet("complaint_details", None)]
