"""Not understood: offer the two likeliest meanings, then give up politely and log the gap."""

from __future__ import annotations

import logging
from typing import Any, Dict, List, Optional, Text

from rasa_sdk import Tracker
from rasa_sdk.events import UserUtteranceReverted
from rasa_sdk.executor import CollectingDispatcher

from actions.common import CitizenAction, conversation_context, render_for_reviewers, response_text, services
from bot.concurrency import run_blocking
from bot.dialogue.fallback import has_words, intent_payload, likeliest_intents
from bot.exceptions import StoreError
from bot.storage.records import FallbackRecord

logger = logging.getLogger(__name__)


async def _log_gap(tracker: Tracker, stage: str, message: Optional[Dict[str, Any]] = None) -> None:
    """Stores the message the assistant could not handle, so agencies see the gap."""
    message = message or tracker.latest_message
    record = FallbackRecord(
        context=conversation_context(tracker, tracker.get_slot("service")),
        text=message.get("text") or "",
        stage=stage,
        top_intents=likeliest_intents(message.get("intent_ranking") or [], count=3),
        confidence=(message.get("intent") or {}).get("confidence"),
    )
    try:
        gap_id = await run_blocking(services().records.add_fallback, record)
    except StoreError:
        logger.exception("could not log a gap; the citizen is answered anyway")
        return
    if record.text:
        render_for_reviewers("gap", gap_id, record.text, record.context.language)


def _first_unclear_message(tracker: Tracker) -> Dict[str, Any]:
    """The citizen message that started the current fallback (the latest `nlu_fallback`)."""
    for event in reversed(tracker.events):
        if (
            event.get("event") == "user"
            and (event.get("parse_data", {}).get("intent") or {}).get("name") == "nlu_fallback"
        ):
            return {"text": event.get("text"), **event.get("parse_data", {})}
    return tracker.latest_message


class ActionDefaultAskAffirmation(CitizenAction):
    """First stage: "Did you mean …?" with the two likeliest intents as buttons."""

    def name(self) -> Text:
        return "action_default_ask_affirmation"

    async def act(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]
    ) -> List[Dict[Text, Any]]:
        message = tracker.latest_message
        if not has_words(message.get("text") or ""):
            dispatcher.utter_message(response="utter_no_text")
            return []
        await _log_gap(tracker, "clarify")
        entities = message.get("entities") or []
        buttons = [
            {
                "title": response_text(tracker, f"utter_intent_title_{intent['name']}"),
                "payload": intent_payload(intent["name"], entities),
            }
            for intent in likeliest_intents(message.get("intent_ranking") or [])
        ]
        buttons.append({"title": response_text(tracker, "utter_something_else"), "payload": "/out_of_scope"})
        dispatcher.utter_message(response="utter_did_you_mean", buttons=buttons)
        return []


class ActionDefaultFallback(CitizenAction):
    """Last stage: say what the citizen can do instead, and log the gap."""

    def name(self) -> Text:
        return "action_default_fallback"

    async def act(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]
    ) -> List[Dict[Text, Any]]:
        unclear = _first_unclear_message(tracker)
        if not has_words(unclear.get("text") or ""):
            dispatcher.utter_message(response="utter_no_text")
            return [UserUtteranceReverted()]
        await _log_gap(tracker, "gave_up", unclear)
        dispatcher.utter_message(response="utter_default")
        return [UserUtteranceReverted()]


class ActionOutOfScope(CitizenAction):
    """Says what the assistant covers, and logs the question as a gap."""

    def name(self) -> Text:
        return "action_out_of_scope"

    async def act(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]
    ) -> List[Dict[Text, Any]]:
        await _log_gap(tracker, "out_of_scope")
        dispatcher.utter_message(response="utter_out_of_scope")
        return []
