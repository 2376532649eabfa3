"""A citizen checks an application by its reference number."""

from __future__ import annotations

from tests.conversations.conftest import Citizen


async def test_reference_in_the_question_is_answered_at_once(citizen: Citizen):
    texts = await citizen.texts("what is the status of application PSP-204811?")
    assert texts[0].startswith("Application PSP-204811 (Passport) is being reviewed")


async def test_missing_reference_is_asked_for_and_a_malformed_one_explained(citizen: Citizen):
    texts = await citizen.texts("has my application been approved?")
    assert texts == [
        "What is your application reference number? You'll find it on your receipt. It looks like PSP-204811."
    ]
    texts = await citizen.texts("1234")
    assert texts[0].startswith('"1234" doesn\'t look like a reference number.')
    assert "for example PSP-204811" in texts[0]
    texts = await citizen.texts("dlc550120")
    assert texts[0].startswith("Good news: application DLC-550120 (Driving Licence) was approved")


async def test_ready_for_collection_says_where_to_collect(citizen: Citizen):
    texts = await citizen.texts("BRC-330917")
    assert "is ready for collection" in texts[0]
    assert "Central Civil Registry" in texts[0]


async def test_a_number_sent_alone_is_looked_up_whatever_its_digits(citizen: Citizen):
    texts = await citizen.texts("BRC-118302")
    assert texts[0].startswith("I couldn't find an application with the reference BRC-118302.")


async def test_rejected_application_gives_the_reason_and_an_officer_button(citizen: Citizen):
    [reply] = await citizen.say("check status of BUS-781200 please")
    assert "Reason: The proposed business name is already registered." in reply["text"]
    assert reply["buttons"] == [{"title": "Talk to an officer", "payload": "/request_human"}]


async def test_unknown_reference_is_not_found(citizen: Citizen):
    texts = await citizen.texts("status of XYZ-999999")
    assert texts[0].startswith("I couldn't find an application with the reference XYZ-999999.")


async def test_html_in_a_wrong_reference_is_not_repeated_back(citizen: Citizen):
    await citizen.say("check my application status")
    texts = await citizen.texts("<b>PSP-2048</b>")
    assert texts[0].startswith('"PSP-2048" doesn\'t look like a reference number.')
