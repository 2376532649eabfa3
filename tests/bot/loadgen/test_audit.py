"""The audit finds every way a tracker store can misremember a conversation."""

from __future__ import annotations

import json
from pathlib import Path

from rasa.core.tracker_store import SQLTrackerStore
from sqlalchemy import create_engine, insert

from bot.loadgen.audit import audit
from bot.loadgen.driver import LoadReport, MessageResult
from bot.loadgen.plans import ConversationPlan, Turn

EVENTS = SQLTrackerStore.SQLEvent.__table__


def _report(texts, errors=None) -> LoadReport:
    errors = errors or {}
    results = [
        MessageResult("c1", i, "en", text, replies=[{"text": f"re {text}"}], error=errors.get(i), delivered=True)
        for i, text in enumerate(texts)
    ]
    plan = ConversationPlan("c1", "en", tuple(Turn(t, "greet") for t in texts))
    return LoadReport(results, 1.0, [plan])


def _store(tmp_path: Path, events):
    engine = create_engine(f"sqlite:///{tmp_path / 'events.db'}")
    EVENTS.metadata.create_all(engine)
    with engine.begin() as connection:
        for n, (kind, payload) in enumerate(events):
            data = json.dumps({"event": kind, **payload})
            connection.execute(insert(EVENTS).values(sender_id="c1", type_name=kind, timestamp=float(n), data=data))
    return engine


def _turn(text):
    return [("user", {"text": text}), ("bot", {"text": f"re {text}"})]


def test_a_faithful_store_passes(tmp_path):
    engine = _store(tmp_path, _turn("hi") + _turn("fee?"))
    assert audit(engine, _report(["hi", "fee?"])) == {}


def test_a_message_stored_twice_is_found(tmp_path):
    engine = _store(tmp_path, _turn("hi") + [("user", {"text": "hi"})] + _turn("fee?"))
    assert "stored twice" in " ".join(audit(engine, _report(["hi", "fee?"]))["c1"])


def test_an_answered_message_missing_is_found(tmp_path):
    engine = _store(tmp_path, _turn("hi"))
    assert "missing" in " ".join(audit(engine, _report(["hi", "fee?"]))["c1"])


def test_messages_out_of_order_are_found(tmp_path):
    engine = _store(tmp_path, _turn("fee?") + _turn("hi"))
    assert audit(engine, _report(["hi", "fee?"]))["c1"]


def test_a_reply_not_stored_is_found(tmp_path):
    engine = _store(tmp_path, _turn("hi") + [("user", {"text": "fee?"})])
    assert "bot messages" in " ".join(audit(engine, _report(["hi", "fee?"]))["c1"])


def test_a_message_lost_in_flight_may_be_stored_once(tmp_path):
    engine = _store(tmp_path, _turn("hi") + _turn("fee?"))
    assert audit(engine, _report(["hi", "fee?"], errors={1: "connection lost: ServerDisconnectedError"})) == {}
