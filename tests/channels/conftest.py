"""The assistant as deployed, for every channel: `rasa run` with our endpoints and
credentials, the action server and the citizen page, each a subprocess on a free localhost
port, with stand-ins of LibreTranslate, the Telegram Bot API and the Graph API.

One stack serves the whole module set (Rasa takes about 30 seconds to start); each test
talks to it over HTTP, Socket.IO or a real browser as a platform or a citizen would.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

import pytest

from bot.settings import PROJECT_ROOT
from tests.conversations.conftest import MODEL, NLG_TYPE
from tests.fakes.libretranslate import LibreTranslateStandIn, StandIn
from tests.fakes.platform_api import PlatformApiStandIn
from tests.fakes.processes import free_port, start, stop, wait_until_healthy

FRENCH = "Bonjour, combien coûte un passeport pour mon fils ?"
ENGLISH = {FRENCH: "How much does a passport cost for my son?"}
TELEGRAM_TOKEN, TELEGRAM_SECRET = "123456:test-token", "test-secret_1"
FACEBOOK_PAGE_TOKEN, FACEBOOK_APP_SECRET, FACEBOOK_VERIFY_TOKEN = "page-token", "app-secret", "verify-me"


@dataclass
class Stack:
    rasa_url: str
    page_url: str
    translator: LibreTranslateStandIn
    telegram: PlatformApiStandIn
    graph: PlatformApiStandIn
    rasa_log: Path
    workdir: Path


@pytest.fixture(scope="session")
def stack(tmp_path_factory) -> Iterator[Stack]:
    workdir = tmp_path_factory.mktemp("stack")
    behaviour = StandIn()
    behaviour.translated = lambda text, target: ENGLISH.get(text, f"{target}: {text}")
    translator = LibreTranslateStandIn(behaviour).start()
    telegram, graph = PlatformApiStandIn().start(), PlatformApiStandIn().start()
    action_port, rasa_port, page_port = free_port(), free_port(), free_port()
    env = {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{workdir / 'citizen.db'}",
        "PYTHONPATH": str(PROJECT_ROOT),
        "RASA_TELEMETRY_ENABLED": "false",
        "TRANSLATION_PROVIDERS": "libre",
        "LIBRETRANSLATE_URL": translator.url,
        "INBOUND_PIVOT": "true",
        "TELEGRAM_BOT_TOKEN": TELEGRAM_TOKEN,
        "TELEGRAM_SECRET_TOKEN": TELEGRAM_SECRET,
        "TELEGRAM_API_URL": telegram.url,
        "FACEBOOK_PAGE_ACCESS_TOKEN": FACEBOOK_PAGE_TOKEN,
        "FACEBOOK_APP_SECRET": FACEBOOK_APP_SECRET,
        "FACEBOOK_VERIFY_TOKEN": FACEBOOK_VERIFY_TOKEN,
        "FACEBOOK_GRAPH_URL": graph.url,
    }
    endpoints = workdir / "endpoints.yml"
    endpoints.write_text(
        f"action_endpoint:\n  url: http://127.0.0.1:{action_port}/webhook\n"
        f"tracker_store:\n  type: bot.storage.tracker_store.UrlSQLTrackerStore\nnlg:\n  type: {NLG_TYPE}\n"
    )
    page_url, rasa_url = f"http://127.0.0.1:{page_port}", f"http://127.0.0.1:{rasa_port}"
    logs = {name: workdir / f"{name}.log" for name in ("actions", "rasa", "page")}
    rasa_command = [sys.executable, "-m", "rasa", "run", "--model", str(MODEL), "--port", str(rasa_port)]
    rasa_command += ["--interface", "127.0.0.1", "--endpoints", str(endpoints), "--credentials", "credentials.yml"]
    rasa_command += ["--cors", page_url, "--enable-api"]
    processes = [
        start(
            [sys.executable, "-m", "bot.action_server", "--actions", "actions", "--port", str(action_port)],
            env,
            logs["actions"],
        ),
        start(rasa_command, env, logs["rasa"]),
        start(
            [sys.executable, "-m", "bot.webchat", "--port", str(page_port), "--socket-url", rasa_url],
            env,
            logs["page"],
        ),
    ]
    try:
        wait_until_healthy(f"http://127.0.0.1:{action_port}/health", processes[0], logs["actions"])
        wait_until_healthy(f"{rasa_url}/webhooks/rest/", processes[1], logs["rasa"], 240)
        wait_until_healthy(page_url, processes[2], logs["page"])
        yield Stack(rasa_url, page_url, translator, telegram, graph, logs["rasa"], workdir)
    finally:
        stop(processes)
        for server in (translator, telegram, graph):
            server.stop()
    log = logs["rasa"].read_text()
    assert "Traceback" not in log and "Exception occurred while handling" not in log, log[-4000:]
