"""What each simulated citizen says: ten turns of a realistic visit, in one language.

Turns are drawn from the language's own training data (data/nlu/<code>/), so every
contract language is exercised the way its citizens write, without a second copy of
phrases to keep in step. Annotations (`[passport](service)`) are stripped to plain text.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Dict, List, Sequence, Tuple

import yaml

#: The visit: hello, four questions about a service, an application status, small talk, bye.
VISIT: Tuple[Tuple[str, str], ...] = (
    ("greet", ""),
    ("ask_fees", "service"),
    ("ask_documents", "service"),
    ("ask_processing_time", "service"),
    ("ask_office", "service"),
    ("ask_how_to_apply", "service"),
    ("check_application_status", "reference_number"),
    ("bot_challenge", ""),
    ("thank", ""),
    ("goodbye", ""),
)
_ANNOTATION = re.compile(r"\[([^\]]+)\](?:\([^)]*\)|\{[^}]*\})")
_SLICES = ("latn", "mixed")  # romanized and code-mixed files: not the language's own script


@dataclass(frozen=True)
class Turn:
    text: str
    intent: str


@dataclass(frozen=True)
class ConversationPlan:
    conversation_id: str
    language: str
    turns: Tuple[Turn, ...]
    ordinal: int = 0  # spreads conversations over the targets


def plain_text(example: str) -> str:
    """`[PSP-204811](reference_number) status?` → `PSP-204811 status?`."""
    return _ANNOTATION.sub(r"\1", example).strip()


def _examples(folder: Path) -> Dict[str, List[str]]:
    """Raw (annotated) examples per intent of one language's own files."""
    found: Dict[str, List[str]] = {}
    for path in sorted(folder.glob("*.yml")):
        if path.stem in _SLICES:
            continue
        for block in (yaml.safe_load(path.read_text(encoding="utf-8")) or {}).get("nlu", []):
            if "intent" in block:
                lines = [line[2:] for line in str(block.get("examples", "")).splitlines() if line.startswith("- ")]
                found.setdefault(block["intent"], []).extend(lines)
    return found


class PhraseBook:
    """Per language and intent, the phrases a simulated citizen may say."""

    def __init__(self, nlu_dir: Path, languages: Sequence[str]) -> None:
        self._phrases: Dict[str, Dict[str, List[str]]] = {}
        for language in languages:
            examples = _examples(nlu_dir / language)
            by_intent: Dict[str, List[str]] = {}
            for intent, entity in VISIT:
                candidates = examples.get(intent, [])
                wanted = [text for text in candidates if f"{entity})" in text or f'"{entity}"' in text]
                chosen = [plain_text(text) for text in (wanted if entity and wanted else candidates)]
                if not chosen:
                    raise ValueError(f"data/nlu/{language} has no example of {intent}")
                by_intent[intent] = chosen
            self._phrases[language] = by_intent

    @property
    def languages(self) -> List[str]:
        return sorted(self._phrases)

    def plan(
        self, conversation_id: str, language: str, messages: int, rng: random.Random, ordinal: int = 0
    ) -> ConversationPlan:
        """`messages` turns of the visit (repeated from the start when longer than it)."""
        intents = [VISIT[index % len(VISIT)][0] for index in range(messages)]
        turns = tuple(Turn(rng.choice(self._phrases[language][intent]), intent) for intent in intents)
        return ConversationPlan(conversation_id, language, turns, ordinal)


def plans(
    book: PhraseBook, conversations: int, messages: int, seed: int, languages: Sequence[str], prefix: str
) -> List[ConversationPlan]:
    """`conversations` plans, languages taken in turn so every one is loaded alike."""
    rng = random.Random(seed)
    chosen = [languages[index % len(languages)] for index in range(conversations)]
    return [
        book.plan(f"{prefix}-{index:05d}-{language}", language, messages, rng, ordinal=index)
        for index, language in enumerate(chosen)
    ]
