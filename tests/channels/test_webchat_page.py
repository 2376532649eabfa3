"""The citizen page in headless Chromium (Debian's), as a citizen uses it.

Choose Thai, ask about a service and read the answer in Thai; choose Urdu and see it laid
out right to left; reload and find the conversation still there. A screenshot of each step
is saved under results/e2e/ as a test artifact.
"""

from __future__ import annotations

from typing import Iterator

import pytest
from playwright.sync_api import Browser, Page

from bot.langid.text_check import language_problem
from bot.responses import load_response_texts
from bot.responses.templates import read_domain_responses
from bot.settings import PROJECT_ROOT
from tests.fakes.browser import chromium

ARTIFACTS = PROJECT_ROOT / "results" / "e2e"
TEXTS = load_response_texts(PROJECT_ROOT / "content" / "responses", read_domain_responses(PROJECT_ROOT / "domain.yml"))
RESPONSES = ".rw-from-response .rw-message"


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    yield from chromium()


@pytest.fixture(scope="module")
def page(stack, browser: Browser) -> Iterator[Page]:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    context = browser.new_context(locale="en-US", viewport={"width": 1000, "height": 900})
    yield context.new_page()
    context.close()


def _responses(page: Page) -> list:
    return page.locator(RESPONSES).all_inner_texts()


def _wait_for_response(page: Page, contains: str, timeout: float = 30_000) -> str:
    page.wait_for_function(
        "([selector, text]) => [...document.querySelectorAll(selector)].some(e => e.innerText.includes(text))",
        arg=[RESPONSES, contains],
        timeout=timeout,
    )
    return next(text for text in reversed(_responses(page)) if contains in text)


def _luminance(rgb: str) -> float:
    channels = [int(part) / 255 for part in rgb[rgb.index("(") + 1 : rgb.index(")")].split(",")[:3]]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def _contrast(page: Page, selector: str, background_selector: str) -> float:
    color = page.eval_on_selector(selector, "e => getComputedStyle(e).color")
    background = page.eval_on_selector(background_selector, "e => getComputedStyle(e).backgroundColor")
    lighter, darker = sorted((_luminance(color), _luminance(background)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def test_a_citizen_chats_in_thai_switches_to_urdu_and_keeps_the_conversation(stack, page: Page):
    page.goto(stack.page_url)
    _wait_for_response(page, TEXTS.text("utter_greet", "en")[:30])
    assert page.locator("#notice").inner_text() == TEXTS.text("utter_iamabot", "en")
    page.screenshot(path=str(ARTIFACTS / "1-greeting.png"), full_page=True)

    page.select_option("#language", "th")
    page.wait_for_load_state("load")
    _wait_for_response(page, "ไทย")
    assert page.evaluate("document.documentElement.lang") == "th"
    page.fill(".rw-new-message", "ค่าธรรมเนียมทำหนังสือเดินทางเท่าไหร่")
    page.keyboard.press("Enter")
    answer = _wait_for_response(page, "ดอลลาร์สหรัฐ")
    assert answer.startswith("หนังสือเดินทาง") and language_problem(answer, "th") is None
    page.screenshot(path=str(ARTIFACTS / "2-thai-answer.png"), full_page=True)

    page.select_option("#language", "ur")
    page.wait_for_load_state("load")
    confirmation = _wait_for_response(page, "اردو")
    last = page.locator(RESPONSES).last
    assert last.evaluate("e => e.querySelector('p').matches(':dir(rtl)')")
    assert language_problem(confirmation, "ur") is None
    assert page.locator("#notice").evaluate("e => e.matches(':dir(rtl)')")
    switches = page.locator(".rw-from-client", has_text="/change_language")
    assert switches.count() == 2 and not switches.first.is_visible()  # sent for the citizen, not shown
    page.screenshot(path=str(ARTIFACTS / "3-urdu.png"), full_page=True)

    before = _responses(page)
    page.reload()
    page.wait_for_function(
        "([selector, n]) => document.querySelectorAll(selector).length >= n",
        arg=[RESPONSES, len(before)],
        timeout=30_000,
    )
    assert _responses(page)[: len(before)] == before
    assert any("ดอลลาร์สหรัฐ" in text for text in _responses(page))
    page.screenshot(path=str(ARTIFACTS / "4-after-reload.png"), full_page=True)


def test_buttons_answer_in_the_chosen_language(stack, page: Page):
    page.goto(stack.page_url)
    page.fill(".rw-new-message", "السلام علیکم")
    page.keyboard.press("Enter")
    page.locator(".rw-reply").last.wait_for(timeout=30_000)
    title = TEXTS.curated("utter_greet", "ur").button_titles[1]  # "check my application"
    page.locator(".rw-reply", has_text=title).last.click()
    asked = _wait_for_response(page, "PSP-204811")
    assert language_problem(asked, "ur") is None


def test_the_page_is_labelled_keyboard_usable_and_readable(stack, page: Page):
    page.goto(stack.page_url)
    assert page.get_by_label("Language").count() == 1
    assert page.locator("#language option").count() == 22
    for _ in range(8):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.classList.contains('rw-new-message')"):
            break
    reached = page.evaluate("document.activeElement.classList.contains('rw-new-message')")
    assert reached, "the message box is not reachable by keyboard"
    assert _contrast(page, "header h1", "header") >= 4.5
    assert _contrast(page, "#notice", "body") >= 4.5


def test_a_first_visit_greets_in_the_browsers_language(stack, browser: Browser):
    context = browser.new_context(locale="th-TH")
    page = context.new_page()
    page.goto(stack.page_url)
    assert page.locator("#language").input_value() == "th"
    greeting = _wait_for_response(page, TEXTS.text("utter_greet", "th")[:10])
    assert language_problem(greeting, "th") is None
    context.close()
