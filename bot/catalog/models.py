"""Schemas of the catalog files, checked when they are loaded.

Pydantic (v1, pinned by Rasa) reports the exact field that is wrong, which the loader turns
into an error naming the file and the field. Unknown keys are errors too, so a typo in an
agency's file does not silently drop content.
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Dict, List, Optional, Tuple

from pydantic import BaseModel, Extra, Field, conlist, constr, root_validator, validator

#: The contract's service ids (CONTRACT.md), in the order buttons show them.
SERVICE_IDS: Tuple[str, ...] = (
    "passport",
    "national_id",
    "birth_certificate",
    "marriage_certificate",
    "death_certificate",
    "driving_license",
    "vehicle_registration",
    "business_registration",
    "tax_return",
    "social_assistance",
    "health_insurance",
    "police_clearance",
)

#: What a citizen can ask about a service, keyed by the intent that asks it.
TOPICS: Dict[str, str] = {
    "ask_documents": "documents",
    "ask_fees": "fees",
    "ask_processing_time": "processing_time",
    "ask_eligibility": "eligibility",
    "ask_how_to_apply": "how_to_apply",
    "ask_office": "office",
}

WEEKDAYS: Tuple[str, ...] = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
_TIME = re.compile(r"^([01]\d|2[0-3]):[0-5]\d$")

NonEmptyText = constr(strip_whitespace=True, min_length=1)


class _Strict(BaseModel):
    class Config:
        extra = Extra.forbid
        allow_mutation = False


class Fee(_Strict):
    amount: Decimal = Field(..., ge=0)
    currency: constr(regex=r"^[A-Z]{3}$")  # ISO 4217


class DayRange(_Strict):
    min: int = Field(..., ge=0)
    max: int = Field(..., ge=0)

    @root_validator(skip_on_failure=True)
    def _min_not_above_max(cls, values: dict) -> dict:
        if values["min"] > values["max"]:
            raise ValueError("min must not be greater than max")
        return values


class OpeningHours(_Strict):
    days: conlist(str, min_items=1)
    opens: str
    closes: str

    @validator("days", each_item=True)
    def _known_day(cls, day: str) -> str:
        if day not in WEEKDAYS:
            raise ValueError(f"unknown day {day!r}, use one of {', '.join(WEEKDAYS)}")
        return day

    @validator("opens", "closes")
    def _clock_time(cls, value: str) -> str:
        if not _TIME.match(value):
            raise ValueError(f"{value!r} is not a time like 08:30")
        return value

    @root_validator(skip_on_failure=True)
    def _opens_before_closing(cls, values: dict) -> dict:
        if values["opens"] >= values["closes"]:
            raise ValueError("opens must be earlier than closes")
        return values


class OfficeFacts(_Strict):
    agency: str
    phone: NonEmptyText
    email: Optional[constr(regex=r"^[^@\s]+@[^@\s]+\.[^@\s]+$")] = None
    hours: conlist(OpeningHours, min_items=1)


class AgencyFacts(_Strict):
    contact_office: str


class ServiceFacts(_Strict):
    agency: str
    fee: Fee
    processing_days: DayRange
    online_url: Optional[constr(regex=r"^https?://\S+$")] = None
    offices: conlist(str, min_items=1)
    reference_prefix: constr(regex=r"^[A-Z]{3}$")


class CatalogFacts(_Strict):
    """`services.yml`: the language-neutral facts."""

    contact_centre: str
    agencies: Dict[str, AgencyFacts]
    offices: Dict[str, OfficeFacts]
    services: Dict[str, ServiceFacts]


class AgencyTexts(_Strict):
    name: NonEmptyText


class OfficeTexts(_Strict):
    name: NonEmptyText
    address: NonEmptyText


class ServiceTexts(_Strict):
    name: NonEmptyText
    title: NonEmptyText
    summary: NonEmptyText
    documents: conlist(NonEmptyText, min_items=1)
    eligibility: NonEmptyText
    apply_online: NonEmptyText
    apply_in_person: NonEmptyText
    fee_note: Optional[NonEmptyText] = None
    processing_note: Optional[NonEmptyText] = None


class CatalogTexts(_Strict):
    """`<language>.yml`: the texts of one language."""

    language: str
    agencies: Dict[str, AgencyTexts]
    offices: Dict[str, OfficeTexts]
    services: Dict[str, ServiceTexts]


class Catalog(BaseModel):
    """The whole catalog: facts plus texts per language code."""

    facts: CatalogFacts
    texts: Dict[str, CatalogTexts]

    class Config:
        allow_mutation = False

    def localized(self, language: str, fallback: str = "en") -> "LocalizedCatalog":
        """The catalog as seen in `language`, or in `fallback` where it has no file."""
        texts = self.texts.get(language) or self.texts[fallback]
        return LocalizedCatalog(facts=self.facts, texts=texts)


class LocalizedCatalog(BaseModel):
    """Facts joined with the texts of one language, as answers need them."""

    facts: CatalogFacts
    texts: CatalogTexts

    class Config:
        allow_mutation = False

    @property
    def language(self) -> str:
        return self.texts.language

    def service(self, service_id: str) -> Tuple[ServiceFacts, ServiceTexts]:
        """Facts and texts of a service; `KeyError` for an unknown id."""
        return self.facts.services[service_id], self.texts.services[service_id]

    def office(self, office_id: str) -> Tuple[OfficeFacts, OfficeTexts]:
        return self.facts.offices[office_id], self.texts.offices[office_id]

    def offices_for(self, service_id: str) -> List[Tuple[OfficeFacts, OfficeTexts]]:
        return [self.office(office_id) for office_id in self.facts.services[service_id].offices]

    def contact_office_for(self, service_id: Optional[str]) -> Tuple[OfficeFacts, OfficeTexts]:
        """The office a citizen should call about `service_id`, else the contact centre."""
        if service_id and service_id in self.facts.services:
            agency = self.facts.services[service_id].agency
            return self.office(self.facts.agencies[agency].contact_office)
        return self.office(self.facts.contact_centre)
