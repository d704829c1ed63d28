"""The conversation store: scoping by owner, and opening a file written before owners existed."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from api.store import Store

OLD_SCHEMA = """
CREATE TABLE conversations (id TEXT PRIMARY KEY, title TEXT NOT NULL, created_at TEXT NOT NULL,
                            updated_at TEXT NOT NULL);
INSERT INTO conversations VALUES ('lama', 'cuti tahunan', '2026-01-01T00:00:00', '2026-01-01T00:00:00');
"""


def test_scope_filters_conversations(tmp_path: Path) -> None:
    store = Store(tmp_path / "c.sqlite")
    a = store.create_conversation("milik A", owner="aaaa")
    b = store.create_conversation("milik B", owner="bbbb")
    assert [c["id"] for c in store.list_conversations(scope="aaaa")] == [a]
    assert {c["id"] for c in store.list_conversations(scope=None)} == {a, b}
    assert store.get_conversation(b, scope="aaaa") is None
    assert store.get_conversation(b, scope="bbbb")["title"] == "milik B"
    assert not store.conversation_exists(a, scope="bbbb") and store.conversation_exists(a)


def test_a_store_from_an_older_version_is_migrated_without_loss(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite"
    with sqlite3.connect(path) as db:
        db.executescript(OLD_SCHEMA)
    store = Store(path)
    old = store.get_conversation("lama")
    assert old is not None and old["title"] == "cuti tahunan" and old["messages"] == []
    assert store.list_conversations(scope="aaaa") == []  # no owner: visible to admins only
    store.add_message("lama", "user", "berapa hari?")
    assert len(store.get_conversation("lama")["messages"]) == 1
    store.close()
    assert Store(path).get_conversation("lama") is not None  # migrating twice is a no-op


def test_audit_rows_older_than_the_retention_are_deleted(tmp_path: Path) -> None:
    from datetime import UTC, datetime, timedelta

    store = Store(tmp_path / "a.sqlite", audit_retention_days=30)
    now = datetime.now(UTC)
    for age in (400, 31, 29, 0):
        at = (now - timedelta(days=age)).isoformat(timespec="milliseconds")
        store.add_audit(
            {"at": at, "method": "POST", "path": f"/api/chat/{age}", "http_status": 200}
        )
    assert store.prune_audit() == 2
    assert sorted(r["path"] for r in store.list_audit()) == ["/api/chat/0", "/api/chat/29"]
    keep = Store(tmp_path / "b.sqlite", audit_retention_days=0)
    keep.add_audit(
        {"at": "2001-01-01T00:00:00.000+00:00", "method": "GET", "path": "/x", "http_status": 200}
    )
    assert keep.prune_audit() == 0 and keep.count("audit") == 1
    store.close()
    reopened = Store(tmp_path / "a.sqlite", audit_retention_days=1)  # opening applies the retention
    assert [r["path"] for r in reopened.list_audit()] == ["/api/chat/0"]
