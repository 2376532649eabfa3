import asyncio
import dataclasses

import actions.common
from actions.fallback import ActionDefaultAskAffirmation, ActionDefaultFallback, ActionOutOfScope
from bot.storage.database import english_renderings, fallback_events
from bot.translation import for_reviewers
from tests.actions.conftest import make_tracker, responses, user_message
from tests.fakes.translation import echo_service

RANKING = [
    {"name": "nlu_fallback", "confidence": 0.45},
    {"name": "ask_fees", "confidence": 0.31},
    {"name": "deny", "confidence": 0.2},
    {"name": "ask_processing_time", "confidence": 0.28},
    {"name": "ask_office", "confidence": 0.1},
]


def _unclear(text="how much for the thing at the place"):
    return user_message(text, "nlu_fallback", [{"service": "passport"}], confidence=0.45, ranking=RANKING)


async def test_unclear_message_offers_the_two_likeliest_intents_and_something_else(dispatcher, domain, action_services):
    await ActionDefaultAskAffirmation().run(dispatcher, make_tracker(_unclear()), domain)
    assert responses(dispatcher) == ["utter_did_you_mean"]
    assert dispatcher.messages[0]["buttons"] == [
        {"title": "Fees", "payload": '/ask_fees{"service":"passport"}'},
        {"title": "Processing time", "payload": '/ask_processing_time{"service":"passport"}'},
        {"title": "Something else", "payload": "/out_of_scope"},
    ]
    [row] = action_services.records.rows(fallback_events)
    assert (row["stage"], row["text"]) == ("clarify", "how much for the thing at the place")
    assert [i["name"] for i in row["top_intents"]] == ["ask_fees", "ask_processing_time", "ask_office"]


async def test_giving_up_logs_the_original_question_and_offers_an_officer(dispatcher, domain, action_services):
    first = _unclear()
    history = [{"event": "user", "text": first["text"], "parse_data": first}, {"event": "bot", "text": "Did you mean"}]
    tracker = make_tracker(_unclear("no neither"), history=history)
    events = await ActionDefaultFallback().run(dispatcher, tracker, domain)
    assert responses(dispatcher) == ["utter_default"]
    assert events == [{"event": "rewind", "timestamp": None}]
    rows = action_services.records.rows(fallback_events)
    assert [(r["stage"], r["text"]) for r in rows] == [("gave_up", "no neither")]


async def test_message_without_words_asks_for_text_and_is_not_a_gap(dispatcher, domain, action_services):
    await ActionDefaultAskAffirmation().run(dispatcher, make_tracker(_unclear("😀😀 !!")), domain)
    assert responses(dispatcher) == ["utter_no_text"]
    assert action_services.records.rows(fallback_events) == []


async def test_out_of_scope_is_answered_and_logged_as_a_gap(dispatcher, domain, action_services):
    await ActionOutOfScope().run(
        dispatcher, make_tracker(user_message("what's the weather tomorrow?", "out_of_scope")), domain
    )
    assert responses(dispatcher) == ["utter_out_of_scope"]
    assert action_services.records.rows(fallback_events)[0]["stage"] == "out_of_scope"


async def test_button_titles_follow_the_conversations_language(dispatcher, domain, action_services):
    tracker = make_tracker(_unclear(), slots={"language": "vi"})
    await ActionDefaultAskAffirmation().run(dispatcher, tracker, domain)
    titles = [button["title"] for button in dispatcher.messages[0]["buttons"]]
    texts = action_services.responses
    assert titles == [
        texts.text("utter_intent_title_ask_fees", "vi"),
        texts.text("utter_intent_title_ask_processing_time", "vi"),
        texts.text("utter_something_else", "vi"),
    ]
    assert titles[0] != "Fees"


async def test_an_unanswered_question_gets_an_english_rendering_for_reviewers(
    monkeypatch, services, dispatcher, domain
):
    with_translator = dataclasses.replace(services, translator=echo_service())
    monkeypatch.setattr(actions.common, "get_services", lambda: with_translator)
    tracker = make_tracker(_unclear("berapa untuk benda itu di tempat itu"), slots={"language": "id"})
    await ActionDefaultAskAffirmation().run(dispatcher, tracker, domain)
    await asyncio.gather(*list(for_reviewers._PENDING))
    [gap] = services.records.rows(fallback_events)
    [rendering] = services.records.rows(english_renderings)
    assert (rendering["record_kind"], rendering["record_id"], rendering["text"]) == (
        "gap",
        gap["id"],
        "en: berapa untuk benda itu di tempat itu",
    )
