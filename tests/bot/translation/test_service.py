"""The translation layer through deep-translator's LibreTranslate path, against stand-ins on localhost."""

from __future__ import annotations

import time

from bot.translation.cache import MemoryTranslationCache
from tests.fakes.translation import libre_service


async def test_a_translation_comes_back_from_the_service(stand_ins, executor):
    service = libre_service([stand_ins[0].url], executor)
    result = await service.translate("Your application is ready.", "en", "th")
    assert result is not None
    assert (result.text, result.provider, result.cached) == ("th: Your application is ready.", "libre0", False)
    assert [(r.source, r.target) for r in stand_ins[0].received] == [("en", "th")]


async def test_provider_language_codes_are_used(stand_ins, executor):
    service = libre_service([stand_ins[0].url], executor)
    await service.translate("Hello", "en", "fil")
    await service.translate("Hello", "en", "zh-Hant")
    assert [r.target for r in stand_ins[0].received] == ["tl", "zt"]


async def test_a_language_the_provider_lacks_is_not_sent(stand_ins, executor):
    service = libre_service([stand_ins[0].url], executor)
    assert await service.translate("Hello", "en", "fj") is None
    assert stand_ins[0].received == []


async def test_a_slow_service_times_out_and_the_next_one_answers(stand_ins, executor):
    stand_ins[0].behaviour.mode, stand_ins[0].behaviour.delay = "slow", 5.0
    service = libre_service([stand_ins[0].url, stand_ins[1].url], executor, timeout=0.5)
    started = time.monotonic()
    result = await service.translate("Bring your receipt.", "en", "vi")
    assert result is not None and result.provider == "libre1"
    assert time.monotonic() - started < 2.0
    assert len(stand_ins[0].received) == 1


async def test_a_failing_service_fails_over(stand_ins, executor):
    stand_ins[0].behaviour.mode = "error"
    service = libre_service([stand_ins[0].url, stand_ins[1].url], executor)
    result = await service.translate("Bring your receipt.", "en", "vi")
    assert result is not None and result.provider == "libre1"


async def test_a_rate_limited_service_fails_over_and_is_left_alone_for_a_while(stand_ins, executor):
    stand_ins[0].behaviour.mode = "rate_limited"
    service = libre_service([stand_ins[0].url, stand_ins[1].url], executor)
    first = await service.translate("First text.", "en", "ko")
    second = await service.translate("Second text.", "en", "ko")
    assert first.provider == second.provider == "libre1"
    assert len(stand_ins[0].received) == 1  # not asked again after its 429


async def test_when_every_service_fails_there_is_no_translation(stand_ins, executor):
    for stand_in in stand_ins:
        stand_in.behaviour.mode = "error"
    service = libre_service([s.url for s in stand_ins], executor)
    assert await service.translate("Bring your receipt.", "en", "vi") is None


async def test_when_every_service_hangs_the_budget_is_kept(stand_ins, executor):
    for stand_in in stand_ins:
        stand_in.behaviour.mode = "hang"
    service = libre_service([s.url for s in stand_ins], executor, timeout=3.0, budget=3.5)
    started = time.monotonic()
    assert await service.translate("Bring your receipt.", "en", "vi") is None
    assert time.monotonic() - started < 3.9


async def test_a_cached_translation_does_not_call_the_service_again(stand_ins, executor):
    cache = MemoryTranslationCache()
    service = libre_service([stand_ins[0].url], executor, cache=cache)
    first = await service.translate("Opening hours", "en", "id")
    second = await service.translate("Opening hours", "en", "id")
    assert first.text == second.text and (first.cached, second.cached) == (False, True)
    assert len(stand_ins[0].received) == 1


async def test_a_cached_translation_is_served_while_the_service_is_down(stand_ins, executor):
    service = libre_service([stand_ins[0].url], executor)
    await service.translate("Opening hours", "en", "id")
    stand_ins[0].behaviour.mode = "error"
    result = await service.translate("Opening hours", "en", "id")
    assert result is not None and result.cached


async def test_protected_spans_reach_the_citizen_intact(stand_ins, executor):
    service = libre_service([stand_ins[0].url], executor)
    text = "Apply for a Passport at https://services.example/passport, reference PSP-204811, fee USD 80."
    result = await service.translate(text, "en", "th", glossary=[("Passport", "หนังสือเดินทาง")])
    sent = stand_ins[0].received[0].text
    for span in ("Passport", "https://services.example/passport", "PSP-204811", "USD 80"):
        assert span not in sent
    assert "หนังสือเดินทาง" in result.text
    for span in ("https://services.example/passport", "PSP-204811", "USD 80"):
        assert span in result.text


async def test_placeholder_values_are_inserted_after_translation_and_never_sent(stand_ins, executor):
    service = libre_service([stand_ins[0].url], executor)
    result = await service.translate(
        "Application {reference} was approved on {updated_on}.",
        "en",
        "vi",
        values={"reference": "NID-100234", "updated_on": "12 thg 3, 2026"},
    )
    assert "NID-100234" not in stand_ins[0].received[0].text
    assert "12 thg 3, 2026" not in stand_ins[0].received[0].text
    assert result.text.startswith("vi: Application NID-100234 was approved on 12 thg 3, 2026")


async def test_personal_data_never_reaches_the_service(stand_ins, executor):
    service = libre_service([stand_ins[0].url], executor)
    comment = "Tawagan po ako sa +63 917 123 4567 o mag-email sa maria.santos@example.com, salamat"
    await service.translate(comment, "fil", "en")
    sent = stand_ins[0].received[0].text
    assert "917" not in sent and "maria.santos" not in sent and "example.com" not in sent


async def test_a_translation_that_loses_a_protected_span_is_rejected(stand_ins, executor):
    stand_ins[0].behaviour.translated = lambda text, target: "garbled"
    service = libre_service([stand_ins[0].url, stand_ins[1].url], executor)
    result = await service.translate("Reference PSP-204811 is ready.", "en", "tr")
    assert result is not None and result.provider == "libre1" and "PSP-204811" in result.text
