"""Real PostgreSQL and Redis servers from Debian's packages, private to a test run.

Each gets its own data folder and a free localhost port, so nothing on the machine is
touched (no system cluster, no service manager). PostgreSQL refuses to run as root, so
as root its commands run as the `postgres` user the Debian package creates.
"""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
import time
from pathlib import Path
from typing import List, Optional

from tests.fakes.processes import free_port


def _postgres_bin() -> Path:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/pg_ctl"))
    if not found:
        raise RuntimeError("PostgreSQL is not installed: the test command installs Debian's postgresql")
    return Path(found[-1]).parent


class PostgresServer:
    """A throwaway PostgreSQL cluster on 127.0.0.1 with a database `citizen`."""

    def __init__(self) -> None:
        self.bin = _postgres_bin()
        self.port = free_port()
        self.folder = Path(tempfile.mkdtemp(prefix="citizen-pg-"))
        self.data = self.folder / "data"
        self.log = self.folder / "postgres.log"
        self._as_owner: List[str] = []
        if os.geteuid() == 0:
            shutil.chown(self.folder, "postgres", "postgres")
            self._as_owner = ["runuser", "-u", "postgres", "--"]

    @property
    def url(self) -> str:
        return f"postgresql://citizen:citizen@127.0.0.1:{self.port}/citizen"

    def _run(self, *command: str, check: bool = True) -> subprocess.CompletedProcess:
        return subprocess.run(
            [*self._as_owner, *command], check=check, capture_output=True, text=True, cwd=self.folder, timeout=120
        )

    def _ctl(self, action: str, *extra: str) -> None:
        options = f"-p {self.port} -k {self.folder} -c listen_addresses=127.0.0.1 -c max_connections=300"
        self._run(
            str(self.bin / "pg_ctl"), action, "-D", str(self.data), "-l", str(self.log), "-w", "-o", options, *extra
        )

    def start(self) -> "PostgresServer":
        password_file = self.folder / "password"
        password_file.write_text("citizen\n")
        if os.geteuid() == 0:
            shutil.chown(password_file, "postgres", "postgres")
        self._run(
            str(self.bin / "initdb"), "-D", str(self.data), "-U", "citizen", "--pwfile", str(password_file),
            "-A", "scram-sha-256", "-E", "UTF8", "--locale", "C.UTF-8",
        )  # fmt: skip
        self._ctl("start")
        env = {**os.environ, "PGPASSWORD": "citizen"}
        subprocess.run(
            [str(self.bin / "createdb"), "-h", "127.0.0.1", "-p", str(self.port), "-U", "citizen", "citizen"],
            check=True, env=env, capture_output=True, timeout=60,
        )  # fmt: skip
        return self

    def restart(self, down_seconds: float = 0.0) -> None:
        """Stops (cutting open connections, as a fail-over or an upgrade does), waits, starts."""
        self._run(str(self.bin / "pg_ctl"), "stop", "-D", str(self.data), "-m", "fast", "-w")
        time.sleep(down_seconds)
        self._ctl("start")

    def stop(self) -> None:
        if self.data.exists():
            self._run(str(self.bin / "pg_ctl"), "stop", "-D", str(self.data), "-m", "immediate", check=False)
        shutil.rmtree(self.folder, ignore_errors=True)


class RedisServer:
    """A Redis server on 127.0.0.1 that keeps nothing on disk."""

    def __init__(self) -> None:
        self.port = free_port()
        self.process: Optional[subprocess.Popen] = None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}"

    def start(self) -> "RedisServer":
        binary = shutil.which("redis-server")
        if not binary:
            raise RuntimeError("Redis is not installed: the test command installs Debian's redis-server")
        command = [binary, "--port", str(self.port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"]
        self.process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT)
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=0.5):
                    return self
            except OSError:
                time.sleep(0.1)
        raise RuntimeError("redis-server did not start")

    def stop(self) -> None:
        if self.process:
            self.process.terminate()
            self.process.wait(timeout=10)
