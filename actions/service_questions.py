"""Answers about services (documents, fees, time, eligibility, applying, offices)."""

from __future__ import annotations

from typing import Any, Dict, List, Text

from rasa_sdk import FormValidationAction, Tracker
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.common import INTERRUPTIONS, CitizenAction, localized_catalog, send
from bot.catalog.answers import answer_topic, more_about, service_buttons, service_overview


class ActionAnswerServiceQuestion(CitizenAction):
    """Answers the pending topic about the service in the `service` slot."""

    def name(self) -> Text:
        return "action_answer_service_question"

    async def act(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]
    ) -> List[Dict[Text, Any]]:
        catalog = localized_catalog(tracker)
        service_id = tracker.get_slot("service")
        topic = tracker.get_slot("topic")
        if service_id not in catalog.facts.services:
            dispatcher.utter_message(response="utter_ask_service", buttons=service_buttons(catalog))
            return []
        replies = answer_topic(catalog, service_id, topic) if topic else service_overview(catalog, service_id)
        send(dispatcher, replies + [more_about(catalog, service_id)])
        return []


class ActionAskService(CitizenAction):
    """Asks which service the question is about, with one button per catalog service."""

    def name(self) -> Text:
        return "action_ask_service"

    async def act(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]
    ) -> List[Dict[Text, Any]]:
        dispatcher.utter_message(response="utter_ask_service", buttons=service_buttons(localized_catalog(tracker)))
        return []


class ValidateServiceQuestionForm(FormValidationAction):
    """Tells the citizen when the service they named is not one the assistant knows."""

    def name(self) -> Text:
        return "validate_service_question_form"

    async def extract_service(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Dict[Text, Any]:
        if tracker.get_slot("requested_slot") != "service":
            return {}
        if next(tracker.get_latest_entity_values("service"), None):
            return {}
        intent = (tracker.latest_message.get("intent") or {}).get("name")
        if intent in INTERRUPTIONS:
            return {}
        dispatcher.utter_message(response="utter_unknown_service")
        return {"service": None}

    async def validate_service(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Dict[Text, Any]:
        if value in localized_catalog(tracker).facts.services:
            return {"service": value}
        if value is not None:
            dispatcher.utter_message(response="utter_unknown_service")
        return {"service": None}
