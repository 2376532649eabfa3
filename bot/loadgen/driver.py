"""Drives conversations concurrently through the REST channel and records every reply.

Each simulated citizen sends its turns one after another (waiting for the reply, as a
person does); conversations run side by side up to `concurrency`. Messages of one
conversation go to the targets in turn, so with two replicas every conversation is read
and written by both: what one stored, the other must see.

A target that refuses the connection is taken out and the message goes to the next one
(nothing was delivered, so this is safe, as a load balancer does). A connection lost after
the request was sent is reported, not retried: the replica may have stored the message.
"""

from __future__ import annotations

import asyncio
import ipaddress
import socket
import sys
import time
from dataclasses import dataclass, field
from typing import Any, Dict, List, Optional, Sequence
from urllib.parse import urlsplit

import aiohttp

from bot.langid.text_check import language_problem
from bot.loadgen.plans import ConversationPlan
from bot.nlg.bidi import FSI, PDI, RLM

REST_PATH = "/webhooks/rest/webhook"
MAX_CONVERSATIONS = 10_000
MAX_MESSAGES = 50
MAX_SECONDS = 3_600
_MARKS = {ord(mark): None for mark in (FSI, PDI, RLM)}


class LoadError(ValueError):
    """A load run that must not start (not loopback, out of bounds)."""


@dataclass
class MessageResult:
    conversation_id: str
    index: int
    language: str
    text: str
    target: str = ""
    latency: float = 0.0
    replies: List[Dict[str, Any]] = field(default_factory=list)
    error: Optional[str] = None  # the request failed (HTTP status, connection, timeout)
    delivered: bool = False  # the replica may have received it (for the audit)
    problem: Optional[str] = None  # answered, but the reply is wrong (empty, wrong language)

    @property
    def ok(self) -> bool:
        return self.error is None and self.problem is None


@dataclass
class LoadReport:
    results: List[MessageResult]
    seconds: float
    plans: List[ConversationPlan]

    @property
    def answered(self) -> List[MessageResult]:
        return [result for result in self.results if result.error is None]

    @property
    def failures(self) -> List[MessageResult]:
        return [result for result in self.results if not result.ok]

    def percentile(self, fraction: float) -> float:
        """Latency percentile (seconds) of answered messages, nearest rank."""
        latencies = sorted(result.latency for result in self.answered)
        if not latencies:
            return float("nan")
        return latencies[min(len(latencies) - 1, max(0, round(fraction * len(latencies)) - 1))]

    @property
    def throughput(self) -> float:
        return len(self.answered) / self.seconds if self.seconds else 0.0


def require_loopback(url: str) -> None:
    """Refuses any target that is not this machine: the generator must never load a service."""
    host = urlsplit(url).hostname or ""
    try:
        addresses = {info[4][0] for info in socket.getaddrinfo(host, None)}
    except socket.gaierror:
        raise LoadError(f"cannot resolve {host!r}") from None
    if not addresses or not all(ipaddress.ip_address(address.split("%")[0]).is_loopback for address in addresses):
        raise LoadError(f"{url} is not a loopback address; the load generator only drives this machine")


def check_reply(replies: List[Dict[str, Any]], language: str) -> Optional[str]:
    """Why a reply is not what a citizen should get, or None."""
    texts = [str(reply["text"]).translate(_MARKS) for reply in replies if reply.get("text")]
    if not texts:
        return "no reply"
    # Judged on its prose: lines with digits or an @ are addresses, hours, phones, e-mails,
    # often written in Latin letters whatever the language (Ring Road No. 200, Capital City).
    prose = "\n".join(
        line for text in texts for line in text.splitlines() if not any(ch.isdigit() or ch == "@" for ch in line)
    )
    # A reply's many short lines (titles, lists) are no ground to tell Indonesian from Malay
    # or Hindi from Nepali: only a reply in another language altogether is a failure here.
    problem = language_problem(prose, language, close_pair_words=sys.maxsize)
    return f"reply {prose[:60]!r} {problem}" if problem else None


class _Targets:
    def __init__(self, urls: Sequence[str]) -> None:
        self.urls = [url.rstrip("/") for url in urls]
        self.down: set = set()

    def pick(self, turn: int) -> Optional[str]:
        for offset in range(len(self.urls)):
            url = self.urls[(turn + offset) % len(self.urls)]
            if url not in self.down:
                return url
        return None


async def _send(
    session: aiohttp.ClientSession, targets: _Targets, result: MessageResult, body: dict, turn: int
) -> None:
    while (target := targets.pick(turn)) is not None:
        result.target = target
        started = time.perf_counter()
        try:
            async with session.post(target + REST_PATH, json=body) as response:
                result.delivered = True
                result.latency = time.perf_counter() - started
                if response.status != 200:
                    result.error = f"HTTP {response.status}"
                    return
                replies = await response.json(content_type=None)
                result.replies = replies if isinstance(replies, list) else []
                return
        except aiohttp.ClientConnectorError:
            targets.down.add(target)  # refused: nothing delivered, try the next target
        except (aiohttp.ClientError, asyncio.TimeoutError) as error:
            result.delivered = True
            result.error = f"connection lost: {type(error).__name__}"
            return
    result.error = "no target reachable"


async def _converse(
    session: aiohttp.ClientSession, targets: _Targets, plan: ConversationPlan, deadline: float
) -> List[MessageResult]:
    results = []
    for index, turn in enumerate(plan.turns):
        result = MessageResult(plan.conversation_id, index, plan.language, turn.text)
        results.append(result)
        if time.monotonic() > deadline:
            result.error = "not sent: time limit"
            continue
        body: Dict[str, Any] = {"sender": plan.conversation_id, "message": turn.text}
        if index == 0:
            body["metadata"] = {"language_hint": plan.language}  # as the widget and Telegram do
        await _send(session, targets, result, body, plan.ordinal + index)
        if result.error is None:
            result.problem = check_reply(result.replies, plan.language)
    return results


async def drive(
    urls: Sequence[str],
    plans: Sequence[ConversationPlan],
    concurrency: int,
    time_limit: float,
    request_timeout: float = 300.0,
) -> LoadReport:
    """Runs every plan against `urls` with at most `concurrency` conversations at once."""
    if not urls:
        raise LoadError("no target")
    for url in urls:
        require_loopback(url)
    if len(plans) > MAX_CONVERSATIONS or any(len(plan.turns) > MAX_MESSAGES for plan in plans):
        raise LoadError(f"at most {MAX_CONVERSATIONS} conversations of {MAX_MESSAGES} messages")
    if not 0 < time_limit <= MAX_SECONDS:
        raise LoadError(f"the time limit must be between 0 and {MAX_SECONDS} seconds")
    targets = _Targets(urls)
    gate = asyncio.Semaphore(max(1, concurrency))
    deadline = time.monotonic() + time_limit
    # A new connection per message: a kept-alive one can be closed by the server (Sanic
    # closes idle ones after 5 s) just as a message goes out, which would look like a crash.
    connector = aiohttp.TCPConnector(limit=max(1, concurrency), force_close=True)
    timeout = aiohttp.ClientTimeout(total=request_timeout)

    async def one(plan: ConversationPlan) -> List[MessageResult]:
        async with gate:
            return await _converse(session, targets, plan, deadline)

    started = time.perf_counter()
    async with aiohttp.ClientSession(connector=connector, timeout=timeout) as session:
        batches = await asyncio.gather(*(one(plan) for plan in plans))
    seconds = time.perf_counter() - started
    return LoadReport([result for batch in batches for result in batch], seconds, list(plans))
