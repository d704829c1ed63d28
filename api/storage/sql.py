"""The queries of the store, written once in SQLAlchemy Core; dialect details live in subclasses."""

from __future__ import annotations

import json
import math
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from functools import wraps
from typing import Any, TypeVar

from sqlalchemy import Connection, Engine, delete, func, insert, select, update
from sqlalchemy.exc import DBAPIError, OperationalError

from api.storage.protocol import DATABASE_DOWN, StorageUnavailable
from api.storage.schema import TABLES, audit, conversations, feedback, messages, rate_hits

F = TypeVar("F", bound=Callable[..., Any])


def now_iso(timespec: str = "milliseconds") -> str:
    return datetime.now(UTC).isoformat(timespec=timespec)


def new_id() -> str:
    return uuid.uuid4().hex


def guarded(method: F) -> F:
    """A lost connection becomes StorageUnavailable (503); the pool reconnects on the next call."""

    @wraps(method)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return method(*args, **kwargs)
        except OperationalError as exc:
            raise StorageUnavailable(DATABASE_DOWN) from exc
        except DBAPIError as exc:
            if exc.connection_invalidated:
                raise StorageUnavailable(DATABASE_DOWN) from exc
            raise

    return wrapper  # type: ignore[return-value]


class SqlStore:
    """Everything but the engine set-up, the upsert and the per-bucket lock (see subclasses)."""

    PRUNE_EVERY = 3600.0  # seconds between audit clean-ups
    HITS_PRUNE_EVERY = 60.0  # seconds between clean-ups of old rate-limit hits

    def __init__(self, engine: Engine, audit_retention_days: int = 0) -> None:
        self.engine = engine
        self.audit_retention_days = audit_retention_days
        self._pruned_at = float("-inf")
        self._hits_pruned_at = float("-inf")

    # ------------------------------------------------------------ dialect hooks
    @contextmanager
    def _write(self) -> Iterator[Connection]:
        with self.engine.begin() as conn:
            yield conn

    def _lock_bucket(self, conn: Connection, bucket: str) -> None:
        """Serialise concurrent hits on one bucket (SQLite: the write transaction already does)."""

    def _upsert_feedback(self, conn: Connection, row: dict[str, Any]) -> None:
        raise NotImplementedError

    def _read(self, statement: Any) -> list[dict[str, Any]]:
        with self.engine.connect() as conn:
            return [dict(r._mapping) for r in conn.execute(statement)]

    # ------------------------------------------------------------ life cycle
    def close(self) -> None:
        self.engine.dispose()

    @guarded
    def ping(self) -> None:
        with self.engine.connect() as conn:
            conn.execute(select(1))

    # ------------------------------------------------------------ conversations
    @guarded
    def create_conversation(self, title: str, owner: str | None = None) -> str:
        cid, now = new_id(), now_iso()
        with self._write() as conn:
            conn.execute(
                insert(conversations).values(
                    id=cid, title=title[:120], created_at=now, updated_at=now, owner=owner
                )
            )
        return cid

    @staticmethod
    def _scoped(query: Any, scope: str | None) -> Any:
        return query if scope is None else query.where(conversations.c.owner == scope)

    @guarded
    def conversation_exists(self, cid: str, scope: str | None = None) -> bool:
        query = select(conversations.c.id).where(conversations.c.id == cid)
        return bool(self._read(self._scoped(query, scope)))

    @guarded
    def list_conversations(
        self, limit: int = 100, scope: str | None = None
    ) -> list[dict[str, Any]]:
        count = (
            select(func.count())
            .where(messages.c.conversation_id == conversations.c.id)
            .scalar_subquery()
        )
        c = conversations.c
        query = select(c.id, c.title, c.created_at, c.updated_at, count.label("messages"))
        query = self._scoped(query, scope).order_by(c.updated_at.desc()).limit(limit)
        return self._read(query)

    @guarded
    def get_conversation(self, cid: str, scope: str | None = None) -> dict[str, Any] | None:
        c = conversations.c
        head = self._read(
            self._scoped(select(c.id, c.title, c.created_at, c.updated_at), scope).where(
                c.id == cid
            )
        )
        if not head:
            return None
        rows = self._read(
            select(messages)
            .where(messages.c.conversation_id == cid)
            .order_by(messages.c.created_at, messages.c.id)
        )
        return {**head[0], "messages": [_message(r) for r in rows]}

    @guarded
    def user_queries(self, cid: str) -> list[str]:
        m = messages.c
        rows = self._read(
            select(func.coalesce(m.search_query, m.content).label("q"))
            .where(m.conversation_id == cid, m.role == "user")
            .order_by(m.created_at, m.id)
        )
        return [r["q"] for r in rows]

    @guarded
    def add_message(
        self,
        cid: str,
        role: str,
        content: str,
        search_query: str | None = None,
        answer: dict[str, Any] | None = None,
        message_id: str | None = None,
    ) -> str:
        mid, now = message_id or new_id(), now_iso("microseconds")
        row = {
            "id": mid,
            "conversation_id": cid,
            "role": role,
            "content": content,
            "search_query": search_query,
            "status": answer.get("status") if answer else None,
            "answer_json": json.dumps(answer, ensure_ascii=False) if answer else None,
            "created_at": now,
        }
        with self._write() as conn:
            conn.execute(insert(messages).values(**row))
            conn.execute(
                update(conversations).where(conversations.c.id == cid).values(updated_at=now)
            )
        return mid

    # ------------------------------------------------------------ feedback
    @guarded
    def answer_exists(self, answer_id: str, scope: str | None = None) -> bool:
        query = (
            select(messages.c.id)
            .join(conversations, conversations.c.id == messages.c.conversation_id)
            .where(messages.c.id == answer_id, messages.c.role == "assistant")
        )
        return bool(self._read(self._scoped(query, scope)))

    @guarded
    def save_feedback(self, answer_id: str, rating: str, reason: str | None) -> dict[str, Any]:
        """One rating per answer: a second rating replaces the first."""
        row = {"answer_id": answer_id, "rating": rating, "reason": reason, "created_at": now_iso()}
        with self._write() as conn:
            self._upsert_feedback(conn, row)
        return self.list_feedback(answer_id=answer_id)[0]

    @guarded
    def list_feedback(self, answer_id: str | None = None) -> list[dict[str, Any]]:
        f, a = feedback.c, messages.c
        query = select(
            f.id,
            f.created_at,
            f.answer_id,
            a.conversation_id,
            f.rating,
            f.reason,
            a.answer_json,
            a.search_query,
            a.status,
            a.content.label("answer"),
        ).join(messages, a.id == f.answer_id)
        if answer_id:
            query = query.where(f.answer_id == answer_id)
        rows = self._read(query.order_by(f.created_at.desc(), f.id.desc()))
        for row in rows:
            raw = row.pop("answer_json")
            row["question"] = (json.loads(raw) or {}).get("question") if raw else None
        return rows

    # ------------------------------------------------------------ audit
    @guarded
    def add_audit(self, entry: dict[str, Any]) -> int:
        """One audit row; `entry` must already be free of keys and personal data."""
        row = {k: v for k, v in entry.items() if k in audit.c and k != "id"}
        row["at"] = entry.get("at") or now_iso()
        with self._write() as conn:
            new = conn.execute(insert(audit).values(**row).returning(audit.c.id)).scalar_one()
        if time.monotonic() - self._pruned_at > self.PRUNE_EVERY:
            self.prune_audit()
        return int(new)

    @guarded
    def prune_audit(self, now: datetime | None = None) -> int:
        """Delete audit rows older than the retention period; returns how many (0 = keep forever)."""
        self._pruned_at = time.monotonic()
        if self.audit_retention_days <= 0:
            return 0
        cutoff = (now or datetime.now(UTC)) - timedelta(days=self.audit_retention_days)
        with self._write() as conn:
            done = conn.execute(
                delete(audit).where(audit.c.at < cutoff.isoformat(timespec="milliseconds"))
            )
        return int(done.rowcount or 0)

    @guarded
    def list_audit(self, limit: int = 100) -> list[dict[str, Any]]:
        return self._read(select(audit).order_by(audit.c.id.desc()).limit(limit))

    @guarded
    def count(self, table: str) -> int:
        if table not in TABLES:
            raise ValueError(table)
        return int(self._read(select(func.count().label("n")).select_from(TABLES[table]))[0]["n"])

    # ------------------------------------------------------------ shared rate limits
    @guarded
    def hit(self, bucket: str, limit: int, window: float, count: bool = True) -> int:
        now, h = time.time(), rate_hits.c
        if not count:  # a peek (every authenticated request does one): no write lock
            n, first = self._read(
                select(func.count().label("n"), func.min(h.at).label("first")).where(
                    h.bucket == bucket, h.at > now - window
                )
            )[0].values()
            return max(1, math.ceil(window - (now - first))) if n >= limit else 0
        self._prune_hits(now, window)
        with self._write() as conn:
            self._lock_bucket(conn, bucket)
            conn.execute(delete(rate_hits).where(h.bucket == bucket, h.at <= now - window))
            n, first = conn.execute(
                select(func.count(), func.min(h.at)).where(h.bucket == bucket)
            ).one()
            if n >= limit:
                return max(1, math.ceil(window - (now - first)))
            if count:
                conn.execute(insert(rate_hits).values(bucket=bucket, at=now))
            return 0

    def _prune_hits(self, now: float, window: float) -> None:
        """Drop every caller's expired hits now and then: the table stays small."""
        if now - self._hits_pruned_at < self.HITS_PRUNE_EVERY:
            return
        self._hits_pruned_at = now
        with self._write() as conn:
            conn.execute(delete(rate_hits).where(rate_hits.c.at <= now - max(window, 60.0)))


def _message(row: dict[str, Any]) -> dict[str, Any]:
    raw = row.pop("answer_json")
    row["answer"] = json.loads(raw) if raw else None
    return row
