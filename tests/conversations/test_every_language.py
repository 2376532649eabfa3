"""A conversation in every contract language: greeting, a service question, a rating.

Phrases come from each language's training data (the first greeting, the first fee
question that names a service, the first feedback request), so every language added
to data/nlu/ is exercised here without editing this file.
"""

from __future__ import annotations

from typing import Dict, List

import pytest
from rasa.shared.nlu.training_data.loading import load_data

from bot.languages import LANGUAGES
from bot.settings import PROJECT_ROOT
from bot.storage.database import feedback
from tests.conversations.conftest import Citizen


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
    assert greeting and greeting[0].startswith("Hello!")

    title = catalog.texts["en"].services[phrases["service"]].title
    answer = await citizen.texts(phrases["fee"])
    assert answer[0].startswith(f"{title}:"), (phrases["fee"], answer)

    replies = await citizen.texts(phrases["feedback"])
    for _ in range(4):
        last = replies[-1]
        if "Which service is your feedback about?" in last:
            replies = await citizen.texts("/deny")
        elif "How would you rate it" in last:
            replies = await citizen.texts("4")
        elif "add a comment" in last:
            replies = await citizen.texts("/deny")
        else:
            break
    [row] = records.rows(feedback, conversation_id=citizen.sender_id)
    assert (row["rating"], row["language"], row["channel"]) == (4, code, "socketio")
