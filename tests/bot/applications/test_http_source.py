"""The agency status API adapter against a local stand-in of that API."""

from __future__ import annotations

import asyncio
from typing import AsyncIterator, Callable

import pytest
from aiohttp import web
from aiohttp.test_utils import TestServer

from bot.applications import ApplicationStatus
from bot.applications.http_source import HttpApplicationStatusSource
from bot.exceptions import StatusServiceUnavailable

RECORD = {
    "service_id": "passport",
    "status": "ready_for_collection",
    "submitted_on": "2026-03-01",
    "updated_on": "2026-03-12",
    "collection_office": "central_passport_office",
}


async def _serve(handler: Callable) -> TestServer:
    app = web.Application()
    app.router.add_get("/applications/{reference}", handler)
    server = TestServer(app, host="127.0.0.1")
    await server.start_server()
    return server


@pytest.fixture
async def agency_api() -> AsyncIterator[Callable]:
    servers = []

    async def start(handler: Callable) -> str:
        server = await _serve(handler)
        servers.append(server)
        return str(server.make_url(""))

    yield start
    for server in servers:
        await server.close()


async def test_found_application_is_parsed(agency_api):
    seen = []

    async def handler(request: web.Request) -> web.Response:
        seen.append(request.match_info["reference"])
        return web.json_response(RECORD)

    source = HttpApplicationStatusSource(await agency_api(handler), timeout_seconds=2)
    application = await source.lookup("PSP-204811")
    assert seen == ["PSP-204811"]
    assert application.status is ApplicationStatus.READY_FOR_COLLECTION
    assert application.collection_office == "central_passport_office"


async def test_404_means_no_such_application(agency_api):
    async def handler(request: web.Request) -> web.Response:
        return web.json_response({"error": "not found"}, status=404)

    assert await HttpApplicationStatusSource(await agency_api(handler), 2).lookup("PSP-000000") is None


@pytest.mark.parametrize(
    "respond",
    [
        lambda: web.Response(status=500, text="boom"),
        lambda: web.Response(status=503),
        lambda: web.Response(text="<html>maintenance</html>", content_type="text/html"),
        lambda: web.json_response(["not", "an", "object"]),
        lambda: web.json_response({**RECORD, "status": "lost_in_space"}),
        lambda: web.json_response({"service_id": "passport"}),
    ],
)
async def test_errors_and_nonsense_mean_unavailable(agency_api, respond):
    async def handler(request: web.Request) -> web.Response:
        return respond()

    with pytest.raises(StatusServiceUnavailable):
        await HttpApplicationStatusSource(await agency_api(handler), 2).lookup("PSP-204811")


async def test_slow_api_times_out_quickly(agency_api):
    async def handler(request: web.Request) -> web.Response:
        await asyncio.sleep(5)
        return web.json_response(RECORD)

    source = HttpApplicationStatusSource(await agency_api(handler), timeout_seconds=0.3)
    loop = asyncio.get_running_loop()
    started = loop.time()
    with pytest.raises(StatusServiceUnavailable):
        await source.lookup("PSP-204811")
    assert loop.time() - started < 2


async def test_unreachable_api_means_unavailable():
    source = HttpApplicationStatusSource("http://127.0.0.1:9", timeout_seconds=1)
    with pytest.raises(StatusServiceUnavailable):
        await source.lookup("PSP-204811")
