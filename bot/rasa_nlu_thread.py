"""Rasa's NLU pipeline run on its own thread instead of the server's event loop.

Rasa 3.6 parses a message synchronously inside the coroutine that handles it, so while the
sentence encoder, the segmenters and the language identifier work (in a py-spy profile of
`benchmarks/scale_out.py`, about a third of a replica's CPU time went to the encoder
alone), no other conversation on that replica moves: not its database reads, not its
action calls, not its dialogue policies. Here the parse runs on one dedicated thread per
process: messages are still parsed one at a time, in order of arrival (the segmenters'
dictionaries and the encoder need no locking that way), while the event loop serves the
other conversations. The encoder and NumPy release the GIL, so the two overlap on two cores.
"""

from __future__ import annotations

import asyncio
import logging
from concurrent.futures import ThreadPoolExecutor
from typing import Any, Dict, Optional, Text

from rasa.core.channels.channel import UserMessage
from rasa.core.processor import MessageProcessor
from rasa.shared.core.trackers import DialogueStateTracker

logger = logging.getLogger(__name__)

_MARKER = "_citizen_bot_parses_off_loop"
_executor: Optional[ThreadPoolExecutor] = None


def _nlu_executor() -> ThreadPoolExecutor:
    global _executor
    if _executor is None:
        _executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="nlu")
    return _executor


def install_nlu_thread() -> None:
    """Makes `MessageProcessor.parse_message` parse on the NLU thread; idempotent."""
    if getattr(MessageProcessor, _MARKER, False):
        return
    original_parse = MessageProcessor.parse_message

    async def parse_message(
        self: MessageProcessor,
        message: UserMessage,
        tracker: Optional[DialogueStateTracker] = None,
        only_output_properties: bool = True,
    ) -> Dict[Text, Any]:
        if self.http_interpreter:  # a remote NLU server: nothing runs here
            return await original_parse(self, message, tracker, only_output_properties)
        if tracker is None:
            tracker = DialogueStateTracker.from_events(message.sender_id, [])
        parse_data = await asyncio.get_running_loop().run_in_executor(
            _nlu_executor(), self._parse_message_with_graph, message, tracker, only_output_properties
        )
        # The rest of Rasa's own parse_message; the log leaves out the citizen's words.
        self._update_full_retrieval_intent(parse_data)
        logger.debug(
            "processor.message.parse intent=%s entities=%s",
            parse_data["intent"],
            [entity.get("entity") for entity in parse_data.get("entities") or []],
        )
        self._check_for_unseen_features(parse_data)
        return parse_data

    MessageProcessor.parse_message = parse_message  # type: ignore[method-assign]
    setattr(MessageProcessor, _MARKER, True)
