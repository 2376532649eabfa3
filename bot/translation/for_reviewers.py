"""English renderings of what citizens wrote, so an agency can read feedback in every language.

Runs after the citizen has been answered (the action schedules it in the background), so a
slow translator never delays a reply; offline, or when every provider fails, the record is
marked untranslated rather than left out.
"""

from __future__ import annotations

import asyncio
import logging
from typing import Callable, Sequence, Set, Tuple

from bot.concurrency import run_blocking
from bot.exceptions import StoreError
from bot.languages.registry import DEFAULT_LANGUAGE
from bot.storage.records import RecordStore
from bot.translation.service import TranslationService

logger = logging.getLogger(__name__)
_PENDING: Set["asyncio.Task[None]"] = set()


async def store_english_rendering(
    translator: TranslationService,
    records: RecordStore,
    record_kind: str,
    record_id: int,
    text: str,
    language: str,
    glossary: Sequence[Tuple[str, str]] = (),
) -> None:
    """Translates `text` into English (if it is not English) and stores the result or its absence."""
    if language == DEFAULT_LANGUAGE or not text.strip():
        return
    translation = await translator.translate(text, language, DEFAULT_LANGUAGE, glossary)
    try:
        await run_blocking(
            records.add_english_rendering,
            record_kind,
            record_id,
            language,
            translation.text if translation else None,
            translation.provider if translation else None,
        )
    except StoreError:
        logger.exception("could not store the English rendering of %s %s", record_kind, record_id)


def in_background(make: Callable[[], "asyncio.Future[None] | asyncio.Task[None]"]) -> None:
    """Starts a coroutine without awaiting it, keeping a reference until it finishes."""
    task = asyncio.ensure_future(make())
    _PENDING.add(task)
    task.add_done_callback(_PENDING.discard)
