"""Storage of conversations, feedback, audit and shared rate limits: SQLite or PostgreSQL.

``ASISTEN_DATABASE_URL`` empty → the embedded SQLite file ``<data_dir>/conversations.sqlite``;
``postgresql://user:pass@host/db`` → PostgreSQL, shared by every worker and replica.
"""

from __future__ import annotations

from pathlib import Path

from api.storage.protocol import DATABASE_DOWN, Storage, StorageUnavailable
from api.storage.schema import AUDIT_COLUMNS
from assistant.config import Settings
from assistant.errors import ConfigError

__all__ = ["AUDIT_COLUMNS", "DATABASE_DOWN", "Storage", "StorageUnavailable", "open_store"]


def open_store(settings: Settings) -> Storage:
    """The store chosen by the settings (migrated to the newest schema)."""
    url = settings.database_url.get_secret_value().strip()
    retention = settings.audit_retention_days
    if url.startswith(("postgresql", "postgres://")):
        from api.storage.postgres import PostgresStore

        return PostgresStore(url, audit_retention_days=retention)
    from api.storage.sqlite import SqliteStore

    if url.startswith("sqlite:///"):
        return SqliteStore(Path(url.removeprefix("sqlite:///")), audit_retention_days=retention)
    if url:
        raise ConfigError("ASISTEN_DATABASE_URL harus postgresql://… atau sqlite:///…")
    return SqliteStore(settings.data_dir / "conversations.sqlite", audit_retention_days=retention)
