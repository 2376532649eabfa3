"""`python -m bot.loadgen --url http://127.0.0.1:5005 --conversations 200 --messages 10`

Prints latency percentiles, throughput and every failure; with `--database-url`, also
audits the tracker store. Exits 1 when a message failed, a reply was wrong or the audit
found a problem.
"""

from __future__ import annotations

import argparse
import asyncio
import sys
import uuid
from collections import Counter
from typing import List, Optional

from sqlalchemy import create_engine

from bot.languages import LANGUAGES
from bot.loadgen.audit import audit
from bot.loadgen.driver import LoadError, LoadReport, drive
from bot.loadgen.plans import PhraseBook, plans
from bot.settings import PROJECT_ROOT


def _arguments(argv: Optional[List[str]]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m bot.loadgen", description=__doc__)
    parser.add_argument("--url", action="append", required=True, help="a Rasa replica on this machine (repeat)")
    parser.add_argument("--conversations", type=int, default=100)
    parser.add_argument("--messages", type=int, default=10, help="messages per conversation")
    parser.add_argument("--concurrency", type=int, help="conversations at once (default: all)")
    parser.add_argument("--time-limit", type=float, default=600, help="seconds; later messages are not sent")
    parser.add_argument("--languages", default=",".join(sorted(LANGUAGES)), help="comma-separated codes")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--database-url", help="audit this tracker store afterwards")
    return parser.parse_args(argv)


def summary(report: LoadReport) -> str:
    lines = [
        f"messages: {len(report.results)} sent, {len(report.answered)} answered, {len(report.failures)} failed",
        f"latency: p50 {report.percentile(0.5) * 1000:.0f} ms, p95 {report.percentile(0.95) * 1000:.0f} ms, "
        f"p99 {report.percentile(0.99) * 1000:.0f} ms; throughput {report.throughput:.1f} messages/s "
        f"over {report.seconds:.1f} s",
        "per language: "
        + ", ".join(f"{code} {n}" for code, n in sorted(Counter(r.language for r in report.answered).items())),
    ]
    for failure in report.failures[:20]:
        lines.append(
            f"  {failure.conversation_id}#{failure.index} {failure.text!r}: {failure.error or failure.problem}"
        )
    return "\n".join(lines)


def main(argv: Optional[List[str]] = None) -> int:
    args = _arguments(argv)
    languages = [code.strip() for code in args.languages.split(",") if code.strip()]
    unknown = sorted(set(languages) - set(LANGUAGES))
    if unknown:
        print(f"unknown language codes: {unknown}", file=sys.stderr)
        return 2
    book = PhraseBook(PROJECT_ROOT / "data" / "nlu", languages)
    prefix = f"load-{uuid.uuid4().hex[:8]}"
    conversation_plans = plans(book, args.conversations, args.messages, args.seed, languages, prefix)
    try:
        report = asyncio.run(
            drive(args.url, conversation_plans, args.concurrency or args.conversations, args.time_limit)
        )
    except LoadError as error:
        print(f"refused: {error}", file=sys.stderr)
        return 2
    print(summary(report))
    problems = {}
    if args.database_url:
        problems = audit(create_engine(args.database_url), report)
        print(f"audit: {len(problems)} conversations with problems of {len(conversation_plans)}")
        for conversation_id, found in list(problems.items())[:20]:
            print(f"  {conversation_id}: {'; '.join(found)}")
    return 1 if report.failures or problems else 0


if __name__ == "__main__":
    sys.exit(main())
