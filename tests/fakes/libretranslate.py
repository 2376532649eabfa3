"""A LibreTranslate-compatible HTTP service on localhost that answers in a known way.

`POST /translate` answers `{"translatedText": "<target>: <q>"}` and records every request,
so tests can check what left the assistant. Modes make it slow, hang, fail (5xx) or refuse
(429).
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, field
from typing import Dict, List, Optional

from aiohttp import web

from tests.fakes.loopback import LoopbackServer


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


class LibreTranslateStandIn(LoopbackServer):
    """The stand-in on a free localhost port; `url` is its base URL."""

    def __init__(self, behaviour: Optional[StandIn] = None) -> None:
        super().__init__()
        self.behaviour = behaviour or StandIn()

    @property
    def received(self) -> List[Received]:
        return self.behaviour.received

    def routes(self, app: web.Application) -> None:
        app.router.add_post("/translate", self._translate)

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
