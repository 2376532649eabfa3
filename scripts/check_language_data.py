"""Checks one language's NLU data and names before they are used: counts, entities, overlap.

Usage: .venv/bin/python scripts/check_language_data.py LANG [LANG ...]
Exits non-zero and lists every problem found. The test suite runs the same checks for
every language folder (tests/data/test_language_data.py).
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path
from typing import Dict, List

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from rasa.shared.nlu.training_data.loading import load_data  # noqa: E402

from bot.catalog import SERVICE_IDS  # noqa: E402
from bot.entities import Gazetteer, find_ratings, find_references  # noqa: E402
from bot.exceptions import ContentError  # noqa: E402
from bot.languages import LANGUAGES  # noqa: E402
from bot.names import load_names  # noqa: E402
from bot.names.loader import language_terms, load_name_file, service_terms  # noqa: E402

INTENTS = (
    "greet", "goodbye", "thank", "affirm", "deny", "bot_challenge", "help", "ask_documents", "ask_fees",
    "ask_processing_time", "ask_eligibility", "ask_how_to_apply", "ask_office", "check_application_status",
    "give_feedback", "complain", "request_human", "change_language", "inform", "out_of_scope",
)  # fmt: skip
#: Languages whose citizens also write romanized (Latin letters) or code-mixed text.
MIXED_SLICES = {"hi": "latn", "ur": "latn", "bn": "latn", "ne": "latn", "fil": "mixed", "ms": "mixed"}
MIN_TRAIN, MIN_TRAIN_SLICE, MIN_HELD_OUT, MIN_HELD_OUT_SLICE = 12, 5, 5, 3


def _messages(path: Path) -> List:
    return list(load_data(str(path)).intent_examples) if path.exists() else []


def _count_problems(label: str, messages: List, minimum: int) -> List[str]:
    counts = Counter(m.get("intent") for m in messages)
    problems = [f"{label}: unknown intent {i!r}" for i in counts if i not in INTENTS]
    problems += [f"{label}: {i} has {counts[i]} examples, needs {minimum}" for i in INTENTS if counts[i] < minimum]
    return problems


def _entity_problems(label: str, messages: List, services: Gazetteer, languages: Gazetteer) -> List[str]:
    problems = []
    for message in messages:
        text = message.get("text")
        for entity in message.get("entities", []):
            kind, value = entity["entity"], entity["value"]
            span = (entity["start"], entity["end"])
            if kind == "service":
                ok = value in SERVICE_IDS and any(
                    m.value == value and m.start < span[1] and span[0] < m.end for m in services.find(text)
                )
            elif kind == "language":
                ok = value in LANGUAGES and any(
                    m.value == value and m.start < span[1] and span[0] < m.end for m in languages.find(text)
                )
            elif kind == "reference_number":
                ok = any(m.start < span[1] and span[0] < m.end for m in find_references(text))
            elif kind == "rating":
                ok = value in {"1", "2", "3", "4", "5"} and any(m.value == value for m in find_ratings(text))
            else:
                ok = False
            if not ok:
                problems.append(f"{label}: {kind}={value!r} not found by the extractor in {text!r}")
    return problems


def _conflicting_names(names: Dict) -> List[str]:
    """A name that means two different services (or languages) in any two files."""
    problems = []
    for section in ("services", "languages"):
        meaning: Dict[str, tuple] = {}
        for code, file in names.items():
            for value, terms in getattr(file, section).items():
                for term in terms:
                    key = term.casefold().strip()
                    if key in meaning and meaning[key][0] != value:
                        problems.append(
                            f"names: {term!r} is {meaning[key][0]} in {meaning[key][1]}.yml but {value} in {code}.yml"
                        )
                    meaning.setdefault(key, (value, code))
    return problems


def check_language(code: str) -> List[str]:
    """Every problem with LANG's training data, held-out data and names file."""
    problems: List[str] = []
    if code not in LANGUAGES:
        return [f"{code} is not a contract language"]
    try:
        load_name_file(ROOT / "content" / "names" / f"{code}.yml")
        names = load_names(ROOT / "content" / "names")
    except ContentError as error:
        return [str(error)]
    problems += _conflicting_names(names)
    services, languages = Gazetteer(service_terms(names)), Gazetteer(language_terms(names))
    folder = ROOT / "data" / "nlu" / code
    slice_name = MIXED_SLICES.get(code)
    slice_file = folder / f"{slice_name}.yml" if slice_name else None
    native = [m for path in sorted(folder.glob("*.yml")) if path != slice_file for m in _messages(path)]
    sliced = _messages(slice_file) if slice_file else []
    held_out = _messages(ROOT / "tests" / "nlu" / f"{code}.yml")
    held_out_slice = _messages(ROOT / "tests" / "nlu" / f"{code}-{slice_name}.yml") if slice_name else []
    sets: Dict[str, List] = {"train": native, "held-out": held_out}
    problems += _count_problems(f"{code} train", native, MIN_TRAIN)
    problems += _count_problems(f"{code} held-out", held_out, MIN_HELD_OUT)
    if slice_name:
        sets.update({f"train {slice_name}": sliced, f"held-out {slice_name}": held_out_slice})
        problems += _count_problems(f"{code} train {slice_name}", sliced, MIN_TRAIN_SLICE)
        problems += _count_problems(f"{code} held-out {slice_name}", held_out_slice, MIN_HELD_OUT_SLICE)
    for label, messages in sets.items():
        problems += _entity_problems(f"{code} {label}", messages, services, languages)
    trained = {m.get("text").casefold().strip() for m in native + sliced}
    problems += [
        f"{code}: held-out example also in training: {m.get('text')!r}"
        for m in held_out + held_out_slice
        if m.get("text").casefold().strip() in trained
    ]
    texts = [m.get("text").casefold().strip() for m in native + sliced]
    problems += [f"{code}: duplicate training example {t!r}" for t, n in Counter(texts).items() if n > 1]
    return problems


def main(codes: List[str]) -> int:
    failed = False
    for code in codes:
        problems = check_language(code)
        for problem in problems:
            print(problem)
        print(f"{code}: {'OK' if not problems else f'{len(problems)} problems'}")
        failed = failed or bool(problems)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:] or ["en"]))
