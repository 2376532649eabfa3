"""What every webhook shares: bounded JSON bodies, clear errors, and calls out with a timeout."""

from __future__ import annotations

import json
import logging
from typing import Any, Awaitable, Callable, Dict, Optional

import aiohttp
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse

logger = logging.getLogger(__name__)


class BadWebhookRequest(Exception):
    """A webhook call the channel refuses; carries the HTTP status and the reason."""

    def __init__(self, status: int, reason: str) -> None:
        super().__init__(reason)
        self.status = status
        self.reason = reason

    def response(self) -> HTTPResponse:
        return response.json({"error": self.reason}, status=self.status)


def read_json_body(request: Request, max_bytes: int) -> Any:
    """The request's JSON; 413 when it is larger than `max_bytes`, 400 when it is not JSON."""
    body = request.body or b""
    if len(body) > max_bytes:
        raise BadWebhookRequest(413, f"body larger than {max_bytes} bytes")
    try:
        return json.loads(body.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise BadWebhookRequest(400, "body is not JSON") from None


class JsonApiClient:
    """POSTs JSON to a messaging platform's API with a timeout, on the event loop.

    A failed call is logged and reported as None rather than raised: the citizen's message
    is already in the tracker, and a webhook that failed would only make the platform
    deliver it again.
    """

    def __init__(self, base_url: str, timeout: float) -> None:
        self._base_url = base_url.rstrip("/")
        self._timeout = aiohttp.ClientTimeout(total=timeout)
        self._session: Optional[aiohttp.ClientSession] = None

    async def post(self, path: str, payload: Dict[str, Any], params: Optional[Dict[str, str]] = None) -> Optional[Any]:
        if self._session is None or self._session.closed:
            self._session = aiohttp.ClientSession(timeout=self._timeout)
        try:
            async with self._session.post(f"{self._base_url}/{path}", json=payload, params=params) as reply:
                if reply.status >= 400:
                    logger.warning("%s answered %s: %s", path.split("/")[-1], reply.status, (await reply.text())[:200])
                    return None
                return await reply.json(content_type=None)
        except (aiohttp.ClientError, TimeoutError, json.JSONDecodeError) as error:
            logger.warning("call to %s failed: %s", path.split("/")[-1], type(error).__name__)
            return None


RouteHandler = Callable[[Request], Awaitable[HTTPResponse]]


def webhook_blueprint(name: str, configured: bool, handlers: Dict[str, RouteHandler]) -> Blueprint:
    """A channel's blueprint: `GET /` health, and `/webhook` per HTTP method, where a refused
    call (`BadWebhookRequest`) becomes its status and reason instead of a server error."""
    webhook = Blueprint(name, __name__)

    async def health(_: Request) -> HTTPResponse:
        return response.json({"status": "ok", "configured": configured})

    webhook.add_route(health, "/", methods=["GET"], name=f"{name}_health")
    for method, handler in handlers.items():

        async def refusing(request: Request, handler: RouteHandler = handler) -> HTTPResponse:
            try:
                return await handler(request)
            except BadWebhookRequest as refused:
                return refused.response()

        webhook.add_route(refusing, "/webhook", methods=[method], name=f"{name}_{method.lower()}")
    return webhook
