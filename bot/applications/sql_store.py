"""The built-in application store on SQL, seeded with demo applications in every status.

It stands in for an agency's case system so the assistant runs with no backend; an agency
with its own system points `APPLICATION_STATUS_URL` at it instead (`http_source.py`).
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Iterable, List, Optional

from sqlalchemy import select
from sqlalchemy.engine import Engine
from sqlalchemy.exc import SQLAlchemyError

from bot.applications.models import Application, ApplicationStatus
from bot.concurrency import run_blocking
from bot.exceptions import StatusServiceUnavailable
from bot.storage.database import applications


def demo_applications(today: date) -> List[Application]:
    """One application per service, covering every status, dated relative to `today`."""
    s = ApplicationStatus

    def app(ref: str, service: str, status: ApplicationStatus, age: int, **extra: str) -> Application:
        return Application(
            reference=ref,
            service_id=service,
            status=status,
            submitted_on=today - timedelta(days=age),
            updated_on=today - timedelta(days=max(age // 3, 1)),
            **extra,
        )

    return [
        app("PSP-204811", "passport", s.IN_REVIEW, 6),
        app("NID-100234", "national_id", s.RECEIVED, 2),
        app("BRC-330917", "birth_certificate", s.READY_FOR_COLLECTION, 9, collection_office="central_civil_registry"),
        app("MRC-412006", "marriage_certificate", s.APPROVED, 12),
        app("DTH-118320", "death_certificate", s.READY_FOR_COLLECTION, 4, collection_office="central_civil_registry"),
        app("DLC-550120", "driving_license", s.APPROVED, 15),
        app("VRG-118406", "vehicle_registration", s.RECEIVED, 1),
        app(
            "BUS-781200",
            "business_registration",
            s.REJECTED,
            20,
            rejection_reason="The proposed business name is already registered. Choose another name and apply again.",
        ),
        app("TAX-250331", "tax_return", s.IN_REVIEW, 30),
        app(
            "SOC-660245",
            "social_assistance",
            s.REJECTED,
            25,
            rejection_reason="The household income stated is above the limit for this benefit.",
        ),
        app("HIN-720019", "health_insurance", s.APPROVED, 8),
        app("PCC-402615", "police_clearance", s.IN_REVIEW, 5),
    ]


class SqlApplicationStore:
    """Looks applications up in the `applications` table."""

    def __init__(self, engine: Engine) -> None:
        self._engine = engine

    def seed(self, items: Iterable[Application]) -> None:
        """Inserts or replaces `items`; running it again gives the same table."""
        rows = [
            {
                "reference": item.reference,
                "service_id": item.service_id,
                "status": item.status.value,
                "submitted_on": item.submitted_on,
                "updated_on": item.updated_on,
                "rejection_reason": item.rejection_reason,
                "collection_office": item.collection_office,
            }
            for item in items
        ]
        with self._engine.begin() as connection:
            connection.execute(
                applications.delete().where(applications.c.reference.in_([r["reference"] for r in rows]))
            )
            connection.execute(applications.insert(), rows)

    def _lookup_sync(self, reference: str) -> Optional[Application]:
        try:
            with self._engine.connect() as connection:
                row = connection.execute(select(applications).where(applications.c.reference == reference)).first()
        except SQLAlchemyError as error:
            raise StatusServiceUnavailable(f"application store failed: {error.__class__.__name__}") from error
        if row is None:
            return None
        values = dict(row._mapping)
        values["status"] = ApplicationStatus(values["status"])
        return Application(**values)

    async def lookup(self, reference: str) -> Optional[Application]:
        return await run_blocking(self._lookup_sync, reference)
