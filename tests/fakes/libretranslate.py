"""A LibreTranslate-compatible HTTP service on localhost that answers in a known way.

`POST /translate` answers `{"translatedText": "<target>: <q>"}` and records every request,
so tests can check what left the assistant. Modes make it slow, hang, fail (5xx) or refuse
(429). It runs its own event loop in a thread, as a real service would beside the assistant.
"""

from __future__ import annotations

import asyncio
import socket
import threading
from dataclasses import dataclass, field
from typing import Dict, List, Optional

from aiohttp import web


@dataclass
class Received:
    text: str
    source: str
    target: str


@dataclass
class StandIn:
    """Behaviour of the stand-in: `mode` is "ok", "slow", "hang", "error" or "rate_limited"."""

    mode: str = "ok"
    delay: float = 0.0
    received: List[Received] = field(default_factory=list)

    def translated(self, text: str, target: str) -> str:
        return f"{target}: {text}"


class LibreTranslateStandIn:
    """Starts and stops the stand-in on a free localhost port; `url` is its base URL."""

    def __init__(self, behaviour: Optional[StandIn] = None) -> None:
        self.behaviour = behaviour or StandIn()
        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self._loop.run_forever, daemon=True)
        self._runner: Optional[web.AppRunner] = None
        self.port = 0

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def received(self) -> List[Received]:
        return self.behaviour.received

    async def _translate(self, request: web.Request) -> web.Response:
        form: Dict[str, str] = {**request.query, **(await request.post())}
        behaviour = self.behaviour
        behaviour.received.append(Received(form.get("q", ""), form.get("source", ""), form.get("target", "")))
        if behaviour.mode == "error":
            return web.json_response({"error": "model crashed"}, status=500)
        if behaviour.mode == "rate_limited":
            return web.json_response({"error": "Too many requests"}, status=429)
        if behaviour.mode == "slow":
            await asyncio.sleep(behaviour.delay)
        if behaviour.mode == "hang":
            await asyncio.sleep(3600)
        return web.json_response({"translatedText": behaviour.translated(form.get("q", ""), form.get("target", ""))})

    async def _start(self) -> None:
        app = web.Application()
        app.router.add_post("/translate", self._translate)
        self._runner = web.AppRunner(app, shutdown_timeout=0.1)
        await self._runner.setup()
        with socket.socket() as sock:
            sock.bind(("127.0.0.1", 0))
            self.port = sock.getsockname()[1]
        await web.TCPSite(self._runner, "127.0.0.1", self.port).start()

    def start(self) -> "LibreTranslateStandIn":
        self._thread.start()
        asyncio.run_coroutine_threadsafe(self._start(), self._loop).result(timeout=10)
        return self

    def stop(self) -> None:
        if self._runner:
            asyncio.run_coroutine_threadsafe(self._runner.cleanup(), self._loop).result(timeout=10)
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(timeout=10)
