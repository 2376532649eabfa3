from actions.language import ActionChangeLanguage
from tests.actions.conftest import make_tracker, responses, user_message


def _message(text, intent="ask_fees", language="en", confidence=0.9, entities=()):
    return {**user_message(text, intent, entities), "language": language, "language_confidence": confidence}


async def test_change_language_request_confirms_in_the_language_asked(dispatcher, domain):
    tracker = make_tracker(
        _message("please reply in Thai", "change_language", entities=[{"language": "th"}]), slots={"language": "en"}
    )
    await ActionChangeLanguage().run(dispatcher, tracker, domain)
    assert responses(dispatcher) == ["utter_language_changed"]
    assert dispatcher.messages[0]["language_name"] == "ไทย"


async def test_change_language_without_a_language_offers_every_autonym(dispatcher, domain):
    await ActionChangeLanguage().run(
        dispatcher, make_tracker(_message("another language please", "change_language")), domain
    )
    buttons = dispatcher.messages[0]["buttons"]
    assert len(buttons) == 22
    assert {"title": "اردو", "payload": '/change_language{"language":"ur"}'} in buttons
