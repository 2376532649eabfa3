"""Fixes for measured defects of Rasa 3.6.21, applied when a model loads.

`RemoteAction._validate_action_result` calls `jsonschema.validate` on every custom action
response; that re-checks Rasa's own schema against the JSON Schema meta-schema each time,
about 50 ms per action call on this machine, over 80 % of a reply's time (profiled with
cProfile on `benchmarks/rest_latency.py`'s workload). The fix checks the schema once and
reuses the validator, with the same errors and the same message for a bad response.
"""

from __future__ import annotations

from typing import Any, Dict, Text

from jsonschema import ValidationError
from jsonschema.exceptions import best_match
from jsonschema.validators import validator_for
from rasa.core.actions.action import RemoteAction
from rasa.shared.constants import DOCS_BASE_URL

_MARKER = "_citizen_bot_fixed"


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


__all__ = ["ValidationError", "install_cached_action_validation"]
