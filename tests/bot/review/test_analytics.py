"""Analytics on the fixture conversations, whose figures are known exactly (see conftest)."""

from __future__ import annotations

import json
from datetime import date

import pytest
from rasa.core.tracker_store import SQLTrackerStore
from sqlalchemy import insert

from bot.review import analytics
from bot.review.accounts import ADMINISTRATOR, OFFICER, User
from bot.review.facts import refresh_facts
from bot.review.scope import Filters, Scope
from bot.storage.database import create_database_engine

ADMIN = User(1, "admin", ADMINISTRATOR, None)
IMMIGRATION = User(2, "immigration", OFFICER, "immigration")
TRANSPORT = User(3, "transport", OFFICER, "land_transport")


@pytest.fixture
def engine(review_db):
    engine = create_database_engine(review_db)
    assert refresh_facts(engine) == 7
    return engine


def _scope(user, catalog, **filters):
    return Scope.of(user, Filters(**filters), catalog)


def test_overview_for_the_administrator(engine, catalog):
    figures = analytics.overview(engine, _scope(ADMIN, catalog))
    assert (figures.conversations, figures.messages, figures.unanswered) == (4, 7, 3)
    assert figures.fallback_rate == pytest.approx(3 / 7) and figures.answered_rate == pytest.approx(4 / 7)
    assert figures.handoff_rate == pytest.approx(1 / 4)
    assert (figures.ratings, figures.average_rating) == (2, 3.0)


def test_an_officer_sees_only_conversations_about_their_agencys_services(engine, catalog):
    figures = analytics.overview(engine, _scope(IMMIGRATION, catalog))
    assert (figures.conversations, figures.messages, figures.unanswered) == (2, 4, 1)
    assert (figures.ratings, figures.average_rating, figures.handoff_rate) == (1, 2.0, 0.5)
    transport = analytics.overview(engine, _scope(TRANSPORT, catalog))
    assert (transport.conversations, transport.messages, transport.unanswered, transport.average_rating) == (
        1,
        2,
        1,
        4.0,
    )


def test_figures_per_language(engine, catalog):
    rows = {row["language"]: row for row in analytics.per_language(engine, _scope(ADMIN, catalog))}
    assert {code: (r["messages"], r["unanswered"], r["ratings"]) for code, r in rows.items()} == {
        "en": (3, 1, 1),
        "th": (3, 1, 1),
        "ur": (1, 1, 0),
    }
    assert rows["ur"]["fallback_rate"] == 1.0 and rows["th"]["average_rating"] == 4.0


def test_filters_by_language_channel_service_and_dates(engine, catalog):
    assert analytics.overview(engine, _scope(ADMIN, catalog, language="th")).messages == 3
    assert analytics.overview(engine, _scope(ADMIN, catalog, channel="telegram")).unanswered == 1
    assert analytics.overview(engine, _scope(ADMIN, catalog, service="passport")).conversations == 2
    one_day = _scope(ADMIN, catalog, start=date(2026, 3, 11), end=date(2026, 3, 11))
    assert (analytics.overview(engine, one_day).messages, analytics.overview(engine, one_day).ratings) == (2, 1)


def test_messages_per_day_and_channel(engine, catalog):
    scope = _scope(ADMIN, catalog)
    assert [(d["day"], d["messages"], d["unanswered"]) for d in analytics.per_day(engine, scope)] == [
        ("2026-03-10", 3, 1),
        ("2026-03-11", 2, 1),
        ("2026-03-12", 2, 1),
    ]
    assert analytics.per_channel(engine, scope) == {"rest": 4, "socketio": 2, "telegram": 1}


def test_services_with_complaints_come_first(engine, catalog):
    rows = analytics.service_quality(engine, _scope(ADMIN, catalog))
    assert [(r["service"], r["complaints"], r["average_rating"]) for r in rows] == [
        ("passport", 1, 2.0),
        ("driving_license", 0, 4.0),
    ]


def test_gaps_are_grouped_with_their_languages(engine, catalog):
    groups = analytics.gap_groups(engine, _scope(ADMIN, catalog))
    assert sorted((g["text"], g["count"], tuple(g["languages"])) for g in groups) == [
        ("how much for the thing", 1, ("en",)),
        ("what's the weather", 1, ("ur",)),
        ("ค่าปรับ", 1, ("th",)),
    ]
    officer = analytics.gap_groups(engine, _scope(IMMIGRATION, catalog))
    assert [g["text"] for g in officer] == ["how much for the thing"]


def test_refreshing_twice_adds_nothing_new(engine):
    assert refresh_facts(engine) == 0


def test_a_message_committed_late_with_a_lower_id_is_still_counted(tmp_path):
    """Two replicas: the one that took id 1 commits after the one that took id 2."""
    engine = create_database_engine(f"sqlite:///{tmp_path / 'late.db'}")
    events = SQLTrackerStore.SQLEvent.__table__
    events.metadata.create_all(engine)

    def said(event_id: int, sender: str) -> None:
        data = {"event": "user", "text": "hi", "timestamp": 1.0, "parse_data": {"intent": {"name": "greet"}}}
        with engine.begin() as connection:
            connection.execute(
                insert(events).values(
                    id=event_id, sender_id=sender, type_name="user", timestamp=1.0, data=json.dumps(data)
                )
            )

    said(2, "second-replica")
    assert refresh_facts(engine) == 1
    said(1, "first-replica")
    assert refresh_facts(engine) == 1
    assert refresh_facts(engine) == 0
