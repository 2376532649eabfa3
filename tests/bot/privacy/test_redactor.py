"""Personal data in many languages and formats is masked; ordinary numbers are kept."""

from __future__ import annotations

import pytest

from bot.privacy import Redactor

#: (message, the personal data in it, the mask it must become)
CORPUS = [
    ("Please call me on 0412 345 678 after 5pm", "0412 345 678", "[phone]"),
    ("My number is +66 81 234 5678, thanks", "+66 81 234 5678", "[phone]"),
    ("โทรหาผมที่ 081-234-5678 ครับ", "081-234-5678", "[phone]"),
    ("मेरा मोबाइल नंबर 98765 43210 है", "98765 43210", "[phone]"),
    ("nomor HP saya 0812-3456-7890 ya", "0812-3456-7890", "[phone]"),
    ("Gọi cho tôi số 0912 345 678 nhé", "0912 345 678", "[phone]"),
    ("連絡先は 090-1234-5678 です", "090-1234-5678", "[phone]"),
    ("mail me at maria.santos+gov@example.com.ph please", "maria.santos+gov@example.com.ph", "[email]"),
    ("ইমেইল: rahim_uddin@mail.example.bd", "rahim_uddin@mail.example.bd", "[email]"),
    ("Aadhaar 2345 6789 0124 is on the form", "2345 6789 0124", "[id number]"),
    ("my PAN is ABCDE1234F", "ABCDE1234F", "[id number]"),
    ("IC saya 770305-02-1234", "770305-02-1234", "[id number]"),
    ("NRIC S1234567D was rejected", "S1234567D", "[id number]"),
    ("เลขบัตรประชาชน 1101700207030", "1101700207030", "[id number]"),
    ("CNIC 34201-0891231-8 wala card", "34201-0891231-8", "[id number]"),
    ("TC kimlik no 17291716060", "17291716060", "[id number]"),
    ("身份证号 11010519491231002X", "11010519491231002X", "[id number]"),
    ("HKID A123456(3) lost", "A123456(3)", "[id number]"),
    ("NIC 853400937V please check", "853400937V", "[id number]"),
    ("Регистрийн дугаар УБ12345678", "УБ12345678", "[id number]"),
    ("PhilSys 1234-5678-9012-3456 card", "1234-5678-9012-3456", "[id number]"),
    ("account 0123456789012 at the bank", "0123456789012", "[number]"),
]


@pytest.fixture(scope="module")
def redactor() -> Redactor:
    return Redactor()


@pytest.mark.parametrize("text, personal, mask", CORPUS)
def test_personal_data_is_masked_with_its_kind(redactor, text, personal, mask):
    redacted = redactor.redact(text)
    assert personal not in redacted
    assert mask in redacted


def test_no_digit_of_the_corpus_personal_data_survives_in_a_long_message(redactor):
    text = " | ".join(message for message, _, _ in CORPUS)
    redacted = redactor.redact(text)
    for _, personal, _ in CORPUS:
        assert personal not in redacted


@pytest.mark.parametrize(
    "text",
    [
        "status of PSP-204811 please",
        "the fee was 60.00 US dollars on 2026-03-16",
        "I waited 3 hours, rating 2",
        "Level 2, Civic Tower, 12 Victoria Parade",
        "form P1 and two photos 35 x 45 mm",
        "",
    ],
)
def test_ordinary_text_and_numbers_are_left_alone(redactor, text):
    assert redactor.redact(text) == text
