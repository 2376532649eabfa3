"""The conversation's language set inside Rasa, after every citizen message.

The policy (`bot.dialogue.language_policy`) used to run as `action_validate_slot_mappings`
on the action server: an HTTP call carrying the whole tracker after every message of every
conversation, the largest per-message cost left in `benchmarks/scale_out.py`. It needs
only the latest parse, the channel's metadata and the slot, all in Rasa's own tracker, so
it now runs where Rasa extracts slots. The action server being down no longer stops the
conversation's language from following the citizen.
"""

from __future__ import annotations

from typing import Any, List

from rasa.core.actions.action import ActionExtractSlots
from rasa.shared.core.events import Event, SlotSet, UserUttered

from bot.dialogue.language_policy import choose_language, signals_for_message

LANGUAGE_SLOT = "language"
_MARKER = "_citizen_bot_sets_language"


def language_after_message(tracker: Any) -> str:
    """The language the conversation continues in after the tracker's latest message."""
    latest = tracker.latest_message
    user_turns = sum(1 for event in tracker.events if isinstance(event, UserUttered))
    signals = signals_for_message(
        tracker.get_slot(LANGUAGE_SLOT),
        latest.parse_data if latest else {},
        (latest.metadata if latest else None) or {},
        user_turns,
    )
    return choose_language(signals)


def install_language_slot_policy() -> None:
    """Makes Rasa's slot extraction also set the `language` slot; idempotent."""
    if getattr(ActionExtractSlots, _MARKER, False):
        return
    original_run = ActionExtractSlots.run

    async def run(self: ActionExtractSlots, output_channel: Any, nlg: Any, tracker: Any, domain: Any) -> List[Event]:
        events = await original_run(self, output_channel, nlg, tracker, domain)
        if LANGUAGE_SLOT not in {slot.name for slot in domain.slots}:
            return events
        if any(isinstance(event, SlotSet) and event.key == LANGUAGE_SLOT for event in events):
            return events
        chosen = language_after_message(tracker)
        if chosen != tracker.get_slot(LANGUAGE_SLOT):
            events = [*events, SlotSet(LANGUAGE_SLOT, chosen)]
        return events

    ActionExtractSlots.run = run  # type: ignore[method-assign]
    setattr(ActionExtractSlots, _MARKER, True)
