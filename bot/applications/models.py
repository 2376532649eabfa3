"""The status record of one application, whatever system it comes from."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import Enum
from typing import Optional


class ApplicationStatus(str, Enum):
    """The stages an application goes through; each has its own reply."""

    RECEIVED = "received"
    IN_REVIEW = "in_review"
    APPROVED = "approved"
    READY_FOR_COLLECTION = "ready_for_collection"
    REJECTED = "rejected"


@dataclass(frozen=True)
class Application:
    """What the assistant may tell a citizen about an application: no personal data."""

    reference: str  # normalized, e.g. "PSP-204811"
    service_id: str  # a contract service id
    status: ApplicationStatus
    submitted_on: date
    updated_on: date
    rejection_reason: Optional[str] = None  # only for REJECTED
    collection_office: Optional[str] = None  # an office id, for READY_FOR_COLLECTION
