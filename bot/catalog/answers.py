"""Turns a catalog entry and a topic into replies: response names plus their arguments.

Pure functions, so every answer can be tested without Rasa; `actions/` only sends what
these return. Placeholders are filled by the NLG, which lets each language phrase the
sentence its own way around the same values.
"""

from __future__ import annotations

from typing import Any, Dict, List, Optional, TypedDict

from bot import formatting
from bot.catalog.models import LocalizedCatalog, OfficeFacts, OfficeTexts


class Reply(TypedDict, total=False):
    """One bot message, as `dispatcher.utter_message(response=..., buttons=..., **kwargs)` takes it."""

    response: str  # the domain response name, e.g. "utter_answer_fees"
    kwargs: Dict[str, Any]  # values for the response's placeholders
    buttons: List[Dict[str, str]]  # extra buttons: {"title": ..., "payload": ...}


def _reply(response: str, **kwargs: Any) -> Reply:
    return Reply(response=response, kwargs=kwargs)


def _note(text: Optional[str]) -> List[Reply]:
    return [_reply("utter_catalog_note", note=text)] if text else []


def office_reply(office: OfficeFacts, texts: OfficeTexts, language: str) -> Reply:
    """Name, address, opening hours and contact of one office."""
    return _reply(
        "utter_answer_office",
        office_name=texts.name,
        address=texts.address,
        hours=formatting.opening_hours(office.hours, language),
        phone=office.phone,
        email=office.email or "",
    )


def answer_topic(catalog: LocalizedCatalog, service_id: str, topic: str) -> List[Reply]:
    """The replies that answer `topic` (a value of `TOPICS`) about `service_id`."""
    facts, texts = catalog.service(service_id)
    language = catalog.language
    common = {"service_title": texts.title, "service_name": texts.name}
    if topic == "documents":
        return [_reply("utter_answer_documents", documents=formatting.bullet_list(texts.documents), **common)]
    if topic == "fees":
        if facts.fee.amount == 0:
            replies = [_reply("utter_answer_fees_free", **common)]
        else:
            fee = formatting.money(facts.fee.amount, facts.fee.currency, language)
            replies = [_reply("utter_answer_fees", fee=fee, **common)]
        return replies + _note(texts.fee_note)
    if topic == "processing_time":
        days = facts.processing_days
        if days.max == 0:
            reply = _reply("utter_answer_processing_time_same_day", **common)
        elif days.min == days.max:
            reply = _reply("utter_answer_processing_time_fixed", days=formatting.number(days.max, language), **common)
        else:
            reply = _reply(
                "utter_answer_processing_time_range",
                min_days=formatting.number(days.min, language),
                max_days=formatting.number(days.max, language),
                **common,
            )
        return [reply] + _note(texts.processing_note)
    if topic == "eligibility":
        return [_reply("utter_answer_eligibility", eligibility=texts.eligibility, **common)]
    if topic == "how_to_apply":
        replies = [
            _reply(
                "utter_answer_how_to_apply",
                apply_online=texts.apply_online,
                apply_in_person=texts.apply_in_person,
                **common,
            )
        ]
        if facts.online_url:
            replies.append(_reply("utter_answer_apply_link", url=facts.online_url, **common))
        return replies
    if topic == "office":
        return [
            office_reply(office, office_texts, language) for office, office_texts in catalog.offices_for(service_id)
        ]
    raise ValueError(f"unknown topic {topic!r}")


def service_overview(catalog: LocalizedCatalog, service_id: str) -> List[Reply]:
    """What a citizen sees when they name a service without a question about it."""
    _, texts = catalog.service(service_id)
    return [_reply("utter_service_overview", service_title=texts.title, summary=texts.summary)]


def more_about(catalog: LocalizedCatalog, service_id: str) -> Reply:
    """The follow-up offer with a button per topic of the same service."""
    _, texts = catalog.service(service_id)
    return _reply("utter_more_about_service", service=service_id, service_title=texts.title)


def service_buttons(catalog: LocalizedCatalog, intent: str = "inform") -> List[Dict[str, str]]:
    """One button per service, titled from the catalog, answering with the service entity."""
    return [
        {"title": catalog.texts.services[service_id].title, "payload": f'/{intent}{{"service":"{service_id}"}}'}
        for service_id in catalog.facts.services
    ]
