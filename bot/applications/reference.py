"""Finding and normalizing application reference numbers (three letters, dash, six digits).

Citizens type them in lower case, without the dash, with a space, or with their own
script's digits; all of those mean the same application, so they normalize to `PSP-204811`.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Optional

REFERENCE_EXAMPLE = "PSP-204811"

REFERENCE_PATTERN = re.compile(r"(?<![A-Za-z0-9])([A-Za-z]{3})[-‐‑–—\s]?(\d{6})(?![A-Za-z0-9])")
_ATTEMPT = re.compile(r"\d{3,}|[A-Za-z]{2,4}[-\s]?\d+")


def fold_digits(text: str) -> str:
    """NFKC (full-width letters and digits) plus every script's decimal digits as 0–9."""
    folded = unicodedata.normalize("NFKC", text)
    return "".join(
        str(unicodedata.decimal(char)) if char.isdecimal() and not char.isascii() else char for char in folded
    )


def find_reference(text: str) -> Optional[str]:
    """The first well-formed reference in `text`, normalized, or None."""
    match = REFERENCE_PATTERN.search(fold_digits(text))
    if not match:
        return None
    return f"{match.group(1).upper()}-{match.group(2)}"


def looks_like_reference_attempt(text: str) -> bool:
    """Whether `text` seems to be a reference typed wrong (digits or letters-and-digits)."""
    return bool(_ATTEMPT.search(fold_digits(text)))
