"""Checks one language's curated replies, catalog texts and glossary against the English source.

Usage: .venv/bin/python scripts/check_translations.py LANG [LANG ...]
Prints every problem and exits non-zero, or prints OK. The tests run the same checks for
every contract language (tests/data/test_translations.py).
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import List

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bot.translation_check import translation_problems  # noqa: E402


def main(languages: List[str]) -> int:
    failed = False
    for language in languages:
        problems = translation_problems(ROOT / "content", ROOT / "domain.yml", language)
        failed = failed or bool(problems)
        print(f"{language}: {'OK' if not problems else f'{len(problems)} problems'}")
        for problem in problems:
            print(f"  {problem}")
    return 1 if failed else 0


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    sys.exit(main(sys.argv[1:]))
