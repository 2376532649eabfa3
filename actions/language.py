"""The conversation's language: set after every message, and switched on request."""

from __future__ import annotations

from typing import Any, Dict, List, Optional, Text

from rasa_sdk import Tracker, ValidationAction
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.common import CitizenAction
from bot.dialogue.language_policy import LanguageSignals, choose_language
from bot.languages import LANGUAGES, get_language, is_supported, normalize_language_tag


def _last_user_event(tracker: Tracker) -> Dict[str, Any]:
    return next((event for event in reversed(tracker.events) if event.get("event") == "user"), {})


def _requested_language(tracker: Tracker) -> Optional[str]:
    if (tracker.latest_message.get("intent") or {}).get("name") != "change_language":
        return None
    value = next(tracker.get_latest_entity_values("language"), None)
    return value if value and is_supported(value) else normalize_language_tag(value)


def language_signals(tracker: Tracker) -> LanguageSignals:
    """What this turn says about the language, gathered from the tracker."""
    message = tracker.latest_message
    metadata = _last_user_event(tracker).get("metadata") or {}
    return LanguageSignals(
        current=tracker.get_slot("language"),
        text=message.get("text") or "",
        detected=message.get("language"),
        confidence=float(message.get("language_confidence") or 0.0),
        requested=_requested_language(tracker),
        picker=normalize_language_tag(metadata.get("language")),
        channel_hint=normalize_language_tag(metadata.get("language_hint")),
        first_turn=sum(1 for event in tracker.events if event.get("event") == "user") <= 1,
    )


class ValidateSlotMappings(ValidationAction):
    """Runs after every citizen message (Rasa's `action_validate_slot_mappings`)."""

    async def extract_language(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Dict[Text, Any]:
        chosen = choose_language(language_signals(tracker))
        return {"language": chosen} if chosen != tracker.get_slot("language") else {}


class ActionChangeLanguage(CitizenAction):
    """Confirms the language chosen, or asks which one with a button per language."""

    def name(self) -> Text:
        return "action_change_language"

    async def act(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]
    ) -> List[Dict[Text, Any]]:
        requested = _requested_language(tracker)
        if requested:
            language = get_language(requested)
            dispatcher.utter_message(
                response="utter_language_changed",
                language=language.code,
                language_name=language.autonym,
                english_name=language.name,
            )
            return []
        buttons = [
            {"title": language.autonym, "payload": f'/change_language{{"language":"{code}"}}'}
            for code, language in LANGUAGES.items()
        ]
        dispatcher.utter_message(response="utter_ask_language", buttons=buttons)
        return []
