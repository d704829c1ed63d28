"""The one storage interface the API uses; SQLite (embedded default) and PostgreSQL implement it."""

from __future__ import annotations

from datetime import datetime
from typing import Any, Protocol

from assistant.errors import BackendUnavailable

DATABASE_DOWN = (
    "Basis data percakapan tidak dapat dihubungi saat ini. Coba lagi sebentar lagi; "
    "layanan pulih sendiri begitu basis data kembali."
)


class StorageUnavailable(BackendUnavailable):
    """The database cannot be reached (answered as 503 with an Indonesian message)."""


class Storage(Protocol):
    """Conversations, messages, feedback, audit log and shared rate-limit counters.

    `scope` is the caller's owner id (only its own conversations) or None (all of them)."""

    audit_retention_days: int

    def close(self) -> None: ...

    def create_conversation(self, title: str, owner: str | None = None) -> str: ...

    def conversation_exists(self, cid: str, scope: str | None = None) -> bool: ...

    def list_conversations(
        self, limit: int = 100, scope: str | None = None
    ) -> list[dict[str, Any]]: ...

    def get_conversation(self, cid: str, scope: str | None = None) -> dict[str, Any] | None: ...

    def user_queries(self, cid: str) -> list[str]: ...

    def add_message(
        self,
        cid: str,
        role: str,
        content: str,
        search_query: str | None = None,
        answer: dict[str, Any] | None = None,
        message_id: str | None = None,
    ) -> str: ...

    def answer_exists(self, answer_id: str, scope: str | None = None) -> bool: ...

    def save_feedback(self, answer_id: str, rating: str, reason: str | None) -> dict[str, Any]: ...

    def list_feedback(self, answer_id: str | None = None) -> list[dict[str, Any]]: ...

    def add_audit(self, entry: dict[str, Any]) -> int: ...

    def prune_audit(self, now: datetime | None = None) -> int: ...

    def list_audit(self, limit: int = 100) -> list[dict[str, Any]]: ...

    def count(self, table: str) -> int: ...

    def hit(self, bucket: str, limit: int, window: float, count: bool = True) -> int:
        """Sliding-window limit shared by every worker: 0 when allowed (and counted unless
        `count` is False), else whole seconds to wait."""
        ...

    def ping(self) -> None:
        """Raise StorageUnavailable when the database cannot be reached."""
        ...
