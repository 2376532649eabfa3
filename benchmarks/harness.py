"""What the one-replica benchmarks share: the stores and action server, CPU accounting, and
Rasa's command line with a patch applied before the model loads."""

from __future__ import annotations

import argparse
import asyncio
import os
import sys
import tempfile
from contextlib import asynccontextmanager
from pathlib import Path
from typing import AsyncIterator, Awaitable, Callable, Dict, Iterable, List, Tuple

from benchmarks.scale_out import ROOT, _start, replica_env
from tests.fakes.processes import free_port
from tests.fakes.servers import PostgresServer, RedisServer


def cpu_seconds(pids: Iterable[int]) -> float:
    """User plus system CPU seconds of the processes (those that ended count nothing)."""
    total = 0.0
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except FileNotFoundError:
            continue
        total += (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    return total


def postgres_pids() -> List[int]:
    """Every PostgreSQL process on the machine (the benchmark's private cluster)."""
    pids = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                if b"postgres" in Path(f"/proc/{entry}/cmdline").read_bytes():
                    pids.append(int(entry))
            except OSError:
                continue
    return pids


def rasa_with(prelude: str) -> List[str]:
    """Rasa's command line, running `prelude` (Python statements) before anything loads."""
    return [
        sys.executable,
        "-c",
        f"import sys; {prelude}; from rasa.__main__ import main; sys.argv[0] = 'rasa'; main()",
    ]


@asynccontextmanager
async def stores_and_action_server(prefix: str) -> AsyncIterator[Tuple[Dict[str, str], Path, int]]:
    """PostgreSQL, Redis and our action server; yields the replicas' environment, a scratch
    folder and the action server's pid."""
    scratch = Path(tempfile.mkdtemp(prefix=prefix))
    postgres, redis = PostgresServer().start(), RedisServer().start()
    action_port = free_port()
    env = replica_env(postgres, redis, action_port)
    actions = _start([sys.executable, "-m", "bot.action_server", "--actions", "actions", "--port", str(action_port)],
                     env, ROOT, scratch / "actions.log")  # fmt: skip
    try:
        yield env, scratch, actions.pid
    finally:
        actions.terminate()
        actions.wait(timeout=60)
        redis.stop()
        postgres.stop()


def one_replica_main(doc: str, run: Callable[[argparse.Namespace], Awaitable[None]]) -> int:
    """The command line both one-replica benchmarks take (--concurrent, --conversations)."""
    parser = argparse.ArgumentParser(description=doc.splitlines()[0])
    parser.add_argument("--concurrent", type=int, default=10)
    parser.add_argument("--conversations", type=int, default=30)
    asyncio.run(run(parser.parse_args()))
    return 0
