"""Baseline: conversations, messages, feedback, audit (adopts stores written before Alembic).

Revision ID: 0001
Revises:
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def _tables() -> set[str]:
    return set(sa.inspect(op.get_bind()).get_table_names())


def upgrade() -> None:
    existing = _tables()
    if "conversations" not in existing:
        op.create_table(
            "conversations",
            sa.Column("id", sa.String, primary_key=True),
            sa.Column("title", sa.Text, nullable=False),
            sa.Column("created_at", sa.String, nullable=False),
            sa.Column("updated_at", sa.String, nullable=False),
            sa.Column("owner", sa.String),
        )
    else:
        columns = {c["name"] for c in sa.inspect(op.get_bind()).get_columns("conversations")}
        if "owner" not in columns:  # stores from before conversations had owners
            op.add_column("conversations", sa.Column("owner", sa.String))
    if "messages" not in existing:
        op.create_table(
            "messages",
            sa.Column("id", sa.String, primary_key=True),
            sa.Column(
                "conversation_id",
                sa.String,
                sa.ForeignKey("conversations.id", ondelete="CASCADE"),
                nullable=False,
            ),
            sa.Column("role", sa.String, nullable=False),
            sa.Column("content", sa.Text, nullable=False),
            sa.Column("search_query", sa.Text),
            sa.Column("status", sa.String),
            sa.Column("answer_json", sa.Text),
            sa.Column("created_at", sa.String, nullable=False),
        )
        op.create_index("messages_by_conversation", "messages", ["conversation_id", "created_at"])
    if "feedback" not in existing:
        op.create_table(
            "feedback",
            sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
            sa.Column(
                "answer_id",
                sa.String,
                sa.ForeignKey("messages.id", ondelete="CASCADE"),
                nullable=False,
                unique=True,
            ),
            sa.Column("rating", sa.String, nullable=False),
            sa.Column("reason", sa.Text),
            sa.Column("created_at", sa.String, nullable=False),
        )
    if "audit" not in existing:
        op.create_table(
            "audit",
            sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
            sa.Column("at", sa.String, nullable=False),
            sa.Column("key_id", sa.Integer),
            sa.Column("role", sa.String),
            sa.Column("client", sa.String),
            sa.Column("method", sa.String, nullable=False),
            sa.Column("path", sa.Text, nullable=False),
            sa.Column("question", sa.Text),
            sa.Column("http_status", sa.Integer, nullable=False),
            sa.Column("answer_status", sa.String),
            sa.Column("conversation_id", sa.String),
            sa.Column("duration_ms", sa.Integer),
        )
