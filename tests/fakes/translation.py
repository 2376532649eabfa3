"""Fixtures: stand-ins of LibreTranslate on localhost, and services built on the real provider code."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from typing import Iterator, List

import pytest

from bot.privacy import Redactor
from bot.settings import TranslationSettings
from bot.translation.cache import MemoryTranslationCache
from bot.translation.providers import build_providers
from bot.translation.service import TranslationService
from tests.fakes.libretranslate import LibreTranslateStandIn, StandIn


@pytest.fixture
def stand_ins() -> Iterator[List[LibreTranslateStandIn]]:
    """Two independent stand-ins: the first and second provider of a failover chain."""
    started = [LibreTranslateStandIn(StandIn()).start(), LibreTranslateStandIn(StandIn()).start()]
    yield started
    for stand_in in started:
        stand_in.stop()


@pytest.fixture
def executor() -> Iterator[ThreadPoolExecutor]:
    pool = ThreadPoolExecutor(max_workers=4)
    yield pool
    pool.shutdown(wait=False, cancel_futures=True)


def libre_service(urls: List[str], executor, timeout: float = 1.0, budget: float = 3.5, cache=None):
    """A translation service whose providers are the real LibreTranslate adapter, one per URL."""
    providers = []
    for index, url in enumerate(urls):
        settings = TranslationSettings(providers=("libre",), libretranslate_url=url, timeout=timeout)
        [provider] = build_providers(settings, executor)
        provider.name = f"libre{index}"
        providers.append(provider)
    return TranslationService(providers, cache or MemoryTranslationCache(), Redactor().redact, budget=budget)


class EchoTranslator:
    """An in-process provider that answers every text as `<target>: <text>`."""

    name = "echo"

    def supports(self, language: str) -> bool:
        return True

    async def translate(self, text: str, source: str, target: str) -> str:
        return f"{target}: {text}"


def echo_service() -> TranslationService:
    """A translation service whose only provider is `EchoTranslator`, without redaction."""
    return TranslationService([EchoTranslator()], MemoryTranslationCache(), lambda text: text)
