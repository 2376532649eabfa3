from actions.language import ActionChangeLanguage, ValidateSlotMappings
from tests.actions.conftest import make_tracker, responses, user_message


def _language_events(events):
    return [e["value"] for e in events if e.get("event") == "slot" and e.get("name") == "language"]


def _message(text, intent="ask_fees", language="en", confidence=0.9, entities=()):
    return {**user_message(text, intent, entities), "language": language, "language_confidence": confidence}


async def test_change_language_request_switches_and_confirms(dispatcher, domain):
    tracker = make_tracker(
        _message("please reply in Thai", "change_language", entities=[{"language": "th"}]), slots={"language": "en"}
    )
    assert _language_events(await ValidateSlotMappings().run(dispatcher, tracker, domain)) == ["th"]
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


async def test_first_turn_takes_the_channel_hint(dispatcher, domain):
    tracker = make_tracker(_message("hello", "greet", confidence=0.3), slots={"language": None})
    tracker.events[-1]["metadata"] = {"language_hint": "vi-VN"}
    assert _language_events(await ValidateSlotMappings().run(dispatcher, tracker, domain)) == ["vi"]


async def test_a_bare_reference_number_keeps_the_language(dispatcher, domain):
    tracker = make_tracker(_message("PSP-204811", "inform", language="en", confidence=0.0), slots={"language": "km"})
    assert _language_events(await ValidateSlotMappings().run(dispatcher, tracker, domain)) == []


async def test_a_long_message_in_another_language_switches(dispatcher, domain):
    text = "Berapa lama proses pembuatan paspor baru di kantor imigrasi?"
    tracker = make_tracker(_message(text, language="id", confidence=0.95), slots={"language": "en"})
    assert _language_events(await ValidateSlotMappings().run(dispatcher, tracker, domain)) == ["id"]
