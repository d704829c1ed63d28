"""Conversations, messages and feedback in one SQLite file under the data dir (WAL mode)."""

from __future__ import annotations

import json
import sqlite3
import threading
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

SCHEMA = """
CREATE TABLE IF NOT EXISTS conversations (
    id TEXT PRIMARY KEY,
    title TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    owner TEXT
);
CREATE TABLE IF NOT EXISTS messages (
    id TEXT PRIMARY KEY,
    conversation_id TEXT NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
    role TEXT NOT NULL CHECK (role IN ('user', 'assistant')),
    content TEXT NOT NULL,
    search_query TEXT,
    status TEXT,
    answer_json TEXT,
    created_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS messages_by_conversation ON messages(conversation_id, created_at);
CREATE TABLE IF NOT EXISTS feedback (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    answer_id TEXT NOT NULL UNIQUE REFERENCES messages(id) ON DELETE CASCADE,
    rating TEXT NOT NULL CHECK (rating IN ('up', 'down')),
    reason TEXT,
    created_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS audit (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    at TEXT NOT NULL,
    key_id INTEGER,
    role TEXT,
    client TEXT,
    method TEXT NOT NULL,
    path TEXT NOT NULL,
    question TEXT,
    http_status INTEGER NOT NULL,
    answer_status TEXT,
    conversation_id TEXT,
    duration_ms INTEGER
);
"""
AUDIT_COLUMNS = [
    "id",
    "at",
    "key_id",
    "role",
    "client",
    "method",
    "path",
    "question",
    "http_status",
    "answer_status",
    "conversation_id",
    "duration_ms",
]


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="milliseconds")


def _new_id() -> str:
    return uuid.uuid4().hex


