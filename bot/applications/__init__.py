"""Application status: reference numbers, the status record, and where statuses come from."""

from bot.applications.models import Application, ApplicationStatus
from bot.applications.reference import REFERENCE_EXAMPLE, find_reference, looks_like_reference_attempt
from bot.applications.source import ApplicationStatusSource

__all__ = [
    "Application",
    "ApplicationStatus",
    "ApplicationStatusSource",
    "REFERENCE_EXAMPLE",
    "find_reference",
    "looks_like_reference_attempt",
]
