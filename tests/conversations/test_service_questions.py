"""A citizen asks about services and gets answers from the catalog, with follow-ups."""

from __future__ import annotations

import pytest

from bot.catalog import SERVICE_IDS
from tests.conversations.conftest import Citizen


async def test_parse_result_carries_language_and_confidence(agent):
    parsed = await agent.parse_message("how much is a passport?")
    assert parsed["intent"]["name"] == "ask_fees"
    assert parsed["language"] == "en"
    assert 0.0 <= parsed["language_confidence"] <= 1.0
    assert [(e["entity"], e["value"]) for e in parsed["entities"]] == [("service", "passport")]


@pytest.mark.parametrize(
    "text, reference",
    [
        ("status of PSP-204811", "PSP-204811"),
        ("status of psp-204811", "PSP-204811"),
        ("status of psp204811", "PSP-204811"),
    ],
)
async def test_reference_numbers_are_found_in_any_case_with_or_without_dash(agent, text, reference):
    parsed = await agent.parse_message(text)
    assert [(e["entity"], e["value"]) for e in parsed["entities"]] == [("reference_number", reference)]


async def test_greeting_introduces_the_assistant(citizen: Citizen):
    [reply] = await citizen.say("hello")
    assert "citizen services assistant" in reply["text"]
    assert {b["payload"] for b in reply["buttons"]} >= {"/check_application_status", "/request_human"}


async def test_fee_question_then_follow_ups_remember_the_service(citizen: Citizen):
    texts = await citizen.texts("how much does a passport cost?")
    assert texts[0] == "Passport: the fee is 60.00 US dollars."
    assert "What else would you like to know about Passport?" in texts
    texts = await citizen.texts("and how long does it take?")
    assert texts[0] == "Passport: it usually takes 10 to 15 working days."
    texts = await citizen.texts("where is the office?")
    assert texts[0].startswith("Central Passport Office\n")
    assert "Opening hours: Mon–Fri" in texts[0]


@pytest.mark.parametrize("service_id", SERVICE_IDS)
async def test_every_service_answers_what_documents_it_needs(agent, catalog, service_id):
    citizen = Citizen(agent)
    texts = catalog.texts["en"].services[service_id]
    replies = await citizen.texts(f"what documents do I need for {texts.name}?")
    assert replies[0].startswith(f"{texts.title}: the documents you need")
    assert f"• {texts.documents[0]}" in replies[0]


async def test_question_without_a_service_asks_which_one_then_answers(citizen: Citizen, catalog):
    [question] = await citizen.say("how much does it cost?")
    assert question["text"] == "Which service is this about?"
    assert len(question["buttons"]) == len(catalog.facts.services)
    tax_button = next(b for b in question["buttons"] if b["title"] == catalog.texts["en"].services["tax_return"].title)
    texts = await citizen.texts(tax_button["payload"])
    assert texts[0] == "Tax Return: there is no fee for this service."


async def test_unknown_service_is_explained_and_the_question_repeated(citizen: Citizen):
    await citizen.say("how long does it take?")
    texts = await citizen.texts("fishing licence")
    assert texts == [
        "Sorry, I don't have information about that service. Please choose one of the services below.",
        "Which service is this about?",
    ]
    texts = await citizen.texts("driving licence")
    assert texts[0].startswith("Driving Licence: it usually takes")


async def test_topic_buttons_answer_another_question_about_the_service(citizen: Citizen):
    replies = await citizen.say("who can apply for a police clearance certificate?")
    buttons = replies[-1]["buttons"]
    fees = next(b for b in buttons if b["title"] == "Fees")
    assert fees["payload"] == '/ask_fees{"service":"police_clearance"}'
    texts = await citizen.texts(fees["payload"])
    assert texts[0].startswith("Police Clearance: the fee is 20.00 US dollars")
