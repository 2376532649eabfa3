"""Stand-ins of the Telegram Bot API and the Graph API that record every call they get."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Dict, List

from aiohttp import web

from tests.fakes.loopback import LoopbackServer


@dataclass
class ApiCall:
    path: str
    query: Dict[str, str]
    body: Any


class PlatformApiStandIn(LoopbackServer):
    """Answers every POST like the platform does on success, and records it."""

    def __init__(self) -> None:
        super().__init__()
        self.calls: List[ApiCall] = []

    def routes(self, app: web.Application) -> None:
        app.router.add_post("/{tail:.*}", self._record)

    async def _record(self, request: web.Request) -> web.Response:
        body = await request.json()
        self.calls.append(ApiCall("/" + request.match_info["tail"], dict(request.query), body))
        return web.json_response({"ok": True, "result": {"message_id": len(self.calls)}, "message_id": "m"})

    def bodies(self, path_suffix: str, **match: Any) -> List[Any]:
        """Bodies of the calls whose path ends with `path_suffix` and whose fields match."""
        found = []
        for call in self.calls:
            if call.path.endswith(path_suffix) and all(_field(call.body, key) == value for key, value in match.items()):
                found.append(call.body)
        return found


def _field(body: Any, dotted: str) -> Any:
    for part in dotted.split("__"):
        body = body.get(part) if isinstance(body, dict) else None
    return body
