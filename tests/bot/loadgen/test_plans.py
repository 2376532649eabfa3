"""Simulated citizens say what real ones write, in every contract language."""

from __future__ import annotations

import random

from bot.langid.text_check import language_problem
from bot.languages import LANGUAGES
from bot.loadgen.plans import VISIT, PhraseBook, plain_text, plans
from bot.settings import PROJECT_ROOT

BOOK = PhraseBook(PROJECT_ROOT / "data" / "nlu", sorted(LANGUAGES))


def test_annotations_are_stripped_to_what_a_citizen_types():
    assert plain_text("[PSP-204811](reference_number) สถานะ") == "PSP-204811 สถานะ"
    assert plain_text('ยื่น[ขอคืนภาษี]{"entity": "service", "value": "tax_return"}ไป') == "ยื่นขอคืนภาษีไป"


def test_every_language_has_a_ten_turn_visit_in_its_own_language():
    for code in LANGUAGES:
        plan = BOOK.plan(f"c-{code}", code, 10, random.Random(1))
        assert [turn.intent for turn in plan.turns] == [intent for intent, _ in VISIT]
        problems = [language_problem(turn.text, code) for turn in plan.turns]
        assert problems.count(None) >= 9, (code, [t.text for t in plan.turns], problems)


def test_plans_cycle_languages_and_are_reproducible_from_the_seed():
    first = plans(BOOK, 44, 3, seed=5, languages=BOOK.languages, prefix="run")
    again = plans(BOOK, 44, 3, seed=5, languages=BOOK.languages, prefix="run")
    assert first == again
    assert {plan.language for plan in first} == set(LANGUAGES)
    assert len({plan.conversation_id for plan in first}) == 44
