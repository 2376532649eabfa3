"""Rasa's side of reply rendering: `nlg: type: bot.nlg.rasa_generator.CitizenNaturalLanguageGenerator`.

A subclass of Rasa's templated generator (the agent only refreshes responses for that
class): Rasa still picks the domain response and fills the button payloads; the text and
button titles come from `ReplyRenderer` in the conversation's language. An action may pass
`language=` (for example right after switching it); otherwise the `language` slot decides.
"""

from __future__ import annotations

import copy
from typing import Any, Dict, Optional, Text

from rasa.core.nlg.response import TemplatedNaturalLanguageGenerator
from rasa.shared.core.domain import Domain
from rasa.shared.core.trackers import DialogueStateTracker

from bot.languages.registry import DEFAULT_LANGUAGE
from bot.nlg.factory import build_reply_renderer
from bot.nlg.renderer import ReplyRenderer
from bot.settings import load_settings


class CitizenNaturalLanguageGenerator(TemplatedNaturalLanguageGenerator):
    """Renders every response in the conversation's language."""

    def __init__(self, endpoint_config: Any = None, domain: Optional[Domain] = None, **_: Any) -> None:
        super().__init__(domain.responses if domain else {})
        self._renderer: Optional[ReplyRenderer] = None

    def _reply_renderer(self) -> ReplyRenderer:
        if self._renderer is None:
            self._renderer = build_reply_renderer(load_settings(), self.responses)
        return self._renderer

    async def generate(
        self, utter_action: Text, tracker: DialogueStateTracker, output_channel: Text, **kwargs: Any
    ) -> Optional[Dict[Text, Any]]:
        language = kwargs.pop("language", None) or tracker.get_slot("language") or DEFAULT_LANGUAGE
        slots = tracker.current_slot_values()
        response = self._random_response_for(utter_action, output_channel, slots)
        if response is None:
            return None
        rendered = await self._reply_renderer().render(utter_action, language, {**slots, **kwargs})
        draft = copy.deepcopy(response)
        if rendered is None:
            return self._fill_response(draft, slots, **kwargs)
        draft.pop("text", None)
        draft = self._fill_response(draft, slots, **kwargs)
        draft["text"] = rendered.text
        for button, title in zip(draft.get("buttons") or [], rendered.button_titles, strict=True):
            button["title"] = title
        draft.update(
            language=rendered.language,
            text_direction=rendered.direction,
            machine_translated=rendered.machine_translated,
            translation_provider=rendered.provider,
        )
        return draft
