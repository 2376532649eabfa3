"""Checking the status of an application by its reference number."""

from __future__ import annotations

import re
from typing import Any, Dict, List, Text

from rasa_sdk import FormValidationAction, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.common import INTERRUPTIONS, CitizenAction, localized_catalog, send, services
from bot.applications import REFERENCE_EXAMPLE, find_reference, looks_like_reference_attempt
from bot.dialogue.status_replies import contact_kwargs, status_reply
from bot.exceptions import StatusServiceUnavailable
from bot.languages.registry import DEFAULT_LANGUAGE
from bot.nlg.renderer import MACHINE_TRANSLATION_NOTE

#: How much of a wrong reference is quoted back to the citizen.
_MAX_QUOTED = 40
_TAG = re.compile(r"<[^>]*>")


def _quoted(text: str) -> str:
    """What the citizen typed, as it is safe and short enough to repeat back."""
    return " ".join(_TAG.sub(" ", text).split())[:_MAX_QUOTED] or "…"


async def _reason_in(reason: str, language: str) -> str:
    """An agency's rejection reason (written in English) in the citizen's language, when a
    translator is configured, marked as machine-translated; else the agency's own words."""
    found = services()
    translation = await found.translator.translate(reason, DEFAULT_LANGUAGE, language)
    if translation is None:
        return reason
    return f"{translation.text} {found.responses.text(MACHINE_TRANSLATION_NOTE, language)}"


class ValidateApplicationStatusForm(FormValidationAction):
    """Normalizes the reference and explains the format when it is typed wrong."""

    def name(self) -> Text:
        return "validate_application_status_form"

    async def extract_reference_number(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Dict[Text, Any]:
        if tracker.get_slot("requested_slot") != "reference_number":
            return {}
        text = tracker.latest_message.get("text") or ""
        reference = find_reference(text)
        if reference:
            return {"reference_number": reference}
        intent = (tracker.latest_message.get("intent") or {}).get("name")
        if intent in INTERRUPTIONS and not looks_like_reference_attempt(text):
            return {}
        dispatcher.utter_message(response="utter_reference_malformed", attempt=_quoted(text), example=REFERENCE_EXAMPLE)
        return {"reference_number": None}

    async def validate_reference_number(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Dict[Text, Any]:
        reference = find_reference(str(value or ""))
        if reference is None and value:
            dispatcher.utter_message(
                response="utter_reference_malformed", attempt=_quoted(str(value)), example=REFERENCE_EXAMPLE
            )
        return {"reference_number": reference}


class ActionCheckApplicationStatus(CitizenAction):
    """Looks the application up and tells the citizen where it stands."""

    def name(self) -> Text:
        return "action_check_application_status"

    async def act(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]
    ) -> List[Dict[Text, Any]]:
        reference = tracker.get_slot("reference_number")
        catalog = localized_catalog(tracker)
        try:
            application = await services().applications.lookup(reference)
        except StatusServiceUnavailable:
            dispatcher.utter_message(
                response="utter_status_service_unavailable", reference=reference, **contact_kwargs(catalog, None)
            )
            return [SlotSet("reference_number", None)]
        if application is None:
            dispatcher.utter_message(response="utter_application_not_found", reference=reference)
            return [SlotSet("reference_number", None)]
        reply = status_reply(application, catalog)
        if reply["kwargs"].get("reason"):
            reply["kwargs"]["reason"] = await _reason_in(reply["kwargs"]["reason"], catalog.language)
        send(dispatcher, [reply])
        return [SlotSet("reference_number", None), SlotSet("service", application.service_id)]
