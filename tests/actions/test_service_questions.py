from actions.service_questions import ActionAnswerServiceQuestion, ActionAskService, ValidateServiceQuestionForm
from tests.actions.conftest import make_tracker, responses, user_message


async def test_answers_the_pending_topic_about_the_remembered_service(dispatcher, domain):
    tracker = make_tracker(
        user_message("and how much is it?", "ask_fees"), slots={"service": "passport", "topic": "fees"}
    )
    await ActionAnswerServiceQuestion().run(dispatcher, tracker, domain)
    assert responses(dispatcher) == ["utter_answer_fees", "utter_catalog_note", "utter_more_about_service"]
    assert dispatcher.messages[0]["fee"] == "60.00 US dollars"
    assert dispatcher.messages[-1]["service"] == "passport"


async def test_naming_a_service_without_a_question_gives_its_overview(dispatcher, domain):
    tracker = make_tracker(
        user_message("police clearance", "inform", [{"service": "police_clearance"}]),
        slots={"service": "police_clearance"},
    )
    await ActionAnswerServiceQuestion().run(dispatcher, tracker, domain)
    assert responses(dispatcher) == ["utter_service_overview", "utter_more_about_service"]


async def test_without_a_known_service_it_asks_which_one_with_a_button_each(dispatcher, domain, catalog):
    tracker = make_tracker(user_message("how much?", "ask_fees"), slots={"topic": "fees"})
    await ActionAnswerServiceQuestion().run(dispatcher, tracker, domain)
    assert responses(dispatcher) == ["utter_ask_service"]
    assert len(dispatcher.messages[0]["buttons"]) == len(catalog.facts.services)


async def test_form_question_for_the_service_has_a_button_per_service(dispatcher, domain):
    await ActionAskService().run(dispatcher, make_tracker(user_message("fees?", "ask_fees")), domain)
    assert {b["payload"] for b in dispatcher.messages[0]["buttons"]} >= {
        '/inform{"service":"passport"}',
        '/inform{"service":"tax_return"}',
    }


async def test_unknown_service_named_when_asked_is_explained_and_asked_again(dispatcher, domain):
    tracker = make_tracker(user_message("fishing licence", "inform"), slots={"requested_slot": "service"})
    events = await ValidateServiceQuestionForm().run(dispatcher, tracker, domain)
    assert responses(dispatcher) == ["utter_unknown_service"]
    assert {"event": "slot", "name": "service", "value": None, "timestamp": None} in events


async def test_another_request_while_asked_for_the_service_is_left_to_the_dialogue(dispatcher, domain):
    tracker = make_tracker(user_message("are you a robot?", "bot_challenge"), slots={"requested_slot": "service"})
    events = await ValidateServiceQuestionForm().run(dispatcher, tracker, domain)
    assert dispatcher.messages == []
    assert not [e for e in events if e.get("name") == "service"]
