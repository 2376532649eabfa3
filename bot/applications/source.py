"""The protocol every application status source follows."""

from __future__ import annotations

from typing import Optional, Protocol

from bot.applications.models import Application


class ApplicationStatusSource(Protocol):
    """Where the assistant looks up an application by its normalized reference."""

    async def lookup(self, reference: str) -> Optional[Application]:
        """The application, None when no such reference exists.

        Raises `StatusServiceUnavailable` when the source cannot answer now.
        """
        ...
