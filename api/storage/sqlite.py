"""The embedded default: one SQLite file under the data dir (WAL, one writer at a time)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, create_engine, event
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from api.storage.migrate import upgrade
from api.storage.schema import feedback
from api.storage.sql import SqlStore


class SqliteStore(SqlStore):
    """Writes take the write lock up front (BEGIN IMMEDIATE): no upgrade deadlocks, no lost rows."""

    def __init__(self, path: Path, audit_retention_days: int = 0) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self.path = path
        engine = create_engine(
            f"sqlite+pysqlite:///{path}",
            connect_args={"check_same_thread": False, "timeout": 30},
            pool_size=8,
            max_overflow=8,
        )

        @event.listens_for(engine, "connect")
        def _on_connect(dbapi_conn: Any, _record: Any) -> None:
            dbapi_conn.isolation_level = None  # transactions are begun below, explicitly
            for pragma in ("journal_mode=WAL", "foreign_keys=ON", "busy_timeout=30000"):
                dbapi_conn.execute(f"PRAGMA {pragma}")

        @event.listens_for(engine, "begin")
        def _on_begin(conn: Connection) -> None:
            immediate = conn.get_execution_options().get("immediate", False)
            conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")

        super().__init__(engine, audit_retention_days)
        upgrade(engine, lock_file=path.with_name(path.name + ".migrate.lock"))
        self.prune_audit()

    @contextmanager
    def _write(self) -> Iterator[Connection]:
        with self.engine.connect() as conn:
            conn = conn.execution_options(immediate=True)
            with conn.begin():
                yield conn

    def _upsert_feedback(self, conn: Connection, row: dict[str, Any]) -> None:
        stmt = sqlite_insert(feedback).values(**row)
        conn.execute(
            stmt.on_conflict_do_update(
                index_elements=[feedback.c.answer_id],
                set_={k: stmt.excluded[k] for k in ("rating", "reason", "created_at")},
            )
        )

    def journal_mode(self) -> str:
        with self.engine.connect() as conn:
            return str(conn.exec_driver_sql("PRAGMA journal_mode").scalar())
