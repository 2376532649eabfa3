"""Language identification: scripts, hard pairs, romanized and mixed text, no letters."""

from __future__ import annotations

import pytest

from bot.langid.corpus import labelled_examples
from bot.langid.detector import SHARED_SCRIPTS, LanguageDetector, detect_language
from bot.langid.linear_model import ScriptLanguageModel
from bot.langid.markers import MARKERS
from bot.settings import PROJECT_ROOT


@pytest.fixture(scope="module")
def detector() -> LanguageDetector:
    model = ScriptLanguageModel.train(labelled_examples(PROJECT_ROOT / "data" / "nlu"), SHARED_SCRIPTS)
    return LanguageDetector(model)


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
        ("Tôi cần làm hộ chiếu thì cần giấy tờ gì", "vi"),
        ("Pasaport başvurusu için hangi belgeler gerekiyor", "tr"),
    ],
)
def test_languages_with_their_own_script_or_letters(detector, text, language):
    assert detector.detect(text).language == language


@pytest.mark.parametrize(
    "text, language",
    [
        ("Saya mau bikin paspor baru, berapa lama prosesnya ya?", "id"),
        ("Saya nak renew pasport, berapa lama ambil masa?", "ms"),
        ("मुझे नया पासपोर्ट बनवाना है, कितना पैसा लगेगा?", "hi"),
        ("मलाई नयाँ राहदानी बनाउन कति पैसा लाग्छ?", "ne"),
        ("میں پاسپورٹ کے لیے درخواست دینا چاہتا ہوں", "ur"),
        ("من می‌خواهم برای گذرنامه درخواست بدهم", "fa"),
        ("申请护照需要什么文件？", "zh-Hans"),
        ("申請護照需要什麼文件？", "zh-Hant"),
    ],
)
def test_hard_pairs_are_told_apart(detector, text, language):
    assert detector.detect(text).language == language


@pytest.mark.parametrize(
    "text, language",
    [
        ("namaste ji, passport ke liye kaun se documents chahiye?", "hi"),
        ("mujhe apna shanakhti card banwana hai, kitne din lagte hain?", "ur"),
        ("amar passport korte koto taka lagbe?", "bn"),
        ("malai passport banauna kati din lagcha?", "ne"),
        ("paano po mag-renew ng passport online?", "fil"),
        ("how long nak renew IC ah, boleh buat online tak?", "ms"),
    ],
)
def test_romanized_and_code_mixed_text_belongs_to_its_language(detector, text, language):
    assert detector.detect(text).language == language


def test_mixed_scripts_take_the_dominant_one(detector):
    assert detector.detect("ขอทำ passport ใหม่ค่ะ ต้องใช้เอกสารอะไรบ้าง").language == "th"


@pytest.mark.parametrize(
    ("text", "language"),
    [("thx បង", "km"), ("PSP office 어디예요?", "ko"), ("ok sir, मुझे passport चाहिए", "hi"), ("thanks sir, ස්තූතියි", "si")],
)
def test_latin_words_inside_another_script_do_not_make_it_english(detector, text, language):
    assert detector.detect(text).language == language


@pytest.mark.parametrize("text", ["", "12345", "PSP-204811", "😀😀😀", "!!! ???", "\x00\x01"])
def test_text_without_letters_gets_the_default_with_no_confidence(detector, text):
    assert detector.detect(text) == detect_language(text)
    assert detector.detect(text).confidence == 0.0


@pytest.mark.parametrize(
    ("text", "language"), [("২", "bn"), ("PCC-৬১৭৪০২", "bn"), ("២", "km"), ("๓/๕", "th"), ("໔", "lo")]
)
def test_digits_of_a_scripts_own_tell_its_language_with_little_confidence(detector, text, language):
    detection = detector.detect(text)
    assert detection.language == language
    assert 0.0 < detection.confidence < 0.3


def test_short_messages_are_less_certain_than_long_ones(detector):
    assert detector.detect("ok").confidence < 0.3
    short, long = detector.detect("ขอบคุณ"), detector.detect("ทำหนังสือเดินทางต้องใช้เอกสารอะไรบ้างครับ")
    assert short.confidence < long.confidence


def test_model_survives_a_save_and_load(tmp_path, detector):
    model = ScriptLanguageModel.train(labelled_examples(PROJECT_ROOT / "data" / "nlu"), SHARED_SCRIPTS)
    model.save(tmp_path / "model")
    reloaded = LanguageDetector(ScriptLanguageModel.load(tmp_path / "model"))
    text = "walaikum salam, mujhe shanakhti card chahiye"
    assert reloaded.detect(text) == LanguageDetector(model).detect(text)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("can I renew my licence online or not, boleh ke?", "ms"),
        ("my passport expired already, nak renew kat mana?", "ms"),
        ("pwede po ba i-renew online yung passport ko?", "fil"),
        ("what documents do I need for my passport renewal", "en"),
        ("please tell me the fee for a driving licence", "en"),
    ],
)
def test_english_carrying_malay_or_tagalog_particles_is_malay_or_filipino(detector, text, language):
    assert detector.detect(text).language == language


def test_marker_words_are_not_english_words():
    common_english = {"a", "i", "to", "in", "on", "it", "be", "do", "so", "no", "go", "me", "ok", "can", "the", "and"}
    assert all(not markers & common_english for markers in MARKERS.values())
