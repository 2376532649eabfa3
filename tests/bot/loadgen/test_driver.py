"""The driver against REST stand-ins: every reply checked, failures told apart, loopback only."""

from __future__ import annotations

import asyncio
from typing import Iterator, List

import pytest
from aiohttp import web

from bot.loadgen.driver import LoadError, check_reply, drive
from bot.loadgen.plans import ConversationPlan, Turn
from tests.fakes.loopback import LoopbackServer
from tests.fakes.processes import free_port


class RestStandIn(LoopbackServer):
    """Answers every message in Thai, or drops the connection when told to."""

    def __init__(self, reply: str = "สวัสดีค่ะ ยินดีให้บริการค่ะ", drop: bool = False) -> None:
        super().__init__()
        self.reply, self.drop = reply, drop
        self.received: List[dict] = []

    def routes(self, app: web.Application) -> None:
        app.router.add_post("/webhooks/rest/webhook", self._webhook)

    async def _webhook(self, request: web.Request) -> web.StreamResponse:
        body = await request.json()
        self.received.append(body)
        if self.drop:
            request.transport.close()
            await asyncio.sleep(0.1)
        return web.json_response([{"recipient_id": body["sender"], "text": self.reply}])


@pytest.fixture
def thai() -> Iterator[RestStandIn]:
    server = RestStandIn().start()
    yield server
    server.stop()


def _plans(count: int, turns: int = 3) -> List[ConversationPlan]:
    return [
        ConversationPlan(f"c{n}", "th", tuple(Turn(f"ข้อความ {i}", "greet") for i in range(turns)), n)
        for n in range(count)
    ]


async def test_every_message_is_sent_in_order_and_answered(thai):
    report = await drive([thai.url], _plans(5), concurrency=5, time_limit=30)
    assert len(report.answered) == 15 and report.failures == []
    first_turns = [body for body in thai.received if body["message"] == "ข้อความ 0"]
    assert all(body["metadata"] == {"language_hint": "th"} for body in first_turns)
    for n in range(5):
        assert [b["message"] for b in thai.received if b["sender"] == f"c{n}"] == ["ข้อความ 0", "ข้อความ 1", "ข้อความ 2"]
    assert report.percentile(0.5) > 0 and report.throughput > 0


async def test_messages_alternate_between_replicas(thai):
    other = RestStandIn().start()
    try:
        report = await drive([thai.url, other.url], _plans(2, turns=4), concurrency=2, time_limit=30)
    finally:
        other.stop()
    assert len(thai.received) == len(other.received) == 4
    assert [r.target for r in report.results if r.conversation_id == "c0"] == [thai.url, other.url] * 2


async def test_a_refusing_replica_is_skipped_without_losing_the_message(thai):
    dead = f"http://127.0.0.1:{free_port()}"
    report = await drive([dead, thai.url], _plans(3), concurrency=3, time_limit=30)
    assert report.failures == [] and {r.target for r in report.results} == {thai.url}


async def test_a_connection_lost_after_sending_is_reported_not_resent():
    dropping = RestStandIn(drop=True).start()
    try:
        report = await drive([dropping.url], _plans(1, turns=1), concurrency=1, time_limit=30)
    finally:
        dropping.stop()
    (result,) = report.results
    assert result.error.startswith("connection lost") and result.delivered
    assert len(dropping.received) == 1


async def test_a_reply_in_the_wrong_language_is_a_failure():
    english = RestStandIn(reply="Hello! The passport fee is sixty dollars and it takes about ten working days.").start()
    try:
        report = await drive([english.url], _plans(1, turns=1), concurrency=1, time_limit=30)
    finally:
        english.stop()
    assert "Latin" in report.failures[0].problem


def test_addresses_and_phone_lines_in_latin_letters_do_not_make_a_reply_foreign():
    office = "Pusat Perizinan Transportasi Darat\nRing Road No. 200, Capital City\nTelepon: +62 21 555 0100"
    assert check_reply([{"text": office}], "id") is None


def test_an_empty_reply_is_a_failure():
    assert check_reply([], "th") == "no reply"
    assert check_reply([{"text": "สวัสดีค่ะ ยินดีให้บริการค่ะ"}], "th") is None


@pytest.mark.parametrize("url", ["http://example.com", "http://10.1.2.3:5005", "http://192.168.0.5"])
async def test_anything_but_this_machine_is_refused(url):
    with pytest.raises(LoadError, match="loopback|resolve"):
        await drive([url], _plans(1), concurrency=1, time_limit=10)


async def test_unbounded_runs_are_refused(thai):
    with pytest.raises(LoadError):
        await drive([thai.url], _plans(1), concurrency=1, time_limit=100_000)
    with pytest.raises(LoadError):
        await drive([thai.url], _plans(1, turns=51), concurrency=1, time_limit=10)
