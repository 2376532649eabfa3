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
import sys
import time
from pathlib import Path
from typing import Dict, List

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.harness import cpu_seconds, one_replica_main, rasa_with, stores_and_action_server  # noqa: E402
from benchmarks.scale_out import RASA, TIME_LIMIT, _our_replica, _ready, _start  # noqa: E402
from bot.languages import LANGUAGES  # noqa: E402
from bot.loadgen.driver import drive  # noqa: E402
from bot.loadgen.plans import PhraseBook, plans  # noqa: E402
from tests.fakes.processes import free_port  # noqa: E402

#: The NLU thread switched off before our components import it.
_ON_THE_LOOP = "import bot.rasa_nlu_thread as t; t.install_nlu_thread = lambda: None"


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
            cpu, started = cpu_seconds([replica.pid]), time.monotonic()
            report = await drive([url], conversations, args.concurrent, TIME_LIMIT)
            elapsed, used = time.monotonic() - started, cpu_seconds([replica.pid]) - cpu
            print(f"| {name} | {round_number} | {len(report.results)} | {report.percentile(0.5) * 1000:.0f} | "
                  f"{report.percentile(0.95) * 1000:.0f} | {report.throughput:.1f} | {used / elapsed:.2f} | "
                  f"{len(report.failures)} |", flush=True)  # fmt: skip
    finally:
        replica.terminate()
        replica.wait(timeout=60)


async def _run(args: argparse.Namespace) -> None:
    shipped = [arg for arg in _our_replica(0) if arg not in ("--port", "0")]
    async with stores_and_action_server("nlu-thread-bench-") as (env, scratch, _):
        print(f"{args.conversations} conversations of 10 messages, {args.concurrent} at a time, one replica")
        print("| NLU runs | round | messages | p50 ms | p95 ms | msg/s | replica CPU (cores) | failed |")
        print("|---|---:|---:|---:|---:|---:|---:|---:|")
        await _measure("on the event loop", [*rasa_with(_ON_THE_LOOP), *shipped[1:]], env, scratch, args)
        await _measure("on its own thread", [RASA, *shipped[1:]], env, scratch, args)


def main() -> int:
    return one_replica_main(__doc__, _run)


if __name__ == "__main__":
    sys.exit(main())
