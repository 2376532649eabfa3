"""Latency and throughput of one replica vs two, against the `rasa init` assistant, in one run.

Everything on this machine, loopback only: PostgreSQL and Redis from Debian's packages
(a private cluster each), our action server and Rasa replicas on `deploy/endpoints.yml`,
and the bot `rasa init --no-prompt` writes, trained here, run on the same PostgreSQL
tracker store and Redis lock store (Rasa's stock SQL and Redis stores) so that both sides
pay for the same storage. Load: `bot.loadgen`, conversations in all 22 languages for ours
(the 10-turn visit: greeting, five service questions, an application status, small talk,
goodbye), rasa init's own phrases for the baseline; every reply checked; messages of a
conversation alternate between the replicas. Every setup starts conversations of its own,
and the setups take turns for several rounds; the ratios are printed per round and as the
median.

Each replica runs on one core of its own (replica n on core n), for ours and rasa init
alike: deploy/ sizes a replica as one core, and "does a second replica add capacity" is
only a question when the first one cannot already take every core (ours runs its NLU in
a thread beside the event loop, so unpinned it can). `--unpinned` measures without.

Usage: .venv/bin/python benchmarks/scale_out.py [--levels 1,10,50,100] [--messages 10] [--rounds 2] [--unpinned]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Callable, Dict, List, Optional, Sequence, Tuple

import aiohttp

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bot.languages import LANGUAGES  # noqa: E402
from bot.loadgen.driver import LoadReport, drive  # noqa: E402
from bot.loadgen.plans import ConversationPlan, PhraseBook, Turn, plans  # noqa: E402
from tests.fakes.processes import free_port  # noqa: E402
from tests.fakes.servers import PostgresServer, RedisServer  # noqa: E402

RASA = str(ROOT / ".venv" / "bin" / "rasa")
BASELINE_TURNS = ("hello", "I am sad", "yes", "are you a bot?", "great", "I am feeling very good", "hey there", "hi", "bye",
                  "good morning")  # fmt: skip
TIME_LIMIT = 900
#: One measured setup: its name, round, a report per level and the replica's resident MB.
Result = Tuple[str, int, Dict[int, LoadReport], float]


def _start(
    command: List[str], env: Dict[str, str], cwd: Path, log: Path, core: Optional[int] = None
) -> subprocess.Popen:
    """Starts `command`; with `core`, the process and every thread it starts run on that core only."""
    pin = (lambda: os.sched_setaffinity(0, {core})) if core is not None else None
    return subprocess.Popen(command, cwd=cwd, env=env, stdout=log.open("w"), stderr=subprocess.STDOUT, preexec_fn=pin)


async def _ready(url: str, process: subprocess.Popen, seconds: float = 400) -> None:
    deadline = time.monotonic() + seconds
    async with aiohttp.ClientSession() as session:
        while time.monotonic() < deadline:
            if process.poll() is not None:
                raise RuntimeError(f"{url} exited")
            try:
                async with session.get(f"{url}/status", timeout=aiohttp.ClientTimeout(total=2)) as response:
                    if response.status == 200:
                        return
            except (aiohttp.ClientError, asyncio.TimeoutError):
                pass
            await asyncio.sleep(1)
    raise RuntimeError(f"{url} not ready")


def _our_replica(port: int) -> List[str]:
    return [RASA, "run", "--model", "models/citizen.tar.gz", "--port", str(port), "--interface", "127.0.0.1",
            "--endpoints", "deploy/endpoints.yml", "--credentials", "credentials.yml", "--enable-api"]  # fmt: skip


def _baseline_replica(port: int) -> List[str]:
    return [RASA, "run", "--port", str(port), "--interface", "127.0.0.1", "--enable-api", "--endpoints",
            "endpoints.yml"]  # fmt: skip


async def _start_pair(
    kind: str,
    command_for: Callable[[int], List[str]],
    cwd: Path,
    env: Dict[str, str],
    scratch: Path,
    processes: List[subprocess.Popen],
    pinned: bool,
) -> List[str]:
    """Starts two replicas of one assistant and returns their URLs once both answer; when
    `pinned`, replica n runs on core n only (one core per replica, as deploy/ sizes them)."""
    urls = []
    for number in (1, 2):
        port = free_port()
        core = (number - 1) % (os.cpu_count() or 1) if pinned else None
        processes.append(_start(command_for(port), env, cwd, scratch / f"{kind}-{number}.log", core))
        urls.append(f"http://127.0.0.1:{port}")
        await _ready(urls[-1], processes[-1])
    return urls


def replica_env(postgres: PostgresServer, redis: RedisServer, action_port: int) -> Dict[str, str]:
    """The environment of our replicas and action server: the stores, one thread per library."""
    return {
        **os.environ, "PYTHONPATH": str(ROOT), "RASA_TELEMETRY_ENABLED": "false", "TF_CPP_MIN_LOG_LEVEL": "2",
        "DATABASE_URL": postgres.url, "LOCK_STORE_URL": f"{redis.url}/1", "TRANSLATION_CACHE_URL": f"{redis.url}/0",
        "ACTION_ENDPOINT_URL": f"http://127.0.0.1:{action_port}/webhook", "SQLALCHEMY_SILENCE_UBER_WARNING": "1",
        # One replica per core, as deploy/ configures: the sentence encoder's OpenMP threads and
        # TensorFlow's pools otherwise spin against the other replica's (measured: 2 replicas
        # gave 6 messages/s where 1 gave 17).
        "OMP_NUM_THREADS": "1", "TF_INTRA_OP_PARALLELISM_THREADS": "1", "TF_INTER_OP_PARALLELISM_THREADS": "1",
    }  # fmt: skip


def _rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def _baseline_project(folder: Path, env: Dict[str, str], postgres: PostgresServer, redis: RedisServer) -> Path:
    """`rasa init --no-prompt` (it trains its model), with the same stores as ours."""
    folder.mkdir(parents=True)
    subprocess.run([RASA, "init", "--no-prompt", "--init-dir", str(folder)], cwd=folder.parent, env=env,
                   check=True, capture_output=True, timeout=1800)  # fmt: skip
    (folder / "endpoints.yml").write_text(
        "tracker_store:\n  type: SQL\n  dialect: postgresql\n  url: 127.0.0.1\n"
        f"  port: {postgres.port}\n  db: baseline\n  login_db: citizen\n  username: citizen\n  password: citizen\n"
        f"lock_store:\n  type: redis\n  url: 127.0.0.1\n  port: {redis.port}\n  db: 2\n"
    )
    return folder


def _levels_plans(kind: str, level: int, messages: int, book: PhraseBook, setup: str) -> List[ConversationPlan]:
    """The conversations of one level; `setup` keeps every setup's senders apart, so none
    continues a conversation (a longer tracker) that an earlier setup left in the database."""
    # At least 30 conversations per level, so that each p50 rests on 300 messages or more.
    conversations = max(level, 30)
    if kind == "ours":
        return plans(book, conversations, messages, seed=level, languages=book.languages, prefix=f"{setup}-{level}")
    turns = tuple(Turn(BASELINE_TURNS[i % len(BASELINE_TURNS)], "") for i in range(messages))
    return [ConversationPlan(f"{setup}-{level}-{n}", "en", turns, n) for n in range(conversations)]


async def _measure(
    kind: str, urls: Sequence[str], levels: Sequence[int], messages: int, book: PhraseBook, setup: str
) -> Dict[int, LoadReport]:
    warm = _levels_plans(kind, 2, 3, book, f"{setup}-warm")
    await drive(urls, warm, 2, TIME_LIMIT)
    return {
        level: await drive(urls, _levels_plans(kind, level, messages, book, setup), level, TIME_LIMIT)
        for level in levels
    }


async def _run(
    levels: Sequence[int], messages: int, rounds: int, with_baseline: bool = True, pinned: bool = True
) -> List[Result]:
    book = PhraseBook(ROOT / "data" / "nlu", sorted(LANGUAGES))
    scratch = Path(tempfile.mkdtemp(prefix="scale-bench-"))
    postgres, redis = PostgresServer().start(), RedisServer().start()
    action_port = free_port()
    env = replica_env(postgres, redis, action_port)
    processes: List[subprocess.Popen] = []
    results: List[Result] = []
    try:
        if with_baseline:
            baseline = _baseline_project(scratch / "rasa_init", env, postgres, redis)  # trained before any load
        processes.append(_start([sys.executable, "-m", "bot.action_server", "--actions", "actions", "--port", str(action_port)], env,
                                ROOT, scratch / "actions.log"))  # fmt: skip
        # For reference: one replica left to use every core (threads unset), alone.
        threaded_env = {key: value for key, value in env.items() if not key.endswith("_THREADS")}
        port = free_port()
        processes.append(_start(_our_replica(port), threaded_env, ROOT, scratch / "rasa-threaded.log"))
        await _ready(f"http://127.0.0.1:{port}", processes[-1])
        threaded = await _measure("ours", [f"http://127.0.0.1:{port}"], levels, messages, book, setup="ours-threaded")
        results.append(("ours, 1 replica, all cores", 1, threaded, _rss_mb(processes[-1].pid)))
        _print_rows(results[-1], levels)
        reference = processes.pop()
        reference.terminate()
        reference.wait(timeout=60)

        # Both assistants stay up (an idle replica costs no CPU) and their setups take turns,
        # round after round, so a slow spell of this shared machine hits both sides alike.
        setups = [
            ("ours", await _start_pair("ours", _our_replica, ROOT, env, scratch, processes, pinned), processes[-2:])
        ]
        if with_baseline:
            urls = await _start_pair("baseline", _baseline_replica, baseline, env, scratch, processes, pinned)
            setups.append(("rasa init", urls, processes[-2:]))
        for round_number in range(1, rounds + 1):
            for count in (1, 2):
                for label, urls, replicas in setups:
                    kind = "ours" if label == "ours" else "baseline"
                    setup = f"{kind}-{count}-r{round_number}"
                    reports = await _measure(kind, urls[:count], levels, messages, book, setup=setup)
                    name = f"{label}, {count} replica{'s' if count > 1 else ''}"
                    results.append((name, round_number, reports, _rss_mb(replicas[count - 1].pid)))
                    _print_rows(results[-1], levels)
    finally:
        for process in processes:
            process.terminate()
            process.wait(timeout=60)
        redis.stop()
        postgres.stop()
    return results


def _print_rows(result: Result, levels: Sequence[int]) -> None:
    name, round_number, reports, rss = result
    for level in levels:
        r = reports[level]
        print(f"| {name} | {round_number} | {level} | {len(r.results)} | {r.percentile(0.5) * 1000:.0f} | "
              f"{r.percentile(0.95) * 1000:.0f} | {r.percentile(0.99) * 1000:.0f} | {r.throughput:.1f} | "
              f"{len(r.failures)} | {rss:.0f} |", flush=True)  # fmt: skip


def _ratios(values: List[float]) -> str:
    listed = " / ".join(f"{value:.2f}x" for value in values)
    return f"{listed} (median {statistics.median(values):.2f}x)" if len(values) > 1 else listed


def _print(results: List[Result], levels: Sequence[int], rounds: int, pinned: bool) -> None:
    cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")), platform.processor())  # fmt: skip
    placement = "each replica pinned to one core" if pinned else "replicas free to use every core"
    print(f"machine: {os.cpu_count()} cores, {cpu}; PostgreSQL tracker store, Redis lock store; {placement}")
    print("| setup | round | concurrent | messages | p50 ms | p95 ms | p99 ms | msg/s | failed | RSS MB |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for result in results:
        _print_rows(result, levels)
    table = {(name, round_number): reports for name, round_number, reports, _ in results}
    for level in levels:
        per_round = [
            [table[(name, number)][level] for name in ("ours, 1 replica", "ours, 2 replicas", "rasa init, 1 replica", "rasa init, 2 replicas")]
            for number in range(1, rounds + 1)
        ]  # fmt: skip
        threaded = table[("ours, 1 replica, all cores", 1)][level].throughput
        print(f"at {level:>3}: p50 ours/rasa init, 1 replica: {_ratios([o1.percentile(0.5) / b1.percentile(0.5) for o1, _, b1, _ in per_round])}; "
              f"2 replicas: {_ratios([o2.percentile(0.5) / b2.percentile(0.5) for _, o2, _, b2 in per_round])}; "
              f"throughput 2 replicas / 1, ours: {_ratios([o2.throughput / o1.throughput for o1, o2, _, _ in per_round])}; "
              f"rasa init: {_ratios([b2.throughput / b1.throughput for _, _, b1, b2 in per_round])}; "
              f"ours 2 replicas / 1 using all cores: {_ratios([o2.throughput / threaded for _, o2, _, _ in per_round])}")  # fmt: skip
    for name, round_number, reports, _ in results:
        for level in levels:
            for failure in reports[level].failures[:3]:
                print(f"  {name} (round {round_number}) @{level}: {failure.text!r}: {failure.error or failure.problem}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--levels", default="1,10,50,100", help="concurrent conversations, comma-separated")
    parser.add_argument("--messages", type=int, default=10, help="messages per conversation")
    parser.add_argument("--rounds", type=int, default=2, help="times each setup is measured, taking turns")
    parser.add_argument("--no-baseline", action="store_true", help="only ours (for a quick look; no ratios)")
    parser.add_argument("--unpinned", action="store_true", help="let every replica use every core")
    args = parser.parse_args()
    levels = [int(level) for level in args.levels.split(",")]
    if not (ROOT / "models" / "citizen.tar.gz").exists():
        print("models/citizen.tar.gz is missing: run scripts/test first", file=sys.stderr)
        return 1
    pinned = not args.unpinned
    results = asyncio.run(_run(levels, args.messages, args.rounds, with_baseline=not args.no_baseline, pinned=pinned))
    if args.no_baseline:
        return 0
    _print(results, levels, args.rounds, pinned)
    return 0


if __name__ == "__main__":
    sys.exit(main())
