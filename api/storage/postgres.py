"""PostgreSQL (psycopg 3, pooled): shared by every worker and replica."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, create_engine, func, select
from sqlalchemy.dialects.postgresql import insert as pg_insert

from api.storage.migrate import upgrade
from api.storage.schema import feedback
from api.storage.sql import SqlStore, guarded


def psycopg_url(url: str) -> str:
    """postgresql://… or postgres://… → the psycopg 3 driver URL SQLAlchemy expects."""
    for prefix in ("postgresql+psycopg://", "postgresql://", "postgres://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix) :]
    raise ValueError(f"bukan URL PostgreSQL: {url.split('://')[0]}://…")


class PostgresStore(SqlStore):
    """Rate-limit hits of one caller are serialised with a transaction-scoped advisory lock."""

    def __init__(self, url: str, audit_retention_days: int = 0, pool_size: int = 5) -> None:
        engine = create_engine(
            psycopg_url(url),
            pool_size=pool_size,
            max_overflow=10,
            pool_pre_ping=True,  # a restarted server: stale connections are replaced, no restart
            pool_timeout=10,
            connect_args={"connect_timeout": 5},
        )
        super().__init__(engine, audit_retention_days)
        self._migrate()
        self.prune_audit()

    @guarded
    def _migrate(self) -> None:
        upgrade(self.engine)

    def _lock_bucket(self, conn: Connection, bucket: str) -> None:
        conn.execute(select(func.pg_advisory_xact_lock(func.hashtext(bucket))))

    def _upsert_feedback(self, conn: Connection, row: dict[str, Any]) -> None:
        stmt = pg_insert(feedback).values(**row)
        conn.execute(
            stmt.on_conflict_do_update(
                index_elements=[feedback.c.answer_id],
                set_={k: stmt.excluded[k] for k in ("rating", "reason", "created_at")},
            )
        )
