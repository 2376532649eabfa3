"""The conversation's language follows the precedence: request, hint, detection, in use."""

import pytest

from bot.dialogue.language_policy import LanguageSignals, choose_language, word_count


def signals(**overrides) -> LanguageSignals:
    values = {"current": "en", "text": "how much is a passport please", "detected": "en", "confidence": 0.95}
    values.update(overrides)
    return LanguageSignals(**values)


def test_explicit_request_beats_everything():
    chosen = choose_language(signals(requested="th", channel_hint="vi", first_turn=True, detected="id", confidence=1.0))
    assert chosen == "th"


def test_channel_hint_decides_the_first_turn_over_detection():
    assert choose_language(signals(current=None, channel_hint="vi", first_turn=True, detected="en")) == "vi"


def test_channel_hint_is_ignored_after_the_first_turn():
    assert choose_language(signals(current="en", channel_hint="vi", first_turn=False)) == "en"


def test_confident_detection_on_a_long_message_switches():
    text = "ทำหนังสือเดินทางต้องใช้เอกสารอะไรบ้างครับ"
    assert choose_language(signals(current="en", text=text, detected="th", confidence=0.95)) == "th"


@pytest.mark.parametrize("text", ["ok", "2", "yes", "PSP-204811", "thanks!", "ya"])
def test_short_replies_never_switch(text):
    assert choose_language(signals(current="th", text=text, detected="en", confidence=0.99)) == "th"


def test_unsure_detection_keeps_the_language_in_use():
    assert (
        choose_language(signals(current="ms", text="saya nak tanya pasal passport", detected="id", confidence=0.6))
        == "ms"
    )


@pytest.mark.parametrize(
    ("current", "detected", "text"),
    [
        ("ur", "hi", "kitna intezar karna parega bhai"),
        ("hi", "ur", "nahi bhai, zaroorat nahi hai abhi"),
    ],
)
def test_romanized_hindi_and_urdu_do_not_switch_into_each_other(current, detected, text):
    assert choose_language(signals(current=current, text=text, detected=detected, confidence=0.97)) == current


@pytest.mark.parametrize(
    ("current", "detected", "text"),
    [
        ("ur", "hi", "मुझे पासपोर्ट बनवाना है, क्या करना होगा"),
        ("hi", "ur", "مجھے پاسپورٹ بنوانا ہے، کیا کرنا ہوگا"),
        ("en", "ur", "mujhe passport banwana hai kya karna hoga"),
    ],
)
def test_hindi_and_urdu_in_their_own_scripts_or_from_another_language_still_switch(current, detected, text):
    assert choose_language(signals(current=current, text=text, detected=detected, confidence=0.97)) == detected


def test_picker_changed_in_the_widget_switches_but_an_unchanged_picker_does_not_block_detection():
    assert choose_language(signals(current="en", picker="ko", text="hi")) == "ko"
    long_thai = "ทำหนังสือเดินทางต้องใช้เอกสารอะไรบ้างครับ"
    assert choose_language(signals(current="ko", picker="ko", text=long_thai, detected="th", confidence=0.9)) == "th"


def test_nothing_known_means_english():
    assert choose_language(signals(current=None, text="?", detected=None, confidence=0.0)) == "en"


def test_unsupported_codes_are_ignored():
    assert choose_language(signals(current="en", requested="de", detected="xx", confidence=1.0)) == "en"


@pytest.mark.parametrize("text, count", [("how much is it", 4), ("ทำหนังสือเดินทาง", 8), ("PSP-204811", 1), ("", 0)])
def test_word_count_counts_unspaced_scripts_by_characters(text, count):
    assert word_count(text) == count
