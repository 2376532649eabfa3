"""`rasa data validate`, failing on every warning except responses that only actions send.

Rasa warns that a response is "not used in any story or rule" when a custom action sends
it; those are fine if the name really appears in `actions/` or `bot/`. Anything else
(unknown intents, entities, slots, conflicts) fails the run.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
UNUSED = re.compile(r"The utterance '(\w+)' is not used in any story or rule")
WARNING = re.compile(r"UserWarning: (.*)")


def code_mentions(name: str) -> bool:
    """Whether Python code sends the response `name` (literally or by its prefix)."""
    sources = [
        path.read_text(encoding="utf-8") for folder in ("actions", "bot") for path in (ROOT / folder).rglob("*.py")
    ]
    candidates = [name] + [name[:cut] for cut in range(len(name), 6, -1) if name[cut - 1] == "_"]
    return any(f'"{candidate}' in source for candidate in candidates for source in sources)


def main() -> int:
    result = subprocess.run(
        [str(ROOT / ".venv" / "bin" / "rasa"), "data", "validate"], cwd=ROOT, capture_output=True, text=True
    )
    output = result.stdout + result.stderr
    problems = []
    for line in output.splitlines():
        unused = UNUSED.search(line)
        if unused:
            if not code_mentions(unused.group(1)):
                problems.append(f"response {unused.group(1)} is used nowhere")
            continue
        warning = WARNING.search(line)
        if warning and "Slot auto-fill has been removed" not in warning.group(1):
            problems.append(warning.group(1))
    if result.returncode != 0:
        problems.append(f"rasa data validate exited with {result.returncode}")
    for problem in problems:
        print(f"validate: {problem}", file=sys.stderr)
    if problems:
        print(output[-3000:], file=sys.stderr)
        return 1
    print("rasa data validate: clean (responses sent only by actions are checked against the code)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
