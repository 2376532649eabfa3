from actions.handoff import ActionRequestHuman
from bot.storage.database import handoff_requests
from tests.actions.conftest import make_tracker, responses, user_message

HISTORY = [
    {
        "event": "user",
        "text": "how much is a passport",
        "parse_data": {"intent": {"name": "ask_fees"}, "language": "en"},
        "timestamp": 1773655200,
    },
    {"event": "bot", "text": "Passport: the fee is 60.00 US dollars.", "timestamp": 1773655201},
    {"event": "slot", "name": "service", "value": "passport"},
]


async def test_handoff_is_recorded_with_the_transcript_and_the_office_contact(dispatcher, domain, action_services):
    tracker = make_tracker(
        user_message("let me talk to a real person", "request_human"), slots={"service": "passport"}, history=HISTORY
    )
    await ActionRequestHuman().run(dispatcher, tracker, domain)
    [row] = action_services.records.rows(handoff_requests)
    assert row["status"] == "open" and row["service_id"] == "passport"
    assert [(t["role"], t["text"]) for t in row["transcript"]] == [
        ("citizen", "how much is a passport"),
        ("assistant", "Passport: the fee is 60.00 US dollars."),
        ("citizen", "let me talk to a real person"),
    ]
    message = dispatcher.messages[0]
    assert responses(dispatcher) == ["utter_handoff_recorded"]
    assert message["request_id"] == f"H-{row['id']:06d}"
    assert message["office_name"] == "Central Passport Office" and message["phone"] == "+1 555 0110"
    assert "Mon–Fri" in message["hours"]


async def test_without_a_service_the_contact_centre_is_given(dispatcher, domain):
    await ActionRequestHuman().run(dispatcher, make_tracker(user_message("human please", "request_human")), domain)
    assert dispatcher.messages[0]["office_name"] == "Citizen Contact Centre"
