"""The storage contract, run against both backends: embedded SQLite and a real PostgreSQL server.

Plus: opening SQLite files written by older versions (before owners, before Alembic)."""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from pydantic import SecretStr

from api.storage import Storage, StorageUnavailable, open_store
from api.storage.migrate import current_revision
from api.store import Store
from assistant.config import Settings
from tests.pg import PgServer, new_database, postgres_server

OLD_SCHEMA = """
CREATE TABLE conversations (id TEXT PRIMARY KEY, title TEXT NOT NULL, created_at TEXT NOT NULL,
                            updated_at TEXT NOT NULL);
INSERT INTO conversations VALUES ('lama', 'cuti tahunan', '2026-01-01T00:00:00', '2026-01-01T00:00:00');
"""


@pytest.fixture(scope="module")
def pg_server() -> Iterator[PgServer]:
    with postgres_server() as server:
        yield server


@pytest.fixture(params=["sqlite", "postgresql"])
def make_store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator:
    """A factory of stores on one fresh database of the parametrised backend."""
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path / 'c.sqlite'}"
    else:
        url = new_database(request.getfixturevalue("pg_server").url)
    opened: list[Storage] = []

    def make(retention: int = 0) -> Storage:
        settings = Settings(
            data_dir=tmp_path, database_url=SecretStr(url), audit_retention_days=retention
        )
        opened.append(open_store(settings))
        return opened[-1]

    yield make
    for store in opened:
        store.close()


class TestStorageContract:
    """Every backend behaves the same for everything the API does with it."""

    def test_scope_filters_conversations(self, make_store) -> None:  # noqa: ANN001
        store = make_store()
        a = store.create_conversation("milik A", owner="aaaa")
        b = store.create_conversation("milik B", owner="bbbb")
        assert [c["id"] for c in store.list_conversations(scope="aaaa")] == [a]
        assert {c["id"] for c in store.list_conversations(scope=None)} == {a, b}
        assert store.get_conversation(b, scope="aaaa") is None
        assert store.get_conversation(b, scope="bbbb")["title"] == "milik B"
        assert not store.conversation_exists(a, scope="bbbb") and store.conversation_exists(a)

    def test_messages_keep_their_order_and_answers(self, make_store) -> None:  # noqa: ANN001
        store = make_store()
        cid = store.create_conversation("cuti")
        store.add_message(cid, "user", "berapa hari cuti?", search_query="cuti tahunan pns")
        answer = {"status": "answered", "question": "berapa hari cuti?", "citations": []}
        aid = store.add_message(cid, "assistant", "12 hari kerja", answer=answer)
        store.add_message(cid, "user", "kalau sakit?")
        conv = store.get_conversation(cid)
        assert [m["content"] for m in conv["messages"]] == [
            "berapa hari cuti?",
            "12 hari kerja",
            "kalau sakit?",
        ]
        assert conv["messages"][1]["answer"] == answer and conv["messages"][1]["id"] == aid
        assert store.user_queries(cid) == ["cuti tahunan pns", "kalau sakit?"]
        assert store.list_conversations()[0]["messages"] == 3
        assert store.count("messages") == 3

    def test_one_rating_per_answer(self, make_store) -> None:  # noqa: ANN001
        store = make_store()
        cid = store.create_conversation("x", owner="aaaa")
        aid = store.add_message(cid, "assistant", "jawab", answer={"question": "tanya?"})
        assert store.answer_exists(aid) and store.answer_exists(aid, scope="aaaa")
        assert not store.answer_exists(aid, scope="bbbb") and not store.answer_exists("nope")
        store.save_feedback(aid, "up", None)
        row = store.save_feedback(aid, "down", "salah pasal")
        assert (row["rating"], row["reason"], row["question"]) == ("down", "salah pasal", "tanya?")
        assert [r["rating"] for r in store.list_feedback()] == ["down"]
        assert store.count("feedback") == 1

    def test_audit_and_its_retention(self, make_store) -> None:  # noqa: ANN001
        store = make_store(retention=30)
        now = datetime.now(UTC)
        for age in (400, 31, 29, 0):
            at = (now - timedelta(days=age)).isoformat(timespec="milliseconds")
            store.add_audit(
                {"at": at, "method": "POST", "path": f"/api/chat/{age}", "http_status": 200}
            )
        assert store.prune_audit() == 2
        assert [r["path"] for r in store.list_audit()] == ["/api/chat/0", "/api/chat/29"]
        assert make_store(retention=1).list_audit()[0]["path"] == "/api/chat/0"  # applied on open
        assert make_store(retention=0).prune_audit() == 0

    def test_rate_limit_is_shared_between_store_instances(self, make_store) -> None:  # noqa: ANN001
        one, two = make_store(), make_store()  # e.g. two workers or two replicas
        assert [one.hit("rate:key:1", 3, 60) for _ in range(2)] == [0, 0]
        assert two.hit("rate:key:1", 3, 60, count=False) == 0  # a peek counts nothing
        assert two.hit("rate:key:1", 3, 60) == 0
        assert 1 <= one.hit("rate:key:1", 3, 60) <= 60 and two.hit("rate:key:1", 3, 60) >= 1
        assert one.hit("rate:key:2", 3, 60) == 0  # another caller has its own window
        assert one.hit("rate:key:3", 1, 0.2) == 0 and one.hit("rate:key:3", 1, 0.2) >= 1

    def test_concurrent_hits_never_exceed_the_limit(self, make_store) -> None:  # noqa: ANN001
        stores = [make_store(), make_store()]
        allowed: list[int] = []

        def burst(n: int) -> None:
            for _ in range(10):
                if stores[n % 2].hit("rate:shared", 25, 60) == 0:
                    allowed.append(1)

        threads = [threading.Thread(target=burst, args=(n,)) for n in range(6)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        assert len(allowed) == 25

    def test_migrations_are_recorded_and_idempotent(self, make_store) -> None:  # noqa: ANN001
        store = make_store()
        store.create_conversation("sebelum")
        again = make_store()  # a second process starting on the same database
        assert current_revision(again.engine) == "0002"
        assert again.count("conversations") == 1


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
    assert current_revision(store.engine) == "0002" and store.journal_mode() == "wal"
    store.close()
    assert Store(path).get_conversation("lama") is not None  # migrating twice is a no-op


def test_a_pre_alembic_store_with_owners_keeps_everything(tmp_path: Path) -> None:
    """The last hand-written schema (owners, feedback, audit) is adopted as the baseline."""
    path = tmp_path / "v1.sqlite"
    with sqlite3.connect(path) as db:
        db.executescript(OLD_SCHEMA)
        db.execute("ALTER TABLE conversations ADD COLUMN owner TEXT")
        db.execute("UPDATE conversations SET owner = 'aaaa'")
    store = Store(path)
    assert [c["id"] for c in store.list_conversations(scope="aaaa")] == ["lama"]
    assert store.count("audit") == 0 and store.count("rate_hits") == 0
    store.close()


def test_database_down_then_back_without_reopening(pg_server: PgServer) -> None:
    store = open_store(Settings(database_url=SecretStr(new_database(pg_server.url))))
    cid = store.create_conversation("sebelum")
    pg_server.stop()
    try:
        with pytest.raises(StorageUnavailable, match="Basis data percakapan tidak dapat dihubungi"):
            store.create_conversation("saat mati")
        with pytest.raises(StorageUnavailable):
            store.hit("rate:x", 5, 60)
    finally:
        pg_server.start()
    assert store.conversation_exists(cid)  # the same store object recovers
    assert store.count("conversations") == 1
    store.close()
