"""The tables of the conversation store (SQLAlchemy Core), the same on SQLite and PostgreSQL.

Times are ISO-8601 UTC text (as the first SQLite stores wrote them); rate-limit hits are epoch
seconds. Schema changes go through a new Alembic revision in ``migrations/versions``.
"""

from __future__ import annotations

from sqlalchemy import (
    Column,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
)

metadata = MetaData()

conversations = Table(
    "conversations",
    metadata,
    Column("id", String, primary_key=True),
    Column("title", Text, nullable=False),
    Column("created_at", String, nullable=False),
    Column("updated_at", String, nullable=False),
    Column("owner", String),
)

messages = Table(
    "messages",
    metadata,
    Column("id", String, primary_key=True),
    Column(
        "conversation_id",
        String,
        ForeignKey("conversations.id", ondelete="CASCADE"),
        nullable=False,
    ),
    Column("role", String, nullable=False),
    Column("content", Text, nullable=False),
    Column("search_query", Text),
    Column("status", String),
    Column("answer_json", Text),
    Column("created_at", String, nullable=False),
    Index("messages_by_conversation", "conversation_id", "created_at"),
)

feedback = Table(
    "feedback",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column(
        "answer_id",
        String,
        ForeignKey("messages.id", ondelete="CASCADE"),
        nullable=False,
        unique=True,
    ),
    Column("rating", String, nullable=False),
    Column("reason", Text),
    Column("created_at", String, nullable=False),
)

audit = Table(
    "audit",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("at", String, nullable=False),
    Column("key_id", Integer),
    Column("role", String),
    Column("client", String),
    Column("method", String, nullable=False),
    Column("path", Text, nullable=False),
    Column("question", Text),
    Column("http_status", Integer, nullable=False),
    Column("answer_status", String),
    Column("conversation_id", String),
    Column("duration_ms", Integer),
)

rate_hits = Table(
    "rate_hits",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("bucket", String, nullable=False),
    Column("at", Float, nullable=False),
    Index("rate_hits_by_bucket", "bucket", "at"),
)

AUDIT_COLUMNS = [c.name for c in audit.columns]
TABLES = {t.name: t for t in (conversations, messages, feedback, audit, rate_hits)}
