"""The citizen page as served: languages by autonym, curated notices, policy, widget bundle."""

from __future__ import annotations

import json
import re
from pathlib import Path

from aiohttp.test_utils import TestClient, TestServer

import bot.webchat.app as app_module
from bot.languages import LANGUAGES
from bot.nlg.bidi import FSI
from bot.webchat.app import create_app, page_languages


async def _client(settings, bundle: Path) -> TestClient:
    client = TestClient(TestServer(create_app(settings, "http://localhost:5005", bundle)))
    await client.start_server()
    return client


async def test_the_page_offers_every_language_by_its_autonym(settings, tmp_path):
    client = await _client(settings, tmp_path / "missing.js")
    try:
        response = await client.get("/")
        page = await response.text()
    finally:
        await client.close()
    options = re.findall(r'<option value="([^"]+)" lang="[^"]+">([^<]+)</option>', page)
    assert dict(options) == {code: language.autonym for code, language in LANGUAGES.items()}
    policy = response.headers["Content-Security-Policy"]
    assert "connect-src 'self' http://localhost:5005 ws://localhost:5005" in policy and "default-src 'self'" in policy


async def test_the_widget_bundle_is_served_when_installed_and_explained_when_not(settings, tmp_path):
    bundle = tmp_path / "index.js"
    missing = await _client(settings, bundle)
    try:
        response = await missing.get("/webchat.js")
        assert response.status == 503 and "scripts/run" in await response.text()
    finally:
        await missing.close()
    bundle.write_text("window.WebChat = {};")
    present = await _client(settings, bundle)
    try:
        response = await present.get("/webchat.js")
        assert response.status == 200 and await response.text() == "window.WebChat = {};"
    finally:
        await present.close()


def test_each_language_says_it_is_an_assistant_and_how_to_reach_a_person(settings, services):
    by_code = {entry["code"]: entry for entry in page_languages(settings)}
    assert by_code["ur"]["dir"] == "rtl" and by_code["th"]["dir"] == "ltr"
    assert by_code["th"]["notice"] == services.responses.text("utter_iamabot", "th")
    assert by_code["ur"]["human"].endswith(f"{FSI}+1 555 0100\u2069")  # the phone keeps its order in Urdu


async def test_the_embedded_configuration_cannot_close_its_script_element(settings, tmp_path, monkeypatch):
    original = app_module.page_languages
    monkeypatch.setattr(
        app_module, "page_languages", lambda s: [{**original(s)[0], "notice": "</script><script>alert(1)</script>"}]
    )
    client = await _client(settings, tmp_path / "missing.js")
    try:
        page = await (await client.get("/")).text()
    finally:
        await client.close()
    config = page.split('<script id="config" type="application/json">')[1].split("</script>")[0]
    assert json.loads(config)["languages"][0]["notice"] == "</script><script>alert(1)</script>"
