"""Unanswered questions that say the same thing are counted together."""

from bot.review.grouping import group_texts, normalize


def test_case_punctuation_and_digits_do_not_split_a_group():
    assert normalize("  How much?? 2 ") == normalize("how much") == "how much"


def test_near_identical_questions_are_grouped_and_counted():
    groups = group_texts(
        [
            (1, "what is the weather today", "en"),
            (2, "What is the weather today?", "en"),
            (3, "what is the weather like today", "en"),
            (4, "ค่าปรับ", "th"),
        ]
    )
    assert [(g.count, sorted(g.record_ids)) for g in groups] == [(3, [1, 2, 3]), (1, [4])]
    assert groups[0].languages == {"en": 3}
