"""The first language identifier: scripts and distinctive letters, honest confidence."""

import pytest

from bot.langid import detect_language


@pytest.mark.parametrize(
    "text, language",
    [
        ("How much does a passport cost?", "en"),
        ("পাসপোর্ট করতে কত টাকা লাগে?", "bn"),
        ("ខ្ញុំចង់ធ្វើលិខិតឆ្លងដែន", "km"),
        ("ຂ້ອຍຢາກເຮັດໜັງສືຜ່ານແດນ", "lo"),
        ("ทำหนังสือเดินทางต้องใช้เอกสารอะไรบ้าง", "th"),
        ("විදේශ ගමන් බලපත්‍රයක් ගන්න කොහොමද", "si"),
        ("கடவுச்சீட்டுக்கு என்ன ஆவணங்கள் வேண்டும்", "ta"),
        ("여권 발급 비용이 얼마예요?", "ko"),
        ("パスポートの申請に必要な書類は何ですか", "ja"),
        ("Паспорт авахад ямар бичиг баримт хэрэгтэй вэ", "mn"),
        ("میں پاسپورٹ کے لیے درخواست دینا چاہتا ہوں", "ur"),
        ("申請護照需要什麼文件", "zh-Hant"),
        ("申请护照需要什么文件", "zh-Hans"),
        ("Tôi cần làm hộ chiếu thì cần giấy tờ gì", "vi"),
        ("Pasaport başvurusu için hangi belgeler gerekiyor", "tr"),
    ],
)
def test_script_and_letters_identify_the_language(text, language):
    assert detect_language(text).language == language


@pytest.mark.parametrize("text", ["", "😀😀😀", "12345", "!!!", "\x00\x01"])
def test_text_without_letters_gets_the_default_with_no_confidence(text):
    detection = detect_language(text)
    assert detection.language == "en"
    assert detection.confidence == 0.0


def test_short_messages_are_less_certain_than_long_ones():
    assert detect_language("ok").confidence < 0.2
    assert detect_language("ขอบคุณ").confidence < detect_language("ทำหนังสือเดินทางต้องใช้เอกสารอะไรบ้าง").confidence


def test_confidence_is_between_zero_and_one():
    for text in ["hello", "ทำหนังสือเดินทาง", "mixed ข้อความ text"]:
        assert 0.0 <= detect_language(text).confidence <= 1.0
