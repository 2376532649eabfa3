"""Reply rendering time per path, side by side with Rasa's stock templated NLG (the baseline).

Paths, each rendering `utter_answer_fees` with its values N times:

- baseline: Rasa's `TemplatedNaturalLanguageGenerator` filling the English domain response;
- curated: our renderer with the curated Thai text (what every contract language gets);
- cache hit: a reply without curated text, its machine translation in the SQLite cache;
- cache miss: the same, translated each time by a LibreTranslate stand-in on localhost
  through deep-translator (a real HTTP round trip, no cache).

Target: curated and cache-hit paths add under 5 ms a reply over the baseline.
Usage: .venv/bin/python benchmarks/reply_rendering.py [--rounds N]
"""

from __future__ import annotations

import argparse
import asyncio
import platform
import statistics
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Awaitable, Callable, Dict, List, Optional

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from rasa.core.nlg.response import TemplatedNaturalLanguageGenerator  # noqa: E402

from bot.catalog import load_catalog  # noqa: E402
from bot.glossary import load_glossary  # noqa: E402
from bot.glossary.terms import term_pairs  # noqa: E402
from bot.nlg.renderer import ReplyRenderer  # noqa: E402
from bot.privacy import Redactor  # noqa: E402
from bot.responses import ResponseTexts, load_response_texts  # noqa: E402
from bot.responses.templates import read_domain_responses  # noqa: E402
from bot.settings import TranslationSettings  # noqa: E402
from bot.storage.database import create_database_engine  # noqa: E402
from bot.translation.cache import CacheKey, SqlTranslationCache  # noqa: E402
from bot.translation.providers import build_providers  # noqa: E402
from bot.translation.service import TranslationService  # noqa: E402
from tests.fakes.libretranslate import LibreTranslateStandIn  # noqa: E402

REPLY = "utter_answer_fees"
VALUES = {"service_title": "หนังสือเดินทาง", "service_name": "หนังสือเดินทาง", "fee": "60.00 ดอลลาร์สหรัฐ"}


class NoCache:
    """Forgets everything, so every render is a cache miss."""

    async def get(self, key: CacheKey) -> Optional[str]:
        return None

    async def put(self, key: CacheKey, translation: str) -> None:
        return None


async def _time(label: str, rounds: int, render: Callable[[], Awaitable[object]]) -> Dict[str, float]:
    await render()  # warm-up
    samples: List[float] = []
    for _ in range(rounds):
        started = time.perf_counter()
        await render()
        samples.append((time.perf_counter() - started) * 1000)
    samples.sort()
    return {"p50": statistics.median(samples), "p95": samples[int(0.95 * (len(samples) - 1))], "n": len(samples)}


def _without_curated_reply(texts: ResponseTexts) -> ResponseTexts:
    translations = {lang: dict(entries) for lang, entries in texts.translations.items()}
    translations["th"].pop(REPLY)
    return ResponseTexts(source=texts.source, translations=translations)


async def main(rounds: int) -> None:
    domain_responses = read_domain_responses(ROOT / "domain.yml")
    texts = load_response_texts(ROOT / "content" / "responses", domain_responses)
    pairs = term_pairs(load_glossary(ROOT / "content" / "glossary"), load_catalog(ROOT / "content" / "catalog"))
    stand_in = LibreTranslateStandIn().start()
    executor = ThreadPoolExecutor(max_workers=4)
    settings = TranslationSettings(providers=("libre",), libretranslate_url=stand_in.url)
    engine = create_database_engine(f"sqlite:///{tempfile.mkdtemp()}/bench.db")
    cached = TranslationService(build_providers(settings, executor), SqlTranslationCache(engine), Redactor().redact)
    uncached = TranslationService(build_providers(settings, executor), NoCache(), Redactor().redact)
    stock = TemplatedNaturalLanguageGenerator(domain_responses)
    curated = ReplyRenderer(texts, pairs)
    gap = _without_curated_reply(texts)
    with_cache, without_cache = ReplyRenderer(gap, pairs, cached), ReplyRenderer(gap, pairs, uncached)

    async def baseline() -> object:
        return stock.generate_from_slots(REPLY, {}, "rest", **VALUES)

    results = {
        "baseline (Rasa templated, en)": await _time("baseline", rounds, baseline),
        "curated (th)": await _time("curated", rounds, lambda: curated.render(REPLY, "th", VALUES)),
        "machine, cache hit (th)": await _time("hit", rounds, lambda: with_cache.render(REPLY, "th", VALUES)),
        "machine, cache miss (th)": await _time("miss", rounds, lambda: without_cache.render(REPLY, "th", VALUES)),
    }
    stand_in.stop()
    executor.shutdown(wait=False)
    base = results["baseline (Rasa templated, en)"]["p50"]
    print(f"reply rendering, {rounds} renders per path; {platform.processor() or platform.machine()}")
    print(f"{'path':32} {'p50 ms':>9} {'p95 ms':>9} {'added p50 ms':>13} {'ratio':>8}")
    for label, figures in results.items():
        added = figures["p50"] - base
        print(f"{label:32} {figures['p50']:9.3f} {figures['p95']:9.3f} {added:13.3f} {figures['p50'] / base:8.1f}x")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rounds", type=int, default=300)
    asyncio.run(main(parser.parse_args().rounds))
