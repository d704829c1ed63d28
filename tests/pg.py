"""A throwaway PostgreSQL server on loopback for tests (Debian's `postgresql` package).

Root cannot run postgres: as root the cluster is created and started as the `postgres` user.
With CI=true an unavailable PostgreSQL fails the test run instead of skipping it.
"""

from __future__ import annotations

import glob
import os
import shutil
import subprocess
import tempfile
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from benchmarks.load import free_port


def pg_bin(name: str) -> str | None:
    found = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"))
    return found[-1] if found else shutil.which(name)


def unavailable(reason: str) -> None:
    message = f"PostgreSQL tidak tersedia: {reason} (make test memasang paket Debian postgresql)"
    if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
        pytest.fail(message)
    pytest.skip(message)


def _as_postgres(cmd: list[str]) -> list[str]:
    return ["runuser", "-u", "postgres", "--", *cmd] if os.geteuid() == 0 else cmd


class PgServer:
    """One cluster in a temp dir, on a free loopback port; can be stopped and started again."""

    def __init__(self) -> None:
        self.initdb, self.pg_ctl = pg_bin("initdb"), pg_bin("pg_ctl")
        if not self.initdb or not self.pg_ctl:
            unavailable("initdb/pg_ctl tidak ditemukan")
        self.root = Path(tempfile.mkdtemp(prefix="asisten-pg-"))
        self.data, self.port = self.root / "data", free_port()
        if os.geteuid() == 0:
            shutil.chown(self.root, "postgres", "postgres")
        init = [self.initdb, "-D", str(self.data), "-U", "postgres", "--auth=trust", "-E", "UTF8"]
        run = subprocess.run(_as_postgres(init), capture_output=True, text=True)
        if run.returncode != 0:
            shutil.rmtree(self.root, ignore_errors=True)
            unavailable(f"initdb gagal: {run.stderr[-300:]}")
        self.url = f"postgresql://postgres@127.0.0.1:{self.port}"

    def _ctl(self, *args: str) -> subprocess.CompletedProcess:
        cmd = [str(self.pg_ctl), "-D", str(self.data), *args]
        return subprocess.run(_as_postgres(cmd), capture_output=True, text=True)

    def start(self) -> None:
        options = f"-c listen_addresses=127.0.0.1 -p {self.port} -k {self.root} -c fsync=off"
        done = self._ctl("-o", options, "-l", str(self.root / "log"), "-w", "start")
        if done.returncode != 0:
            unavailable(f"postgres tidak mau mulai: {done.stderr[-300:]}")

    def stop(self) -> None:
        self._ctl("-m", "fast", "-w", "stop")

    def remove(self) -> None:
        self._ctl("-m", "immediate", "stop")
        shutil.rmtree(self.root, ignore_errors=True)


@contextmanager
def postgres_server() -> Iterator[PgServer]:
    """A started server for the duration of the block."""
    server = PgServer()
    try:
        server.start()
        yield server
    finally:
        server.remove()


def new_database(server: str) -> str:
    """A fresh, empty database on the server at URL `server`; returns its URL."""
    import psycopg

    name = "uji_" + uuid.uuid4().hex[:12]
    deadline = time.monotonic() + 30
    while True:
        try:
            with psycopg.connect(f"{server}/postgres", autocommit=True) as conn:
                conn.execute(f'CREATE DATABASE "{name}"')
            return f"{server}/{name}"
        except psycopg.OperationalError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.5)
