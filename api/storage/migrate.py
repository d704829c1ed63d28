"""Schema migrations with Alembic (``migrations/``), run at start-up by every process.

Concurrent starts (several workers) are serialised: PostgreSQL with an advisory lock, SQLite with
a lock file. A SQLite store written before migrations existed is adopted by the baseline revision.
"""

from __future__ import annotations

import fcntl
from pathlib import Path

from alembic import command
from alembic.config import Config
from sqlalchemy import Engine, text

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
PG_LOCK_ID = 7_270_113  # any constant: the advisory lock that serialises migrations


def _config(connection: object) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["connection"] = connection
    return config


def upgrade(engine: Engine, lock_file: Path | None = None) -> None:
    """Bring the database to the newest revision (a no-op when it is already there)."""
    if engine.dialect.name == "postgresql":
        with engine.begin() as conn:
            conn.execute(text("SELECT pg_advisory_xact_lock(:id)"), {"id": PG_LOCK_ID})
            command.upgrade(_config(conn), "head")
        return
    assert lock_file is not None, "SQLite migrations need a lock file"
    with lock_file.open("a") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            with engine.begin() as conn:
                command.upgrade(_config(conn), "head")
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def current_revision(engine: Engine) -> str | None:
    from alembic.runtime.migration import MigrationContext

    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()
