"""Switching the conversation's language on request.

The language slot itself is set after every message inside Rasa (`bot.rasa_language_slot`).
"""

from __future__ import annotations

from typing import Any, Dict, List, Text

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.common import CitizenAction
from bot.dialogue.language_policy import requested_language
from bot.languages import LANGUAGES, get_language


class ActionChangeLanguage(CitizenAction):
    """Confirms the language chosen, or asks which one with a button per language."""

    def name(self) -> Text:
        return "action_change_language"

    async def act(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]
    ) -> List[Dict[Text, Any]]:
        requested = requested_language(tracker.latest_message)
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
