"""The cached validation of action responses accepts and rejects exactly as Rasa's does."""

import jsonschema
import pytest
from rasa.core.actions.action import RemoteAction

from bot.rasa_fixes import install_cached_action_validation

GOOD = {
    "events": [{"event": "slot", "name": "service", "value": "passport"}],
    "responses": [{"response": "utter_greet"}],
}
BAD = [
    {"events": "not a list"},
    {"events": [{"event": "slot"}]},
    {"responses": "nope"},
    {"events": [{"event": "no_such_event"}]},
]


@pytest.fixture(scope="module")
def action() -> RemoteAction:
    install_cached_action_validation()
    install_cached_action_validation()  # idempotent
    return RemoteAction("action_x", None)


def test_valid_response_passes(action):
    assert action._validate_action_result(GOOD) is True


@pytest.mark.parametrize("result", BAD)
def test_invalid_response_is_rejected_like_rasa_does(action, result):
    with pytest.raises(jsonschema.ValidationError) as ours:
        action._validate_action_result(result)
    with pytest.raises(jsonschema.ValidationError) as stock:
        jsonschema.validate(result, RemoteAction.action_response_format_spec())
    assert ours.value.message.startswith(stock.value.message)
    assert "Failed to validate Action server response" in ours.value.message
