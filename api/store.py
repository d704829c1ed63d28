"""The conversation store used by the API: see ``api/storage`` (SQLite default, or PostgreSQL).

``Store(path)`` is the embedded SQLite store, kept under this name for scripts and tests."""

from __future__ import annotations

from api.storage import AUDIT_COLUMNS, Storage, open_store
from api.storage.sqlite import SqliteStore as Store

__all__ = ["AUDIT_COLUMNS", "Storage", "Store", "open_store"]
