"""Passing the conversation to a human officer."""

from __future__ import annotations

from typing import Any, Dict, List, Text

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.common import CitizenAction, conversation_context, localized_catalog, services
from bot.concurrency import run_blocking
from bot.dialogue.status_replies import contact_kwargs
from bot.dialogue.transcript import transcript_from_events
from bot.storage.records import HandoffRecord


class ActionRequestHuman(CitizenAction):
    """Records a handoff request with the transcript and gives the office's contact."""

    def name(self) -> Text:
        return "action_request_human"

    async def act(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]
    ) -> List[Dict[Text, Any]]:
        service_id = tracker.get_slot("service")
        record = HandoffRecord(
            context=conversation_context(tracker, service_id),
            transcript=transcript_from_events(tracker.events),
        )
        request_id = await run_blocking(services().records.add_handoff, record)
        dispatcher.utter_message(
            response="utter_handoff_recorded",
            request_id=f"H-{request_id:06d}",
            **contact_kwargs(localized_catalog(tracker), service_id),
        )
        return []
