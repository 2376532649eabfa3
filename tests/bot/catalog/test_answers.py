"""Answers built from the catalog carry the facts a citizen asked for."""

from __future__ import annotations

import pytest

from bot.catalog import SERVICE_IDS, TOPICS
from bot.catalog.answers import answer_topic, more_about, service_buttons, service_overview


@pytest.fixture
def english(catalog):
    return catalog.localized("en")


def test_fee_answer_states_the_amount_with_its_currency(english):
    replies = answer_topic(english, "passport", "fees")
    assert replies[0]["response"] == "utter_answer_fees"
    assert replies[0]["kwargs"]["fee"] == "60.00 US dollars"


def test_free_service_says_there_is_no_fee(english):
    assert english.facts.services["tax_return"].fee.amount == 0
    assert answer_topic(english, "tax_return", "fees")[0]["response"] == "utter_answer_fees_free"


def test_fee_note_follows_the_fee(english):
    replies = answer_topic(english, "passport", "fees")
    assert replies[1] == {
        "response": "utter_catalog_note",
        "kwargs": {"note": english.texts.services["passport"].fee_note},
    }


def test_processing_time_gives_the_range_in_days(english):
    reply = answer_topic(english, "passport", "processing_time")[0]
    assert reply["response"] == "utter_answer_processing_time_range"
    assert (reply["kwargs"]["min_days"], reply["kwargs"]["max_days"]) == ("10", "15")


def test_documents_are_listed_one_per_line(english):
    reply = answer_topic(english, "passport", "documents")[0]
    lines = reply["kwargs"]["documents"].splitlines()
    assert lines == [f"• {doc}" for doc in english.texts.services["passport"].documents]


def test_office_answer_has_address_hours_and_phone_of_each_office(english):
    replies = answer_topic(english, "passport", "office")
    assert [r["kwargs"]["office_name"] for r in replies] == ["Central Passport Office", "Northport Passport Office"]
    first = replies[0]["kwargs"]
    assert first["phone"] == "+1 555 0110"
    assert first["hours"].startswith("Mon–Fri 8:00")
    assert "Sat" in first["hours"]


def test_how_to_apply_links_the_online_service_when_there_is_one(english):
    responses = [r["response"] for r in answer_topic(english, "passport", "how_to_apply")]
    assert responses == ["utter_answer_how_to_apply", "utter_answer_apply_link"]
    assert english.facts.services["death_certificate"].online_url is None
    assert [r["response"] for r in answer_topic(english, "death_certificate", "how_to_apply")] == [
        "utter_answer_how_to_apply"
    ]


@pytest.mark.parametrize("service_id", SERVICE_IDS)
@pytest.mark.parametrize("topic", sorted(set(TOPICS.values())))
def test_every_topic_of_every_service_has_an_answer_with_no_empty_value(english, service_id, topic):
    replies = answer_topic(english, service_id, topic)
    assert replies
    for reply in replies:
        assert reply["response"].startswith("utter_")
        assert all(value not in (None, "") for key, value in reply["kwargs"].items() if key != "email")


def test_unknown_topic_is_a_programming_error(english):
    with pytest.raises(ValueError):
        answer_topic(english, "passport", "weather")


def test_overview_and_follow_up_name_the_service(english):
    assert (
        service_overview(english, "national_id")[0]["kwargs"]["service_title"]
        == english.texts.services["national_id"].title
    )
    assert more_about(english, "national_id")["kwargs"]["service"] == "national_id"


def test_service_buttons_cover_every_service_with_an_inform_payload(english):
    buttons = service_buttons(english)
    assert [b["payload"] for b in buttons] == [f'/inform{{"service":"{s}"}}' for s in english.facts.services]
    assert buttons[0]["title"] == english.texts.services[next(iter(english.facts.services))].title
