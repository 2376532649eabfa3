"""Rasa's conversation lock store, chosen by `LOCK_STORE_URL`.

Empty (the embedded default): locks live in the Rasa process, which is right for one
replica. `redis://host:6379/1`: Rasa's own `RedisLockStore`, so that replicas behind a load
balancer never process two messages of one conversation at once (Rasa's ticket locks).

One fix to Rasa 3.6's waiting: a message waiting for its conversation's lock polls once a
second; if its own ticket expires meanwhile (its lifetime runs while it waits, and a busy
replica polls late), Rasa's loop waits for a ticket that no longer exists, forever. This
happened in tests/scale when a replica was killed holding a lock: the other replica's next
message for that conversation hung until the client gave up. Here a waiter whose ticket
expired takes a new one and keeps its place in the queue's order.
"""

from __future__ import annotations

import asyncio
from contextlib import asynccontextmanager
from typing import Any, AsyncIterator, Optional, Text
from urllib.parse import unquote, urlsplit

from rasa.core.lock import TicketLock
from rasa.core.lock_store import LOCK_LIFETIME, InMemoryLockStore, LockStore, RedisLockStore

from bot.settings import load_settings

#: Seconds a Redis call may take before the message fails instead of hanging.
REDIS_SOCKET_TIMEOUT = 5.0


def redis_lock_store(url: str) -> RedisLockStore:
    """Rasa's Redis lock store from a `redis://[user:password@]host[:port][/db]` URL."""
    parts = urlsplit(url)
    database = parts.path.strip("/")
    return RedisLockStore(
        host=parts.hostname or "localhost",
        port=parts.port or 6379,
        db=int(database) if database else 1,
        username=unquote(parts.username) if parts.username else None,
        password=unquote(parts.password) if parts.password else None,
        use_ssl=parts.scheme == "rediss",
        socket_timeout=REDIS_SOCKET_TIMEOUT,
    )


class UrlLockStore(LockStore):
    """Delegates to Redis when `LOCK_STORE_URL` is set, else to an in-process store."""

    def __init__(self, endpoint_config: Any = None, lock_store_url: Optional[str] = None) -> None:
        url = lock_store_url if lock_store_url is not None else load_settings().lock_store_url
        self.backend: LockStore = redis_lock_store(url) if url else InMemoryLockStore()
        super().__init__()

    def get_lock(self, conversation_id: Text) -> Optional[TicketLock]:
        return self.backend.get_lock(conversation_id)

    def delete_lock(self, conversation_id: Text) -> None:
        self.backend.delete_lock(conversation_id)

    def save_lock(self, lock: TicketLock) -> None:
        self.backend.save_lock(lock)

    @asynccontextmanager
    async def lock(
        self, conversation_id: Text, lock_lifetime: float = LOCK_LIFETIME, wait_time_in_seconds: float = 1
    ) -> AsyncIterator[TicketLock]:
        """Rasa's ticket lock, except that an expired waiting ticket is renewed, not waited for."""
        ticket = self.issue_ticket(conversation_id, lock_lifetime)
        try:
            while True:
                lock = self.get_lock(conversation_id)
                if lock is None or lock._ticket_for_ticket_number(ticket) is None:
                    ticket = self.issue_ticket(conversation_id, lock_lifetime)
                    continue
                if not lock.is_locked(ticket):
                    break
                await asyncio.sleep(wait_time_in_seconds)
                self.update_lock(conversation_id)
            yield lock
        finally:
            self.cleanup(conversation_id, ticket)
