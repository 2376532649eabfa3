"""One replica with Rasa's per-message work vs with our two dialogue caches, in one run.

The caches: `bot.policies.cached_ted.CachedTEDPolicy` (TED predicts once per distinct
dialogue situation) and the tracker store's warm trackers (`bot.storage.warm_trackers`: the
tracker a replica saved is reused for the conversation's next message while the
database's fingerprint of the session is unchanged). Same setup as
`benchmarks/scale_out.py` (PostgreSQL, Redis, our action server, one thread per library,
`deploy/endpoints.yml`); four replicas, started one after the other: neither cache (Rasa's
way for these two steps; the one-transaction save is in all four), each alone, both (as
shipped). Each gets the same warm-up and the same conversations in all 22 languages,
twice, at the given concurrency; the script prints latency, throughput and the CPU
milliseconds per message of the replica, the action server and
PostgreSQL, then the ratios of "both" to "neither".

Usage: .venv/bin/python benchmarks/dialogue_caches.py [--concurrent 10] [--conversations 30]
"""

from __future__ import annotations

import argparse
import statistics
import sys
from pathlib import Path
from typing import Dict, List, Tuple

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.harness import cpu_seconds, one_replica_main, postgres_pids, rasa_with, stores_and_action_server  # noqa: E402
from benchmarks.scale_out import TIME_LIMIT, _our_replica, _ready, _start  # noqa: E402
from bot.languages import LANGUAGES  # noqa: E402
from bot.loadgen.driver import drive  # noqa: E402
from bot.loadgen.plans import PhraseBook, plans  # noqa: E402
from tests.fakes.processes import free_port  # noqa: E402

#: CachedTEDPolicy's default size set to 0 (remember nothing) before the model loads; the
#: size is not in config.yml, so the default applies.
_NO_TED_CACHE = "import bot.policies.cached_ted as ted; ted.DEFAULT_CAPACITY = 0"
#: (name, TED cache on, warm trackers on)
VARIANTS = (("neither", False, False), ("TED cache only", True, False),
            ("warm trackers only", False, True), ("both (as shipped)", True, True))  # fmt: skip


def _endpoints(scratch: Path, warm: bool) -> Path:
    """deploy/endpoints.yml, with the warm trackers switched off when `warm` is False."""
    text = (ROOT / "deploy" / "endpoints.yml").read_text()
    if not warm:
        text = text.replace("type: bot.storage.tracker_store.UrlSQLTrackerStore",
                            "type: bot.storage.tracker_store.UrlSQLTrackerStore\n  warm_trackers: 0")  # fmt: skip
    path = scratch / f"endpoints-{'warm' if warm else 'cold'}.yml"
    path.write_text(text)
    return path


async def _measure(
    variant: Tuple[str, bool, bool], env: Dict[str, str], scratch: Path, action_pid: int, args: argparse.Namespace
) -> List[Tuple[float, float, float]]:
    name, ted_cache, warm = variant
    book = PhraseBook(ROOT / "data" / "nlu", sorted(LANGUAGES))
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    shipped = _our_replica(port)[1:]
    shipped[shipped.index("--endpoints") + 1] = str(_endpoints(scratch, warm))
    command = [*rasa_with("pass" if ted_cache else _NO_TED_CACHE), *shipped]
    replica = _start(command, env, ROOT, scratch / f"{name.split()[0]}-{ted_cache}-{warm}.log")
    measured = []
    try:
        await _ready(url, replica)
        await drive([url], plans(book, 4, 3, seed=1, languages=book.languages, prefix=f"warm-{port}"), 2, TIME_LIMIT)
        for round_number in (1, 2):
            conversations = plans(book, args.conversations, 10, seed=round_number, languages=book.languages,
                                  prefix=f"{port}-{round_number}")  # fmt: skip
            pids = {"replica": [replica.pid], "actions": [action_pid], "postgres": postgres_pids()}
            before = {part: cpu_seconds(p) for part, p in pids.items()}
            report = await drive([url], conversations, args.concurrent, TIME_LIMIT)
            per_message = {part: 1000 * (cpu_seconds(p) - before[part]) / max(len(report.results), 1)
                           for part, p in pids.items()}  # fmt: skip
            total = sum(per_message.values())
            print(f"| {name} | {round_number} | {len(report.results)} | {report.percentile(0.5) * 1000:.0f} | "
                  f"{report.percentile(0.95) * 1000:.0f} | {report.throughput:.1f} | {per_message['replica']:.1f} | "
                  f"{per_message['actions']:.1f} | {per_message['postgres']:.1f} | {total:.1f} | "
                  f"{len(report.failures)} |", flush=True)  # fmt: skip
            measured.append((report.percentile(0.5), report.throughput, total))
    finally:
        replica.terminate()
        replica.wait(timeout=60)
    return measured


async def _run(args: argparse.Namespace) -> None:
    results = {}
    async with stores_and_action_server("dialogue-caches-bench-") as (env, scratch, action_pid):
        print(f"{args.conversations} conversations of 10 messages, {args.concurrent} at a time, one replica")
        print(
            "| caches | round | messages | p50 ms | p95 ms | msg/s | replica CPU ms/msg | action server | "
            "PostgreSQL | total CPU ms/msg | failed |"
        )
        print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
        for variant in VARIANTS:
            results[variant[0]] = await _measure(variant, env, scratch, action_pid, args)
    stock, shipped = results[VARIANTS[0][0]], results[VARIANTS[-1][0]]
    for label, index in (("p50", 0), ("throughput", 1), ("CPU per message", 2)):
        ratios = [ours[index] / base[index] for ours, base in zip(shipped, stock, strict=True)]
        print(
            f"{label}, both / neither: {' / '.join(f'{r:.2f}x' for r in ratios)} "
            f"(median {statistics.median(ratios):.2f}x)"
        )


def main() -> int:
    return one_replica_main(__doc__, _run)


if __name__ == "__main__":
    sys.exit(main())
