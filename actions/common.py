"""What every action shares: the services, the conversation context, sending replies.

`CitizenAction` is abstract (rasa-sdk registers every concrete `Action`); it turns the
package's own errors into an apology so a failing store never leaves a citizen unanswered.
"""

from __future__ import annotations

import logging
from abc import ABC, abstractmethod
from typing import Any, Dict, Iterable, List, Optional, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher

from bot.catalog import LocalizedCatalog
from bot.catalog.answers import Reply
from bot.exceptions import CitizenBotError
from bot.languages.registry import DEFAULT_LANGUAGE
from bot.services import Services, get_services
from bot.storage.records import ConversationContext
from bot.translation.for_reviewers import in_background, store_english_rendering

logger = logging.getLogger(__name__)

#: While a form asks for a value, these intents are interruptions, not answers.
INTERRUPTIONS = {
    "greet",
    "goodbye",
    "thank",
    "deny",
    "bot_challenge",
    "help",
    "request_human",
    "complain",
    "give_feedback",
    "check_application_status",
    "change_language",
    "out_of_scope",
}


def services() -> Services:
    return get_services()


def conversation_language(tracker: Tracker) -> str:
    return tracker.get_slot("language") or DEFAULT_LANGUAGE


def localized_catalog(tracker: Tracker) -> LocalizedCatalog:
    return services().catalog.localized(conversation_language(tracker))


def conversation_context(tracker: Tracker, service_id: Optional[str] = None) -> ConversationContext:
    return ConversationContext(
        conversation_id=tracker.sender_id,
        channel=tracker.get_latest_input_channel() or "unknown",
        language=conversation_language(tracker),
        service_id=service_id,
    )


def send(dispatcher: CollectingDispatcher, replies: Iterable[Reply]) -> None:
    """Sends each reply through the NLG (by response name, never raw text)."""
    for reply in replies:
        dispatcher.utter_message(response=reply["response"], buttons=reply.get("buttons"), **reply.get("kwargs", {}))


def render_for_reviewers(kind: str, record_id: int, text: str, language: str) -> None:
    """Stores an English rendering of what the citizen wrote, after they have been answered."""
    found = services()
    in_background(lambda: store_english_rendering(found.translator, found.records, kind, record_id, text, language))


def response_text(tracker: Tracker, response: str) -> str:
    """A reply's curated text in the conversation's language, for use as a button title."""
    return services().responses.text(response, conversation_language(tracker))


class CitizenAction(Action, ABC):
    """Base of the assistant's actions: `act` does the work, errors become an apology."""

    @abstractmethod
    async def act(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]
    ) -> List[Dict[Text, Any]]:
        """The action's work; may raise `CitizenBotError`."""

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]
    ) -> List[Dict[Text, Any]]:
        try:
            return await self.act(dispatcher, tracker, domain)
        except CitizenBotError:
            logger.exception("%s failed in conversation %s", self.name(), tracker.sender_id)
            dispatcher.utter_message(response="utter_error")
            return []
