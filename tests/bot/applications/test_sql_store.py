"""The built-in application store answers for every demo status."""

from __future__ import annotations

import pytest
from sqlalchemy import create_engine

from bot.applications import ApplicationStatus
from bot.applications.sql_store import SqlApplicationStore, demo_applications
from bot.exceptions import StatusServiceUnavailable
from bot.storage.database import create_database_engine
from tests.conftest import TODAY


@pytest.fixture
def store(database_url) -> SqlApplicationStore:
    store = SqlApplicationStore(create_database_engine(database_url))
    store.seed(demo_applications(TODAY))
    return store


def test_demo_data_covers_every_status_and_every_service(catalog):
    demo = demo_applications(TODAY)
    assert {a.status for a in demo} == set(ApplicationStatus)
    assert {a.service_id for a in demo} == set(catalog.facts.services)
    for application in demo:
        assert application.reference.startswith(catalog.facts.services[application.service_id].reference_prefix)
        if application.status is ApplicationStatus.REJECTED:
            assert application.rejection_reason
        if application.collection_office:
            assert application.collection_office in catalog.facts.offices


async def test_lookup_finds_a_seeded_application(store):
    application = await store.lookup("PSP-204811")
    assert application is not None
    assert (application.service_id, application.status) == ("passport", ApplicationStatus.IN_REVIEW)


async def test_lookup_of_unknown_reference_is_none(store):
    assert await store.lookup("XYZ-999999") is None


async def test_seeding_twice_keeps_one_row_per_reference(store):
    store.seed(demo_applications(TODAY))
    assert (await store.lookup("BUS-781200")).status is ApplicationStatus.REJECTED


async def test_broken_database_means_unavailable_not_a_crash(tmp_path):
    store = SqlApplicationStore(create_engine(f"sqlite:///{tmp_path / 'empty.db'}"))
    with pytest.raises(StatusServiceUnavailable):
        await store.lookup("PSP-204811")
