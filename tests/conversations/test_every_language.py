"""A conversation in every contract language: greeting, a service question, a rating.

Phrases come from each language's training data (the first greeting, the first fee
question that names a service, the first feedback request), so every language added
to data/nlu/ is exercised here without editing this file. Every reply must come back in
the citizen's language (judged by the language identifier), with the fee formatted for
the language's locale.
"""

from __future__ import annotations

from typing import Dict, List

import pytest
from rasa.shared.nlu.training_data.loading import load_data

from bot import formatting
from bot.langid.text_check import language_problem
from bot.languages import LANGUAGES
from bot.nlg.bidi import FSI, PDI, RLM
from bot.responses import load_response_texts
from bot.responses.templates import read_domain_responses
from bot.settings import PROJECT_ROOT
from bot.storage.database import feedback
from tests.conversations.conftest import Citizen

RESPONSES = load_response_texts(
    PROJECT_ROOT / "content" / "responses", read_domain_responses(PROJECT_ROOT / "domain.yml")
)


def _plain(text: str) -> str:
    """The text without the bidirectional marks right-to-left replies carry."""
    return text.translate({ord(mark): None for mark in (FSI, PDI, RLM)})


def _is(reply: str, response: str, code: str) -> bool:
    return _plain(reply) == RESPONSES.text(response, code)


def _phrases(code: str) -> Dict[str, object]:
    folder = PROJECT_ROOT / "data" / "nlu" / code
    examples = [
        message
        for path in sorted(folder.glob("*.yml"))
        if path.stem not in ("latn", "mixed")
        for message in load_data(str(path)).intent_examples
    ]
    by_intent: Dict[str, List] = {}
    for message in examples:
        by_intent.setdefault(message.get("intent"), []).append(message)
    fee = next(m for m in by_intent["ask_fees"] if any(e["entity"] == "service" for e in m.get("entities", [])))
    plain_feedback = next(m for m in by_intent["give_feedback"] if not m.get("entities"))
    return {
        "greet": by_intent["greet"][0].get("text"),
        "fee": fee.get("text"),
        "service": next(e["value"] for e in fee.get("entities") if e["entity"] == "service"),
        "feedback": plain_feedback.get("text"),
    }


@pytest.mark.parametrize("code", sorted(LANGUAGES))
async def test_greeting_service_question_and_rating(agent, records, catalog, code):
    phrases = _phrases(code)
    citizen = Citizen(agent, channel="socketio")
    greeting = await citizen.texts(phrases["greet"], metadata={"language_hint": code})
    assert greeting and _is(greeting[0], "utter_greet", code), greeting
    assert language_problem(greeting[0], code) is None

    service_id = phrases["service"]
    title = catalog.texts[code].services[service_id].title
    facts = catalog.facts.services[service_id]
    answer = [_plain(text) for text in await citizen.texts(phrases["fee"])]
    assert title in answer[0], (phrases["fee"], answer)
    if facts.fee.amount:
        assert formatting.money(facts.fee.amount, facts.fee.currency, code) in answer[0], answer
    assert all(language_problem(text, code) is None for text in answer), answer
    tracker = await citizen.tracker()
    spoken = [event for event in tracker.events if event.type_name == "bot"]
    assert {event.metadata.get("language") for event in spoken} == {code}
    assert not any(event.metadata.get("machine_translated") for event in spoken)
    direction = LANGUAGES[code].direction.value
    assert {event.metadata.get("text_direction") for event in spoken} == {direction}

    replies = await citizen.texts(phrases["feedback"])
    for _ in range(4):
        last = replies[-1]
        if _is(last, "utter_ask_feedback_service", code):
            replies = await citizen.texts("/deny")
        elif _is(last, "utter_ask_rating", code):
            replies = await citizen.texts("4")
        elif _is(last, "utter_ask_feedback_comment", code):
            replies = await citizen.texts("/deny")
        else:
            break
    assert any(
        _plain(reply).startswith(RESPONSES.text("utter_feedback_thanks", code).split("{")[0]) for reply in replies
    )
    [row] = records.rows(feedback, conversation_id=citizen.sender_id)
    assert (row["rating"], row["language"], row["channel"]) == (4, code, "socketio")
