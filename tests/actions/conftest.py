"""Tracker fixtures for action tests: the shape rasa-sdk receives from Rasa."""

from __future__ import annotations

import time
from typing import Any, Dict, List, Optional, Sequence

import pytest
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher
from ruamel.yaml import YAML

import actions.common
from bot.services import Services
from bot.settings import PROJECT_ROOT


@pytest.fixture(scope="session")
def domain() -> Dict[str, Any]:
    return YAML(typ="safe", pure=True).load((PROJECT_ROOT / "domain.yml").read_text(encoding="utf-8"))


@pytest.fixture(autouse=True)
def action_services(monkeypatch, services: Services) -> Services:
    """Actions use the test's services (temporary database) instead of the process-wide ones."""
    monkeypatch.setattr(actions.common, "get_services", lambda: services)
    return services


@pytest.fixture
def dispatcher() -> CollectingDispatcher:
    return CollectingDispatcher()


def user_message(
    text: str,
    intent: Optional[str] = None,
    entities: Sequence[Dict[str, Any]] = (),
    confidence: float = 0.95,
    ranking: Optional[List[Dict[str, Any]]] = None,
) -> Dict[str, Any]:
    """A parse result as the NLU pipeline produces it."""
    return {
        "text": text,
        "intent": {"name": intent, "confidence": confidence},
        "entities": [{"entity": e, "value": v} for entity in entities for e, v in entity.items()],
        "intent_ranking": ranking or [{"name": intent, "confidence": confidence}],
        "language": "en",
        "language_confidence": 0.5,
    }


def make_tracker(
    message: Dict[str, Any],
    slots: Optional[Dict[str, Any]] = None,
    history: Sequence[Dict[str, Any]] = (),
    sender_id: str = "citizen-1",
    channel: str = "rest",
) -> Tracker:
    """A tracker whose latest event is `message`, after the `history` events."""
    events: List[Dict[str, Any]] = list(history) + [
        {
            "event": "user",
            "text": message["text"],
            "parse_data": message,
            "input_channel": channel,
            "timestamp": time.time(),
        }
    ]
    all_slots = {"language": "en", "requested_slot": None, **(slots or {})}
    return Tracker(sender_id, all_slots, message, events, False, None, {}, "action_listen")


def responses(dispatcher: CollectingDispatcher) -> List[str]:
    return [message["response"] for message in dispatcher.messages]
