"""Masks e-mail addresses, phone numbers and national ID numbers in free text.

Used before anything a citizen typed is stored for agencies (feedback, complaints,
handoff transcripts, gaps) and before text would leave the machine. Masks name what was
removed ("[phone]") so reviewers still understand the message.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable, List, Sequence

import phonenumbers

from bot.privacy.patterns import (
    EMAIL,
    ID_CANDIDATE,
    LONG_NUMBER,
    PHONE_REGIONS,
    SHAPED_IDS,
    checksummed_id_kind,
)

MASKS = {"email": "[email]", "phone": "[phone]", "id": "[id number]", "number": "[number]"}


@dataclass(frozen=True)
class Finding:
    """A span of personal data and what kind it is."""

    start: int
    end: int
    kind: str  # a key of MASKS


class Redactor:
    """Finds and masks personal data; stateless apart from its phone regions."""

    def __init__(self, phone_regions: Sequence[str] = PHONE_REGIONS) -> None:
        self._regions = tuple(phone_regions)

    def _phones(self, text: str) -> Iterable[Finding]:
        for region in self._regions:
            for match in phonenumbers.PhoneNumberMatcher(text, region, leniency=phonenumbers.Leniency.VALID):
                yield Finding(match.start, match.end, "phone")

    def find(self, text: str) -> List[Finding]:
        """Every span of personal data, left to right, overlaps merged."""
        found: List[Finding] = [Finding(m.start(), m.end(), "email") for m in EMAIL.finditer(text)]
        found += [Finding(m.start(), m.end(), "id") for p in SHAPED_IDS.values() for m in p.finditer(text)]
        found += [
            Finding(m.start(), m.end(), "id")
            for m in ID_CANDIDATE.finditer(text)
            if checksummed_id_kind(m.group(0).strip())
        ]
        found += list(self._phones(text))
        found += [Finding(m.start(), m.end(), "number") for m in LONG_NUMBER.finditer(text)]
        return _merge(found)

    def redact(self, text: str) -> str:
        """`text` with every finding replaced by its mask."""
        if not text:
            return text
        pieces, position = [], 0
        for finding in self.find(text):
            pieces.append(text[position : finding.start])
            pieces.append(MASKS[finding.kind])
            position = finding.end
        pieces.append(text[position:])
        return "".join(pieces)


_PRIORITY = {"email": 0, "id": 1, "phone": 2, "number": 3}


def _merge(findings: List[Finding]) -> List[Finding]:
    """Overlapping findings become one, keeping the most specific kind."""
    merged: List[Finding] = []
    for finding in sorted(findings, key=lambda f: (f.start, -f.end)):
        if merged and finding.start < merged[-1].end:
            last = merged[-1]
            kind = min(last.kind, finding.kind, key=_PRIORITY.__getitem__)
            merged[-1] = Finding(last.start, max(last.end, finding.end), kind)
        else:
            merged.append(finding)
    return merged
