"""The assistant as deployed: `rasa run` with our endpoints and credentials, over HTTP.

One Rasa server and action server run as subprocesses on free localhost ports, with the
inbound pivot on and a LibreTranslate stand-in as the only translator; the test talks to
the REST channel as an integration would.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import urllib.request
import uuid
from typing import Dict, Iterator, List

import pytest

from bot.nlg.bidi import RLM
from bot.settings import PROJECT_ROOT
from tests.conversations.conftest import MODEL, NLG_TYPE, _free_port, _wait_until_healthy
from tests.fakes.libretranslate import LibreTranslateStandIn, StandIn

FRENCH = "Bonjour, combien coûte un passeport pour mon fils ?"
ENGLISH = {FRENCH: "How much does a passport cost for my son?"}


@pytest.fixture(scope="module")
def translator() -> Iterator[LibreTranslateStandIn]:
    behaviour = StandIn()
    behaviour.translated = lambda text, target: ENGLISH.get(text, f"{target}: {text}")
    stand_in = LibreTranslateStandIn(behaviour).start()
    yield stand_in
    stand_in.stop()


@pytest.fixture(scope="module")
def rest_url(translator: LibreTranslateStandIn, tmp_path_factory) -> Iterator[str]:
    workdir = tmp_path_factory.mktemp("rest")
    action_port, rasa_port = _free_port(), _free_port()
    env = {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{workdir / 'citizen.db'}",
        "PYTHONPATH": str(PROJECT_ROOT),
        "RASA_TELEMETRY_ENABLED": "false",
        "TRANSLATION_PROVIDERS": "libre",
        "LIBRETRANSLATE_URL": translator.url,
        "INBOUND_PIVOT": "true",
    }
    endpoints = workdir / "endpoints.yml"
    endpoints.write_text(
        f"action_endpoint:\n  url: http://127.0.0.1:{action_port}/webhook\n"
        f"tracker_store:\n  type: bot.storage.tracker_store.UrlSQLTrackerStore\nnlg:\n  type: {NLG_TYPE}\n"
    )
    logs = {name: workdir / f"{name}.log" for name in ("actions", "rasa")}
    commands = {
        "actions": [sys.executable, "-m", "rasa_sdk", "--actions", "actions", "--port", str(action_port)],
        "rasa": [sys.executable, "-m", "rasa", "run", "--model", str(MODEL), "--port", str(rasa_port)]
        + ["--interface", "127.0.0.1", "--endpoints", str(endpoints), "--credentials", "credentials.yml"],
    }
    processes = {}
    for name, command in commands.items():
        with logs[name].open("w") as handle:
            processes[name] = subprocess.Popen(
                command, cwd=PROJECT_ROOT, env=env, stdout=handle, stderr=subprocess.STDOUT
            )
    try:
        _wait_until_healthy(f"http://127.0.0.1:{action_port}/health", processes["actions"], logs["actions"])
        _wait_until_healthy(f"http://127.0.0.1:{rasa_port}/webhooks/rest/", processes["rasa"], logs["rasa"], 240)
        yield f"http://127.0.0.1:{rasa_port}/webhooks/rest/webhook"
    finally:
        for process in processes.values():
            process.terminate()
            process.wait(timeout=30)
    log = logs["rasa"].read_text()
    assert "Traceback" not in log, log[-3000:]


def _say(url: str, sender: str, text: str, metadata: Dict | None = None) -> List[Dict]:
    body = json.dumps({"sender": sender, "message": text, "metadata": metadata or {}}).encode()
    request = urllib.request.Request(url, data=body, headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=30) as response:
        return json.loads(response.read())


def test_a_thai_question_is_answered_in_thai_through_the_configured_nlg(rest_url, translator):
    replies = _say(rest_url, f"rest-{uuid.uuid4().hex[:8]}", "ค่าธรรมเนียมทำหนังสือเดินทางเท่าไหร่คะ")
    assert replies and replies[0]["text"].startswith("หนังสือเดินทาง")
    assert "ดอลลาร์สหรัฐ" in replies[0]["text"]
    assert translator.received == []  # curated text: nothing went to the translator


def test_an_urdu_reply_is_marked_right_to_left(rest_url):
    replies = _say(rest_url, f"rest-{uuid.uuid4().hex[:8]}", "پاسپورٹ کی فیس کتنی ہے؟")
    assert replies and all(line.startswith(RLM) for line in replies[0]["text"].split("\n"))


def test_a_french_question_is_pivoted_into_english_and_answered(rest_url, translator):
    replies = _say(rest_url, f"rest-{uuid.uuid4().hex[:8]}", FRENCH)
    assert replies and replies[0]["text"].startswith("Passport: the fee is")
    assert [(r.text, r.source, r.target) for r in translator.received] == [(FRENCH, "fr", "en")]
