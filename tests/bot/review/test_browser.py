"""The review app in headless Chromium: log in, filter by a language, see a chart and the gaps."""

from __future__ import annotations

import os
import sys
from typing import Iterator

import pytest
from playwright.sync_api import Browser

from bot.review.accounts import ADMINISTRATOR, Accounts
from bot.settings import PROJECT_ROOT
from bot.storage.database import create_database_engine
from tests.bot.review.conftest import PASSWORD, seed
from tests.fakes.browser import chromium
from tests.fakes.processes import free_port, start, stop, wait_until_healthy

ARTIFACTS = PROJECT_ROOT / "results" / "e2e"


@pytest.fixture(scope="module")
def review_url(tmp_path_factory) -> Iterator[str]:
    folder = tmp_path_factory.mktemp("review")
    database_url = f"sqlite:///{folder / 'citizen.db'}"
    seed(database_url)
    Accounts(create_database_engine(database_url)).create_user("admin", PASSWORD, ADMINISTRATOR)
    port = free_port()
    env = {**os.environ, "DATABASE_URL": database_url, "PYTHONPATH": str(PROJECT_ROOT)}
    log = folder / "review.log"
    process = start([sys.executable, "-m", "bot.review", "serve", "--port", str(port)], env, log)
    try:
        wait_until_healthy(f"http://127.0.0.1:{port}/login", process, log)
        yield f"http://127.0.0.1:{port}"
    finally:
        stop([process])


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    yield from chromium()


def test_an_officer_logs_in_filters_by_language_and_sees_charts_and_gaps(review_url, browser: Browser):
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page = browser.new_page(viewport={"width": 1200, "height": 1000})
    page.goto(review_url)
    assert page.url.endswith("/login")
    page.get_by_label("Username").fill("admin")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url(f"{review_url}/")
    page.get_by_label("Language", exact=True).select_option("th")
    page.get_by_role("button", name="Apply").click()
    page.wait_for_url("**language=th**")
    messages = page.locator(".figure", has_text="Messages").locator("b").inner_text()
    assert messages == "3"
    assert page.locator("svg.chart").count() >= 3
    page.screenshot(path=str(ARTIFACTS / "review-overview-th.png"), full_page=True)
    page.get_by_role("link", name="Service gaps").click()
    page.wait_for_url("**/gaps**")
    assert "language=th" in page.url
    assert page.get_by_text("ค่าปรับ").count() == 1
    assert page.get_by_text("what's the weather").count() == 0
    page.screenshot(path=str(ARTIFACTS / "review-gaps-th.png"), full_page=True)
    page.close()
