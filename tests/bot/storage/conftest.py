"""Real PostgreSQL and Redis servers (Debian's packages), one of each for the module."""

from __future__ import annotations

from typing import Iterator

import pytest

from tests.fakes.servers import PostgresServer, RedisServer


@pytest.fixture(scope="module")
def postgres() -> Iterator[PostgresServer]:
    server = PostgresServer().start()
    yield server
    server.stop()


@pytest.fixture(scope="module")
def redis_server() -> Iterator[RedisServer]:
    server = RedisServer().start()
    yield server
    server.stop()