class Store:
    """A small thread-safe wrapper: one connection, one lock (requests are short)."""

    PRUNE_EVERY = 3600.0  # seconds between audit clean-ups

    def __init__(self, path: Path, audit_retention_days: int = 0) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self.path = path
        self.audit_retention_days = audit_retention_days
        self._pruned_at = float("-inf")
        self._lock = threading.Lock()
        self._db = sqlite3.connect(path, check_same_thread=False, isolation_level=None)
        self._db.row_factory = sqlite3.Row
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute("PRAGMA foreign_keys=ON")
        self._db.execute("PRAGMA busy_timeout=5000")
        self._db.executescript(SCHEMA)
        self._migrate()
        self.prune_audit()

    def _migrate(self) -> None:
        """Bring a store written by an older version up to date (columns are only ever added)."""
        columns = {r[1] for r in self._db.execute("PRAGMA table_info(conversations)")}
        if "owner" not in columns:
            self._db.execute("ALTER TABLE conversations ADD COLUMN owner TEXT")

    def close(self) -> None:
        with self._lock:
            self._db.close()

    @contextmanager
    def _tx(self) -> Iterator[sqlite3.Connection]:
        with self._lock:
            self._db.execute("BEGIN IMMEDIATE")
            try:
                yield self._db
            except BaseException:
                self._db.execute("ROLLBACK")
                raise
            self._db.execute("COMMIT")

    def _query(self, sql: str, args: tuple[Any, ...] = ()) -> list[sqlite3.Row]:
        with self._lock:
            return self._db.execute(sql, args).fetchall()

    def journal_mode(self) -> str:
        return str(self._query("PRAGMA journal_mode")[0][0])

    # ------------------------------------------------------------ conversations
    # `scope` is the caller's owner id (only its own conversations) or None (all of them).
    def create_conversation(self, title: str, owner: str | None = None) -> str:
        cid = _new_id()
        now = _now()
        with self._tx() as db:
            db.execute(
                """INSERT INTO conversations (id, title, created_at, updated_at, owner)
                   VALUES (?, ?, ?, ?, ?)""",
                (cid, title[:120], now, now, owner),
            )
        return cid

    def conversation_exists(self, cid: str, scope: str | None = None) -> bool:
        return bool(
            self._query(
                "SELECT 1 FROM conversations WHERE id = ? AND (? IS NULL OR owner = ?)",
                (cid, scope, scope),
            )
        )

    def list_conversations(
        self, limit: int = 100, scope: str | None = None
    ) -> list[dict[str, Any]]:
        rows = self._query(
            """SELECT c.id, c.title, c.created_at, c.updated_at,
                      (SELECT COUNT(*) FROM messages m WHERE m.conversation_id = c.id) AS messages
               FROM conversations c WHERE (? IS NULL OR c.owner = ?)
               ORDER BY c.updated_at DESC LIMIT ?""",
            (scope, scope, limit),
        )
        return [dict(r) for r in rows]

    def get_conversation(self, cid: str, scope: str | None = None) -> dict[str, Any] | None:
        head = self._query(
            """SELECT id, title, created_at, updated_at FROM conversations
               WHERE id = ? AND (? IS NULL OR owner = ?)""",
            (cid, scope, scope),
        )
        if not head:
            return None
        rows = self._query(
            "SELECT * FROM messages WHERE conversation_id = ? ORDER BY created_at, rowid", (cid,)
        )
        return {**dict(head[0]), "messages": [_message(r) for r in rows]}

    def user_queries(self, cid: str) -> list[str]:
        """The stand-alone search queries of the user's earlier questions, oldest first."""
        rows = self._query(
            """SELECT COALESCE(search_query, content) FROM messages
               WHERE conversation_id = ? AND role = 'user' ORDER BY created_at, rowid""",
            (cid,),
        )
        return [r[0] for r in rows]

    def add_message(
        self,
        cid: str,
        role: str,
        content: str,
        search_query: str | None = None,
        answer: dict[str, Any] | None = None,
        message_id: str | None = None,
    ) -> str:
        mid = message_id or _new_id()
        now = _now()
        status = answer.get("status") if answer else None
        with self._tx() as db:
            db.execute(
                """INSERT INTO messages
                   (id, conversation_id, role, content, search_query, status, answer_json, created_at)
                   VALUES (?, ?, ?, ?, ?, ?, ?, ?)""",
                (
                    mid,
                    cid,
                    role,
                    content,
                    search_query,
                    status,
                    json.dumps(answer, ensure_ascii=False) if answer else None,
                    now,
                ),
            )
            db.execute("UPDATE conversations SET updated_at = ? WHERE id = ?", (now, cid))
        return mid

    # ------------------------------------------------------------ feedback
    def answer_exists(self, answer_id: str, scope: str | None = None) -> bool:
        return bool(
            self._query(
                """SELECT 1 FROM messages m JOIN conversations c ON c.id = m.conversation_id
                   WHERE m.id = ? AND m.role = 'assistant' AND (? IS NULL OR c.owner = ?)""",
                (answer_id, scope, scope),
            )
        )

    def save_feedback(self, answer_id: str, rating: str, reason: str | None) -> dict[str, Any]:
        """One rating per answer: a second rating replaces the first."""
        with self._tx() as db:
            db.execute(
                """INSERT INTO feedback (answer_id, rating, reason, created_at) VALUES (?, ?, ?, ?)
                   ON CONFLICT(answer_id) DO UPDATE SET rating = excluded.rating,
                       reason = excluded.reason, created_at = excluded.created_at""",
                (answer_id, rating, reason, _now()),
            )
        return self.list_feedback(answer_id=answer_id)[0]

    def list_feedback(self, answer_id: str | None = None) -> list[dict[str, Any]]:
        where, args = ("WHERE f.answer_id = ?", (answer_id,)) if answer_id else ("", ())
        rows = self._query(
            f"""SELECT f.id, f.created_at, f.answer_id, a.conversation_id, f.rating, f.reason,
                       json_extract(a.answer_json, '$.question') AS question,
                       a.search_query, a.status, a.content AS answer
                FROM feedback f JOIN messages a ON a.id = f.answer_id {where}
                ORDER BY f.created_at DESC, f.id DESC""",
            args,
        )
        return [dict(r) for r in rows]

    # ------------------------------------------------------------ audit
    def add_audit(self, entry: dict[str, Any]) -> int:
        """One audit row; `entry` must already be free of keys and personal data."""
        row = {**entry, "at": entry.get("at") or _now()}
        names = [c for c in AUDIT_COLUMNS if c != "id" and c in row]
        with self._tx() as db:
            cur = db.execute(
                f"INSERT INTO audit ({', '.join(names)}) VALUES ({', '.join('?' * len(names))})",
                tuple(row[n] for n in names),
            )
        if time.monotonic() - self._pruned_at > self.PRUNE_EVERY:
            self.prune_audit()
        return int(cur.lastrowid or 0)

    def prune_audit(self, now: datetime | None = None) -> int:
        """Delete audit rows older than the retention period; returns how many (0 = keep forever)."""
        self._pruned_at = time.monotonic()
        if self.audit_retention_days <= 0:
            return 0
        cutoff = (now or datetime.now(UTC)) - timedelta(days=self.audit_retention_days)
        with self._tx() as db:
            cur = db.execute(
                "DELETE FROM audit WHERE at < ?", (cutoff.isoformat(timespec="milliseconds"),)
            )
        return cur.rowcount

    def list_audit(self, limit: int = 100) -> list[dict[str, Any]]:
        rows = self._query("SELECT * FROM audit ORDER BY id DESC LIMIT ?", (limit,))
        return [dict(r) for r in rows]

    def count(self, table: str) -> int:
        if table not in ("conversations", "messages", "feedback", "audit"):
            raise ValueError(table)
        return int(self._query(f"SELECT COUNT(*) FROM {table}")[0][0])


def _message(row: sqlite3.Row) -> dict[str, Any]:
    data = dict(row)
    raw = data.pop("answer_json")
    data["answer"] = json.loads(raw) if raw else None
    return data
