"""One replica with the NLU pipeline on the event loop (Rasa's way) vs on its own thread, in one run.

Same setup as `benchmarks/scale_out.py` (PostgreSQL, Redis, our action server, one thread
per library, `deploy/endpoints.yml`), one replica at a time: first with
`bot.rasa_nlu_thread` switched off (Rasa 3.6 parses on the event loop), then as shipped.
Each gets the same warm-up and the same conversations in all 22 languages, twice, at the
given concurrency; the script prints latency, throughput and the replica's CPU seconds.

Usage: .venv/bin/python benchmarks/nlu_thread.py [--concurrent 10] [--conversations 30]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import sys
import tempfile
import time
from pathlib import Path
from typing import Dict, List

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.scale_out import RASA, TIME_LIMIT, _our_replica, _ready, _start, replica_env  # noqa: E402
from bot.languages import LANGUAGES  # noqa: E402
from bot.loadgen.driver import drive  # noqa: E402
from bot.loadgen.plans import PhraseBook, plans  # noqa: E402
from tests.fakes.processes import free_port  # noqa: E402
from tests.fakes.servers import PostgresServer, RedisServer  # noqa: E402

#: Rasa's command line with the NLU thread switched off before our components import it.
_ON_THE_LOOP = (
    "import sys, bot.rasa_nlu_thread as t; t.install_nlu_thread = lambda: None; "
    "from rasa.__main__ import main; sys.argv[0] = 'rasa'; main()"
)


def _cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


async def _measure(name: str, command: List[str], env: Dict[str, str], scratch: Path, args: argparse.Namespace) -> None:
    book = PhraseBook(ROOT / "data" / "nlu", sorted(LANGUAGES))
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    replica = _start([*command, "--port", str(port)], env, ROOT, scratch / f"{name}.log")
    try:
        await _ready(url, replica)
        await drive([url], plans(book, 4, 3, seed=1, languages=book.languages, prefix=f"warm-{name}"), 2, TIME_LIMIT)
        for round_number in (1, 2):
            conversations = plans(book, args.conversations, 10, seed=round_number, languages=book.languages,
                                  prefix=f"{name}-{round_number}")  # fmt: skip
            cpu, started = _cpu_seconds(replica.pid), time.monotonic()
            report = await drive([url], conversations, args.concurrent, TIME_LIMIT)
            elapsed, used = time.monotonic() - started, _cpu_seconds(replica.pid) - cpu
            print(f"| {name} | {round_number} | {len(report.results)} | {report.percentile(0.5) * 1000:.0f} | "
                  f"{report.percentile(0.95) * 1000:.0f} | {report.throughput:.1f} | {used / elapsed:.2f} | "
                  f"{len(report.failures)} |", flush=True)  # fmt: skip
    finally:
        replica.terminate()
        replica.wait(timeout=60)


async def _run(args: argparse.Namespace) -> None:
    scratch = Path(tempfile.mkdtemp(prefix="nlu-thread-bench-"))
    postgres, redis = PostgresServer().start(), RedisServer().start()
    action_port = free_port()
    env = replica_env(postgres, redis, action_port)
    actions = _start([sys.executable, "-m", "bot.action_server", "--actions", "actions", "--port", str(action_port)],
                     env, ROOT, scratch / "actions.log")  # fmt: skip
    shipped = [arg for arg in _our_replica(0) if arg not in ("--port", "0")]
    try:
        print(f"{args.conversations} conversations of 10 messages, {args.concurrent} at a time, one replica")
        print("| NLU runs | round | messages | p50 ms | p95 ms | msg/s | replica CPU (cores) | failed |")
        print("|---|---:|---:|---:|---:|---:|---:|---:|")
        await _measure("on the event loop", [sys.executable, "-c", _ON_THE_LOOP, *shipped[1:]], env, scratch, args)
        await _measure("on its own thread", [RASA, *shipped[1:]], env, scratch, args)
    finally:
        actions.terminate()
        actions.wait(timeout=60)
        redis.stop()
        postgres.stop()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--concurrent", type=int, default=10)
    parser.add_argument("--conversations", type=int, default=30)
    asyncio.run(_run(parser.parse_args()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
