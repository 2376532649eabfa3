"""Right-to-left marking, so every channel shows Urdu and Persian replies right to left.

Channels pick a paragraph's direction from its first strong character, which in our replies
may be a Latin service code or a phone number: each line therefore starts with a
right-to-left mark, and every inserted value is isolated (FSI…PDI) so a Latin reference or
a phone number keeps its own order inside the Arabic-script sentence.
"""

from __future__ import annotations

RLM = "\u200f"
FSI, PDI = "\u2068", "\u2069"


def isolate(value: str) -> str:
    """`value` as a bidirectional isolate, laid out on its own direction."""
    return f"{FSI}{value}{PDI}" if value else value


def right_to_left(text: str) -> str:
    """Marks each line of `text` as right to left (idempotent)."""
    return "\n".join(line if line.startswith(RLM) else RLM + line for line in text.split("\n"))
