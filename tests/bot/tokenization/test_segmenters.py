"""Every script is split into words, with offsets that point back into the text."""

import pytest

from bot.tokenization import segment


@pytest.mark.parametrize(
    "text, words",
    [
        ("ทำหนังสือเดินทางต้องใช้เอกสารอะไรบ้าง", ["ทำ", "หนังสือเดินทาง", "ต้อง", "ใช้", "เอกสาร", "อะไร", "บ้าง"]),
        ("ຂ້ອຍຢາກເຮັດໜັງສືຜ່ານແດນ", ["ຂ້ອຍ", "ຢາກ", "ເຮັດ", "ໜັງສືຜ່ານແດນ"]),
        ("ខ្ញុំចង់ធ្វើលិខិតឆ្លងដែន", ["ខ្ញុំ", "ចង់", "ធ្វើ", "លិខិត", "ឆ្លង", "ដែន"]),
        ("申请护照需要什么文件？", ["申请", "护照", "需要", "什么", "文件"]),
        ("申請護照需要什麼文件", ["申請", "護照", "需要", "什麼", "文件"]),
        (
            "パスポートの申請に必要な書類は何ですか",
            ["パスポート", "の", "申請", "に", "必要", "な", "書類", "は", "何", "です", "か"],
        ),
        ("पासपोर्ट कितने का है?", ["पासपोर्ट", "कितने", "का", "है"]),
        ("পাসপোর্ট করতে কত টাকা লাগে?", ["পাসপোর্ট", "করতে", "কত", "টাকা", "লাগে"]),
        ("கடவுச்சீட்டுக்கு என்ன ஆவணங்கள்", ["கடவுச்சீட்டுக்கு", "என்ன", "ஆவணங்கள்"]),
        ("پاسپورٹ کتنے کا ہے؟", ["پاسپورٹ", "کتنے", "کا", "ہے"]),
        ("여권 발급 비용이 얼마예요?", ["여권", "발급", "비용이", "얼마예요"]),
        ("Tôi cần làm hộ chiếu", ["Tôi", "cần", "làm", "hộ", "chiếu"]),
        ("status of PSP-204811, please!", ["status", "of", "PSP-204811", "please"]),
    ],
)
def test_words_of_every_script(text, words):
    assert [word for word, _ in segment(text)] == words


@pytest.mark.parametrize("text", ["ทำหนังสือเดินทาง ok 护照 パスポート", "hello, wörld — ১২৩"])
def test_offsets_point_at_the_words(text):
    for word, start in segment(text):
        assert text[start : start + len(word)] == word


@pytest.mark.parametrize("text", ["", "   ", "😀😀", "!!! ???"])
def test_text_without_words_has_no_tokens(text):
    assert segment(text) == []


def test_warm_up_loads_every_dictionary_before_the_first_message():
    from bot.tokenization import segmenters

    for loader in (segmenters._thai, segmenters._lao, segmenters._khmer, segmenters._chinese, segmenters._japanese):
        loader.cache_clear()
    segmenters.warm_up()
    loaded = [loader.cache_info().currsize for loader in (segmenters._thai, segmenters._lao, segmenters._khmer,
                                                           segmenters._chinese, segmenters._japanese)]  # fmt: skip
    assert loaded == [1, 1, 1, 1, 1]
