"""The reply to an application status look-up, one response per status."""

from __future__ import annotations

from bot import formatting
from bot.applications.models import Application, ApplicationStatus
from bot.catalog.answers import Reply
from bot.catalog.models import LocalizedCatalog


def status_reply(application: Application, catalog: LocalizedCatalog) -> Reply:
    """What to tell the citizen about `application`, in the catalog's language."""
    language = catalog.language
    services = catalog.texts.services
    service_title = (
        services[application.service_id].title if application.service_id in services else application.service_id
    )
    kwargs = {
        "reference": application.reference,
        "service_title": service_title,
        "submitted_on": formatting.calendar_date(application.submitted_on, language),
        "updated_on": formatting.calendar_date(application.updated_on, language),
    }
    if application.status is ApplicationStatus.REJECTED:
        kwargs["reason"] = application.rejection_reason or ""
    if application.status is ApplicationStatus.READY_FOR_COLLECTION:
        office_id = application.collection_office
        if office_id not in catalog.facts.offices:
            office, texts = catalog.contact_office_for(application.service_id)
        else:
            office, texts = catalog.office(office_id)
        kwargs.update(
            office_name=texts.name, address=texts.address, hours=formatting.opening_hours(office.hours, language)
        )
    return Reply(response=f"utter_status_{application.status.value}", kwargs=kwargs)


def contact_kwargs(catalog: LocalizedCatalog, service_id: str | None) -> dict:
    """Name, phone, e-mail and hours of the office to contact about `service_id`."""
    office, texts = catalog.contact_office_for(service_id)
    return {
        "office_name": texts.name,
        "phone": office.phone,
        "email": office.email or "",
        "hours": formatting.opening_hours(office.hours, catalog.language),
    }
