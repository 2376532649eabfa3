"""With the action server unreachable, a citizen still gets an answer: an apology in their
language and the contact of an office to call, never silence."""

from __future__ import annotations

import pytest
from rasa.core.agent import Agent
from rasa.utils.endpoints import EndpointConfig

from bot.responses import load_response_texts
from bot.responses.templates import read_domain_responses
from bot.settings import PROJECT_ROOT
from tests.conversations.conftest import MODEL, NLG_TYPE, Citizen
from tests.fakes.processes import free_port

RESPONSES = load_response_texts(
    PROJECT_ROOT / "content" / "responses", read_domain_responses(PROJECT_ROOT / "domain.yml")
)


@pytest.fixture(scope="module")
def stranded_agent() -> Agent:
    nobody = f"http://127.0.0.1:{free_port()}/webhook"
    return Agent.load(str(MODEL), action_endpoint=EndpointConfig(url=nobody), generator=EndpointConfig(type=NLG_TYPE))


def _opening(response: str, language: str) -> str:
    return RESPONSES.text(response, language).split("{")[0][:30]


@pytest.mark.parametrize(("language", "greeting", "question"), [
    ("th", "สวัสดีค่ะ", "ทำพาสปอร์ตเสียค่าธรรมเนียมเท่าไหร่คะ"),
    ("en", "hello", "how much is a passport?"),
])  # fmt: skip
async def test_service_question_gets_an_apology_with_a_phone_number(
    stranded_agent, catalog, language, greeting, question
):
    citizen = Citizen(stranded_agent)
    greeted = await citizen.texts(greeting, metadata={"language_hint": language})
    assert greeted, "the greeting needs no action server"
    answer = await citizen.texts(question)
    apology = [text for text in answer if text.startswith(_opening("utter_actions_unavailable", language))]
    assert len(apology) == 1, answer
    office, _ = catalog.localized(language).contact_office_for("passport")  # the service asked about
    assert office.phone in apology[0]


async def test_slot_filling_failures_add_no_apology_to_small_talk(stranded_agent):
    citizen = Citizen(stranded_agent)
    replies = await citizen.texts("hello", metadata={"language_hint": "en"})
    assert not any(text.startswith(_opening("utter_actions_unavailable", "en")) for text in replies), replies
