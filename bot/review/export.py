"""Exports: CSV of any table the app shows, and unanswered messages as Rasa NLU YAML.

CSV cells that a spreadsheet would run as a formula (starting with =, +, -, @) are prefixed
with an apostrophe. The NLU export writes one file per language, each message under a
placeholder intent for annotators to replace, in the format `data/nlu/<lang>/` uses.
"""

from __future__ import annotations

import csv
import io
import json
from typing import Any, Dict, Iterable, List, Sequence

from ruamel.yaml import YAML

_FORMULA = ("=", "+", "-", "@", "\t", "\r")
TO_ANNOTATE = "to_annotate"


def _cell(value: Any) -> str:
    if value is None:
        return ""
    text = json.dumps(value, ensure_ascii=False) if isinstance(value, (dict, list)) else str(value)
    return "'" + text if text.startswith(_FORMULA) else text


def to_csv(rows: Iterable[Dict[str, Any]], columns: Sequence[str]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(columns)
    for row in rows:
        writer.writerow([_cell(row.get(column)) for column in columns])
    return buffer.getvalue()


class _Literal(str):
    """A YAML literal block (`examples: |`), as Rasa's own files write examples."""


def _yaml() -> YAML:
    yaml = YAML()
    yaml.default_flow_style = False
    yaml.representer.add_representer(
        _Literal,
        lambda representer, value: representer.represent_scalar("tag:yaml.org,2002:str", str(value), style="|"),
    )
    return yaml


def nlu_yaml_per_language(messages: Iterable[Dict[str, str]]) -> Dict[str, str]:
    """language → a Rasa NLU training-data file with the messages to annotate."""
    by_language: Dict[str, List[str]] = {}
    for message in messages:
        text = " ".join((message.get("text") or "").split())
        if text and text not in by_language.setdefault(message["language"], []):
            by_language[message["language"]].append(text)
    files = {}
    for language, texts in sorted(by_language.items()):
        buffer = io.StringIO()
        buffer.write(f"# Unanswered messages in {language}, exported for annotation: move each to its intent.\n")
        examples = _Literal("".join(f"- {text}\n" for text in texts))
        _yaml().dump({"version": "3.1", "nlu": [{"intent": TO_ANNOTATE, "examples": examples}]}, buffer)
        files[language] = buffer.getvalue()
    return files
