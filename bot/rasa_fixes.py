"""Fixes for measured defects of Rasa 3.6.21, applied when a model loads.

`RemoteAction._validate_action_result` calls `jsonschema.validate` on every custom action
response; that re-checks Rasa's own schema against the JSON Schema meta-schema each time,
about 50 ms per action call on this machine, over 80 % of a reply's time (profiled with
cProfile on `benchmarks/rest_latency.py`'s workload). The fix checks the schema once and
reuses the validator, with the same errors and the same message for a bad response.

When the action server is down, slow beyond Rasa's timeout or answers 500, Rasa 3.6 logs
the error and says nothing: the citizen waits for a reply that never comes. The second
fix answers instead with `utter_actions_unavailable` in the conversation's language: an
apology, "try again in a few minutes", and the contact of the office in charge.
"""

from __future__ import annotations

import asyncio
import logging
from contextvars import ContextVar
from functools import lru_cache
from typing import Any, Dict, List, Text

from jsonschema import ValidationError
from jsonschema.exceptions import best_match
from jsonschema.validators import validator_for
from rasa.core.actions.action import (
    ActionExecutionRejection,
    ActionExtractSlots,
    RemoteAction,
    create_bot_utterance,
)
from rasa.shared.constants import DOCS_BASE_URL
from rasa.shared.core.events import BotUttered, Event, UserUttered
from rasa.shared.exceptions import RasaException

from bot.catalog import Catalog, load_catalog
from bot.dialogue.status_replies import contact_kwargs
from bot.languages import LANGUAGES
from bot.languages.registry import DEFAULT_LANGUAGE
from bot.settings import load_settings

logger = logging.getLogger(__name__)

_MARKER = "_citizen_bot_fixed"
_APOLOGY_MARKER = "_citizen_bot_apologizes"
UNAVAILABLE_RESPONSE = "utter_actions_unavailable"
#: True while Rasa fills slots before predicting: it handles failures there itself (a warning).
_extracting_slots: ContextVar[bool] = ContextVar("extracting_slots", default=False)


def install_cached_action_validation() -> None:
    """Replaces the per-call schema check of custom action responses; idempotent."""
    if getattr(RemoteAction, _MARKER, False):
        return
    schema = RemoteAction.action_response_format_spec()
    validator_class = validator_for(schema)
    validator_class.check_schema(schema)
    validator = validator_class(schema)

    def _validate_action_result(self: RemoteAction, result: Dict[Text, Any]) -> bool:
        error = best_match(validator.iter_errors(result))
        if error is None:
            return True
        error.message += (
            ". Failed to validate Action server response from API, make sure your response "
            f"from the Action endpoint is valid. For more information about the format visit "
            f"{DOCS_BASE_URL}/custom-actions"
        )
        raise error

    RemoteAction._validate_action_result = _validate_action_result  # type: ignore[method-assign]
    setattr(RemoteAction, _MARKER, True)


@lru_cache(maxsize=1)
def _catalog() -> Catalog:
    return load_catalog(load_settings().catalog_dir)


def _reply_language(tracker: Any) -> str:
    """The conversation's language; when the policy (an action) could not set it, the
    channel's hint or the language identified in the message."""
    latest = tracker.latest_message
    candidates = (
        tracker.get_slot("language"),
        (latest.metadata or {}).get("language_hint") if latest else None,
        latest.parse_data.get("language") if latest else None,
    )
    return next((code for code in candidates if code in LANGUAGES), DEFAULT_LANGUAGE)


def _already_said(tracker: Any, text: Any) -> bool:
    """Whether `text` was said since the citizen's last message."""
    for event in reversed(tracker.events):
        if isinstance(event, UserUttered):
            return False
        if isinstance(event, BotUttered) and event.text == text:
            return True
    return False


def install_action_server_apology() -> None:
    """Makes a failing custom action answer with an apology and a contact; idempotent."""
    if getattr(RemoteAction, _APOLOGY_MARKER, False):
        return
    original_run = RemoteAction.run
    original_extract = ActionExtractSlots.run

    async def extract(self: ActionExtractSlots, *args: Any, **kwargs: Any) -> List[Event]:
        token = _extracting_slots.set(True)
        try:
            return await original_extract(self, *args, **kwargs)
        finally:
            _extracting_slots.reset(token)

    async def run(self: RemoteAction, output_channel: Any, nlg: Any, tracker: Any, domain: Any) -> List[Event]:
        try:
            return await original_run(self, output_channel, nlg, tracker, domain)
        except ActionExecutionRejection:
            raise
        except (RasaException, asyncio.TimeoutError) as error:
            if _extracting_slots.get():
                raise
            logger.error("Custom action %s failed (%s); the citizen gets an apology", self.name(), error)
            language = _reply_language(tracker)
            contact = contact_kwargs(_catalog().localized(language), tracker.get_slot("service"))
            reply = await nlg.generate(
                UNAVAILABLE_RESPONSE, tracker, output_channel.name(), language=language, **contact
            )
            if not reply or _already_said(tracker, reply.get("text")):
                return []  # a form's validation and its action both failing: one apology
            return [create_bot_utterance(reply)]

    RemoteAction.run = run  # type: ignore[method-assign]
    ActionExtractSlots.run = extract  # type: ignore[method-assign]
    setattr(RemoteAction, _APOLOGY_MARKER, True)


__all__ = ["ValidationError", "install_action_server_apology", "install_cached_action_validation"]
