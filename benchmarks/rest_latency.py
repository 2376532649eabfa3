"""REST round-trip latency and throughput of the running assistant, against a baseline.

Starts the action server and Rasa on free localhost ports (a temporary SQLite database),
then drives conversations through the REST channel at 1 and 10 concurrent conversations.
Two workloads run side by side in the same run:

- catalog: questions answered by custom actions from the catalog and the application store;
- baseline: small talk answered by plain domain responses (no action server call).

The ratio catalog/baseline is what our actions add to Rasa's own cost. Bounded in count
and time, loopback only. Usage: .venv/bin/python benchmarks/rest_latency.py [--rounds N]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import platform
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path
from typing import Dict, List, Sequence

import aiohttp

ROOT = Path(__file__).resolve().parent.parent
VENV_BIN = ROOT / ".venv" / "bin"
WORKLOADS: Dict[str, Sequence[str]] = {
    "catalog": (
        "how much is a passport?",
        "and how long does it take?",
        "what documents do I need?",
        "status of PSP-204811",
        "where is the office for a driving licence?",
    ),
    "baseline": ("hello", "are you a bot?", "what can you do?", "thanks", "bye"),
}
TIME_LIMIT_SECONDS = 600


def _resident_mb(pid: int) -> float:
    """Resident memory of a process and its children (Rasa may fork), from /proc."""
    total = 0
    pids = [pid] + [int(child) for child in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    for each in pids:
        for line in Path(f"/proc/{each}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                total += int(line.split()[1])
    return total / 1024


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _start_servers(workdir: Path) -> tuple:
    action_port, rasa_port = _free_port(), _free_port()
    env = {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{workdir / 'bench.db'}",
        "PYTHONPATH": str(ROOT),
        "TF_CPP_MIN_LOG_LEVEL": "2",
        "RASA_TELEMETRY_ENABLED": "false",
    }
    endpoints = workdir / "endpoints.yml"
    endpoints.write_text(
        f"action_endpoint:\n  url: http://127.0.0.1:{action_port}/webhook\n"
        "tracker_store:\n  type: bot.storage.tracker_store.UrlSQLTrackerStore\n"
        "nlg:\n  type: bot.nlg.rasa_generator.CitizenNaturalLanguageGenerator\n"
    )
    logs = [open(workdir / "actions.log", "w"), open(workdir / "rasa.log", "w")]
    actions = subprocess.Popen(
        [sys.executable, "-m", "bot.action_server", "--actions", "actions", "--port", str(action_port)],
        cwd=ROOT,
        env=env,
        stdout=logs[0],
        stderr=subprocess.STDOUT,
    )
    rasa = subprocess.Popen(
        [
            str(VENV_BIN / "rasa"),
            "run",
            "--model",
            "models/citizen.tar.gz",
            "--port",
            str(rasa_port),
            "--interface",
            "127.0.0.1",
            "--endpoints",
            str(endpoints),
            "--credentials",
            "credentials.yml",
            "--enable-api",
        ],
        cwd=ROOT,
        env=env,
        stdout=logs[1],
        stderr=subprocess.STDOUT,
    )
    return f"http://127.0.0.1:{rasa_port}", [actions, rasa]


async def _wait_ready(base_url: str, seconds: float = 180) -> None:
    deadline = time.monotonic() + seconds
    async with aiohttp.ClientSession() as session:
        while time.monotonic() < deadline:
            try:
                async with session.get(f"{base_url}/status", timeout=aiohttp.ClientTimeout(total=2)) as response:
                    if response.status == 200 and (await response.json()).get("model_file"):
                        return
            except (aiohttp.ClientError, asyncio.TimeoutError):
                pass
            await asyncio.sleep(1)
    raise RuntimeError("Rasa did not become ready")


async def _conversation(
    session: aiohttp.ClientSession, url: str, messages: Sequence[str], latencies: List[float]
) -> int:
    sender, errors = f"bench-{uuid.uuid4().hex[:12]}", 0
    for text in messages:
        started = time.perf_counter()
        async with session.post(
            url, json={"sender": sender, "message": text}, timeout=aiohttp.ClientTimeout(total=30)
        ) as response:
            replies = await response.json()
        latencies.append(time.perf_counter() - started)
        if response.status != 200 or not replies:
            errors += 1
    return errors


async def _run(base_url: str, workload: str, concurrency: int, rounds: int) -> Dict[str, float]:
    url = f"{base_url}/webhooks/rest/webhook"
    latencies: List[float] = []
    async with aiohttp.ClientSession() as session:
        started = time.perf_counter()
        errors = 0
        for _ in range(rounds):
            results = await asyncio.gather(
                *(_conversation(session, url, WORKLOADS[workload], latencies) for _ in range(concurrency))
            )
            errors += sum(results)
        elapsed = time.perf_counter() - started
    ordered = sorted(latencies)
    return {
        "p50_ms": statistics.median(ordered) * 1000,
        "p95_ms": ordered[max(0, int(len(ordered) * 0.95) - 1)] * 1000,
        "throughput": len(ordered) / elapsed,
        "messages": len(ordered),
        "errors": errors,
    }


async def _benchmark(rounds: int) -> None:
    with tempfile.TemporaryDirectory() as scratch:
        base_url, processes = _start_servers(Path(scratch))
        try:
            await _wait_ready(base_url)
            for workload in WORKLOADS:  # warm-up: load models, open connections
                await _run(base_url, workload, 1, 1)
            results = {}
            for concurrency in (1, 10):
                for workload in WORKLOADS:
                    results[(workload, concurrency)] = await asyncio.wait_for(
                        _run(base_url, workload, concurrency, rounds), TIME_LIMIT_SECONDS
                    )
            rss_mb = _resident_mb(processes[1].pid)
        finally:
            for process in processes:
                process.terminate()
                process.wait(timeout=30)
    cpu = next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        ),
        platform.processor(),
    )
    print(f"machine: {os.cpu_count()} cores, {cpu}, Python {platform.python_version()}, SQLite tracker store")
    print(f"Rasa server resident memory after the run: {rss_mb:.0f} MB")
    print(f"{'conc':>4} {'workload':>9} {'msgs':>5} {'p50 ms':>8} {'p95 ms':>8} {'msg/s':>7} {'errors':>6}")
    for (workload, concurrency), r in results.items():
        print(
            f"{concurrency:>4} {workload:>9} {r['messages']:>5} {r['p50_ms']:>8.1f} {r['p95_ms']:>8.1f} {r['throughput']:>7.1f} {r['errors']:>6}"
        )
    for concurrency in (1, 10):
        catalog, baseline = results[("catalog", concurrency)], results[("baseline", concurrency)]
        print(
            f"ratio catalog/baseline at {concurrency:>2}: p50 {catalog['p50_ms'] / baseline['p50_ms']:.2f}x, "
            f"p95 {catalog['p95_ms'] / baseline['p95_ms']:.2f}x, throughput {catalog['throughput'] / baseline['throughput']:.2f}x"
        )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=6, help="conversations per concurrent slot (default 6)")
    args = parser.parse_args()
    if not (ROOT / "models" / "citizen.tar.gz").exists():
        print("models/citizen.tar.gz is missing: run scripts/run or scripts/test first", file=sys.stderr)
        return 1
    asyncio.run(_benchmark(max(1, min(args.rounds, 50))))
    return 0


if __name__ == "__main__":
    sys.exit(main())
