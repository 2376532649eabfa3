"""An agency's own application status API, called over HTTP with a hard timeout.

Contract of that API: `GET {base_url}/applications/{reference}` answers 200 with a JSON
object of the `Application` fields (dates as ISO strings), or 404 when there is no such
application. Anything else, or no answer in time, means the service is unavailable and
the citizen is told so rather than left waiting.
"""

from __future__ import annotations

import asyncio
from datetime import date
from typing import Any, Dict, Optional
from urllib.parse import quote

import aiohttp

from bot.applications.models import Application, ApplicationStatus
from bot.exceptions import StatusServiceUnavailable


def _parse(payload: Dict[str, Any], reference: str) -> Application:
    try:
        return Application(
            reference=reference,
            service_id=str(payload["service_id"]),
            status=ApplicationStatus(payload["status"]),
            submitted_on=date.fromisoformat(payload["submitted_on"]),
            updated_on=date.fromisoformat(payload["updated_on"]),
            rejection_reason=payload.get("rejection_reason"),
            collection_office=payload.get("collection_office"),
        )
    except (KeyError, TypeError, ValueError) as error:
        raise StatusServiceUnavailable(f"status API sent an unusable record: {error!r}") from error


class HttpApplicationStatusSource:
    """Looks applications up in an agency's status API."""

    def __init__(self, base_url: str, timeout_seconds: float) -> None:
        self._base_url = base_url.rstrip("/")
        self._timeout = aiohttp.ClientTimeout(total=timeout_seconds)

    async def lookup(self, reference: str) -> Optional[Application]:
        url = f"{self._base_url}/applications/{quote(reference)}"
        try:
            async with aiohttp.ClientSession(timeout=self._timeout) as session:
                async with session.get(url, headers={"Accept": "application/json"}) as response:
                    if response.status == 404:
                        return None
                    if response.status != 200:
                        raise StatusServiceUnavailable(f"status API answered {response.status}")
                    payload = await response.json(content_type=None)
        except (aiohttp.ClientError, asyncio.TimeoutError, ValueError) as error:
            raise StatusServiceUnavailable(f"status API unreachable: {error.__class__.__name__}") from error
        if not isinstance(payload, dict):
            raise StatusServiceUnavailable("status API sent something other than an object")
        return _parse(payload, reference)
