import dataclasses
from typing import Optional

import pytest

import actions.common
from actions.applications import ActionCheckApplicationStatus, ValidateApplicationStatusForm
from bot.applications import Application
from bot.exceptions import StatusServiceUnavailable
from tests.actions.conftest import make_tracker, responses, user_message
from tests.fakes.translation import echo_service


def _slot_events(events, name):
    return [e["value"] for e in events if e.get("event") == "slot" and e.get("name") == name]


@pytest.mark.parametrize("typed", ["psp204811", "PSP 204811", "it's Psp-204811"])
async def test_reference_typed_any_way_is_normalized(dispatcher, domain, typed):
    tracker = make_tracker(user_message(typed, "inform"), slots={"requested_slot": "reference_number"})
    events = await ValidateApplicationStatusForm().run(dispatcher, tracker, domain)
    assert _slot_events(events, "reference_number")[-1] == "PSP-204811"
    assert dispatcher.messages == []


async def test_malformed_reference_is_rejected_with_an_example(dispatcher, domain):
    tracker = make_tracker(user_message("PSP-2048", "inform"), slots={"requested_slot": "reference_number"})
    events = await ValidateApplicationStatusForm().run(dispatcher, tracker, domain)
    assert responses(dispatcher) == ["utter_reference_malformed"]
    assert dispatcher.messages[0]["attempt"] == "PSP-2048"
    assert dispatcher.messages[0]["example"] == "PSP-204811"
    assert _slot_events(events, "reference_number") == [None]


@pytest.mark.parametrize(
    "reference, response",
    [
        ("NID-100234", "utter_status_received"),
        ("PSP-204811", "utter_status_in_review"),
        ("DLC-550120", "utter_status_approved"),
        ("BRC-330917", "utter_status_ready_for_collection"),
        ("BUS-781200", "utter_status_rejected"),
    ],
)
async def test_each_status_has_its_own_answer(dispatcher, domain, reference, response):
    tracker = make_tracker(user_message(reference, "inform"), slots={"reference_number": reference})
    events = await ActionCheckApplicationStatus().run(dispatcher, tracker, domain)
    assert responses(dispatcher) == [response]
    message = dispatcher.messages[0]
    assert message["reference"] == reference
    if response == "utter_status_rejected":
        assert "already registered" in message["reason"]
    if response == "utter_status_ready_for_collection":
        assert message["office_name"] == "Central Civil Registry" and message["hours"]
    assert _slot_events(events, "reference_number") == [None]


async def test_unknown_reference_is_reported_not_found(dispatcher, domain):
    tracker = make_tracker(user_message("XYZ-999999", "inform"), slots={"reference_number": "XYZ-999999"})
    await ActionCheckApplicationStatus().run(dispatcher, tracker, domain)
    assert responses(dispatcher) == ["utter_application_not_found"]


class _DownSource:
    async def lookup(self, reference: str) -> Optional[Application]:
        raise StatusServiceUnavailable("agency API timed out")


async def test_status_service_down_gives_a_clear_reply_with_a_phone_number(
    dispatcher, domain, action_services, monkeypatch
):
    down = dataclasses.replace(action_services, applications=_DownSource())
    monkeypatch.setattr(actions.common, "get_services", lambda: down)
    tracker = make_tracker(user_message("PSP-204811", "inform"), slots={"reference_number": "PSP-204811"})
    await ActionCheckApplicationStatus().run(dispatcher, tracker, domain)
    assert responses(dispatcher) == ["utter_status_service_unavailable"]
    assert dispatcher.messages[0]["phone"].startswith("+1 555")


async def test_a_rejection_reason_is_machine_translated_and_marked_when_a_translator_is_configured(
    monkeypatch, services, dispatcher, domain
):
    translator = echo_service()
    monkeypatch.setattr(actions.common, "get_services", lambda: dataclasses.replace(services, translator=translator))
    tracker = make_tracker(
        user_message("BUS-781200", "inform"), slots={"reference_number": "BUS-781200", "language": "vi"}
    )
    await ActionCheckApplicationStatus().run(dispatcher, tracker, domain)
    reason = dispatcher.messages[0]["reason"]
    assert reason.startswith("vi: ") and "already registered" in reason
    assert reason.endswith(services.responses.text("utter_machine_translation_note", "vi"))


async def test_offline_a_rejection_reason_stays_in_the_agencys_words(dispatcher, domain):
    tracker = make_tracker(
        user_message("BUS-781200", "inform"), slots={"reference_number": "BUS-781200", "language": "vi"}
    )
    await ActionCheckApplicationStatus().run(dispatcher, tracker, domain)
    assert "already registered" in dispatcher.messages[0]["reason"]
    assert not dispatcher.messages[0]["reason"].startswith("vi: ")
