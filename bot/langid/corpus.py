"""Reads the training data as (text, language) pairs: a file's folder is its language."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Iterator, Tuple

from bot.content_files import read_yaml_mapping
from bot.languages import is_supported

_ANNOTATION = re.compile(r"\[([^\]]*)\](?:\{[^}]*\}|\([^)]*\))")


def plain_text(example: str) -> str:
    """An NLU example without its entity markup: `[KTP]{...}` → `KTP`."""
    return _ANNOTATION.sub(r"\1", example).strip()


def labelled_examples(nlu_dir: Path) -> Iterator[Tuple[str, str]]:
    """Every example under `nlu_dir/<language>/*.yml` with its language code."""
    for folder in sorted(path for path in nlu_dir.iterdir() if path.is_dir() and is_supported(path.name)):
        for path in sorted(folder.glob("*.yml")):
            for block in read_yaml_mapping(path).get("nlu") or []:
                for line in str(block.get("examples") or "").splitlines():
                    line = line.strip()
                    if line.startswith("- "):
                        text = plain_text(line[2:])
                        if text:
                            yield text, folder.name
