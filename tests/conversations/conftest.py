"""An in-process Rasa agent on the trained model, with the real action server beside it.

The action server runs as its own process (as in production) on a free localhost port,
on a temporary SQLite database that the tests read back to check what was stored.
"""

from __future__ import annotations

import os
import sys
import uuid
from typing import Any, Dict, Iterator, List

import pytest
from rasa.core.agent import Agent
from rasa.core.channels.channel import CollectingOutputChannel, UserMessage
from rasa.utils.endpoints import EndpointConfig

from bot.settings import PROJECT_ROOT
from bot.storage.database import create_database_engine
from bot.storage.records import RecordStore
from tests.fakes.processes import free_port, start, stop, wait_until_healthy

MODEL = PROJECT_ROOT / "models" / "citizen.tar.gz"
#: The NLG endpoints.yml configures, so replies are rendered as in production.
NLG_TYPE = "bot.nlg.rasa_generator.CitizenNaturalLanguageGenerator"


@pytest.fixture(scope="session")
def conversation_db(tmp_path_factory) -> str:
    return f"sqlite:///{tmp_path_factory.mktemp('conversations') / 'citizen.db'}"


@pytest.fixture(scope="session")
def action_server(conversation_db: str, tmp_path_factory) -> Iterator[str]:
    port = free_port()
    log = tmp_path_factory.mktemp("logs") / "actions.log"
    env = {**os.environ, "DATABASE_URL": conversation_db, "PYTHONPATH": str(PROJECT_ROOT)}
    process = start([sys.executable, "-m", "bot.action_server", "--actions", "actions", "--port", str(port)], env, log)
    try:
        wait_until_healthy(f"http://127.0.0.1:{port}/health", process, log)
        yield f"http://127.0.0.1:{port}/webhook"
    finally:
        stop([process])


@pytest.fixture(scope="session")
def agent(action_server: str) -> Agent:
    if not MODEL.exists():
        pytest.fail(f"{MODEL} is missing: scripts/test trains it before running pytest")
    return Agent.load(
        str(MODEL),
        action_endpoint=EndpointConfig(url=action_server),
        generator=EndpointConfig(type=NLG_TYPE),
    )


@pytest.fixture(scope="session")
def records(conversation_db: str) -> RecordStore:
    return RecordStore(create_database_engine(conversation_db))


class Citizen:
    """One citizen talking to the agent over a channel; `say` returns the bot's messages."""

    def __init__(self, agent: Agent, channel: str = "rest") -> None:
        self.agent = agent
        self.channel = channel
        self.sender_id = f"citizen-{uuid.uuid4().hex[:10]}"

    async def say(self, text: str, metadata: Dict[str, Any] | None = None) -> List[Dict[str, Any]]:
        output = CollectingOutputChannel()
        message = UserMessage(text, output, self.sender_id, input_channel=self.channel, metadata=metadata)
        await self.agent.handle_message(message)
        return output.messages

    async def texts(self, text: str, metadata: Dict[str, Any] | None = None) -> List[str]:
        return [m.get("text") or "" for m in await self.say(text, metadata)]

    async def tracker(self):
        return await self.agent.tracker_store.retrieve(self.sender_id)


@pytest.fixture
def citizen(agent: Agent) -> Citizen:
    return Citizen(agent)
