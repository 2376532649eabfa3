"""Curated texts are judged by script, and by pycld2 when long enough."""

from __future__ import annotations

import pytest

from bot.langid.text_check import language_problem


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Permohonan pasport baharu boleh dibuat di pejabat imigresen yang berdekatan", "ms"),
        ("สวัสดีค่ะ ยินดีต้อนรับสู่บริการประชาชน", "th"),
        ("{service_title}: ফি {fee}", "bn"),
        ("Passport", "vi"),  # too short to judge
        ("Akta kelahiran anak yang akan didaftarkan sebagai tanggungan", "id"),  # short: id/ms not told apart
        ("PSP-204811 https://services.example/passport", "ta"),  # nothing but neutral spans
    ],
)
def test_texts_in_their_language_pass(text, language):
    assert language_problem(text, language) is None


@pytest.mark.parametrize(
    ("text", "language", "problem"),
    [
        ("Hello, I am the assistant for citizen services of the country", "ms", "reads as English"),
        (
            "Silakan isi formulir permohonan di portal layanan, unggah dokumen pendukung Anda, lalu bayar "
            "biayanya melalui bank atau kartu kredit sebelum datang ke kantor.",
            "ms",
            "reads as Indonesian",
        ),
        ("How would you rate it", "th", "written mostly in Latin script"),
        ("我可以告訴您各項服務需要哪些文件、費用多少", "zh-Hans", "reads as Chinese (Traditional)"),
    ],
)
def test_texts_in_another_language_are_caught(text, language, problem):
    assert problem in (language_problem(text, language) or "")
