"""The assistant scaled out as deploy/ describes, on real servers: PostgreSQL and Redis
from Debian's packages, two Rasa replicas on `deploy/endpoints.yml`, one action server,
and a translator configured but unreachable (every translator down, for the whole run).

One cluster serves the module (two replicas take about a minute to load); the tests that
break it (action server stopped, database restarted, replica killed) repair what they
break or run last.
"""

from __future__ import annotations

import os
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Dict, Iterator, List

import pytest
from sqlalchemy import create_engine
from sqlalchemy.engine import Engine

from bot.settings import PROJECT_ROOT
from tests.conversations.conftest import MODEL
from tests.fakes.processes import free_port, start, stop, wait_until_healthy
from tests.fakes.servers import PostgresServer, RedisServer


@dataclass
class Cluster:
    replicas: List[str]
    env: Dict[str, str]
    postgres: PostgresServer
    redis: RedisServer
    workdir: Path
    processes: Dict[str, subprocess.Popen] = field(default_factory=dict)
    action_port: int = 0

    @property
    def engine(self) -> Engine:
        return create_engine(self.postgres.url)

    def log(self, name: str) -> Path:
        return self.workdir / f"{name}.log"

    def start_action_server(self) -> None:
        command = [sys.executable, "-m", "bot.action_server", "--actions", "actions", "--port", str(self.action_port)]
        self.processes["actions"] = start(command, self.env, self.log("actions"))
        wait_until_healthy(
            f"http://127.0.0.1:{self.action_port}/health", self.processes["actions"], self.log("actions")
        )


def _replica_command(port: int) -> List[str]:
    return [
        sys.executable, "-m", "rasa", "run", "--model", str(MODEL), "--port", str(port),
        "--interface", "127.0.0.1", "--endpoints", "deploy/endpoints.yml", "--credentials", "credentials.yml",
        "--enable-api",
    ]  # fmt: skip


@pytest.fixture(scope="module")
def cluster(tmp_path_factory) -> Iterator[Cluster]:
    workdir = tmp_path_factory.mktemp("cluster")
    postgres, redis = PostgresServer().start(), RedisServer().start()
    action_port = free_port()
    env = {
        **os.environ,
        "PYTHONPATH": str(PROJECT_ROOT),
        "RASA_TELEMETRY_ENABLED": "false",
        "DATABASE_URL": postgres.url,
        "LOCK_STORE_URL": f"{redis.url}/1",
        "TRANSLATION_CACHE_URL": f"{redis.url}/0",
        "TRANSLATION_PROVIDERS": "libre",
        "LIBRETRANSLATE_URL": f"http://127.0.0.1:{free_port()}",  # nothing listens: every translator down
        "ACTION_ENDPOINT_URL": f"http://127.0.0.1:{action_port}/webhook",
        "TICKET_LOCK_LIFETIME": "10",
        # One replica per core, as deploy/ configures (README: several replicas).
        "OMP_NUM_THREADS": "1",
        "TF_INTRA_OP_PARALLELISM_THREADS": "1",
        "TF_INTER_OP_PARALLELISM_THREADS": "1",
        "SQL_POOL_SIZE": "20",
    }
    cluster = Cluster([], env, postgres, redis, workdir, action_port=action_port)
    try:
        cluster.start_action_server()
        ports = [free_port(), free_port()]
        for number, port in enumerate(ports, start=1):
            cluster.processes[f"rasa-{number}"] = start(_replica_command(port), env, cluster.log(f"rasa-{number}"))
            cluster.replicas.append(f"http://127.0.0.1:{port}")
        with ThreadPoolExecutor(2) as pool:
            waits = [
                pool.submit(
                    wait_until_healthy, f"{url}/status", cluster.processes[f"rasa-{n}"], cluster.log(f"rasa-{n}"), 300
                )
                for n, url in enumerate(cluster.replicas, start=1)
            ]
            for wait in waits:
                wait.result()
        yield cluster
    finally:
        stop(list(cluster.processes.values()))
        redis.stop()
        postgres.stop()
