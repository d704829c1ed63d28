"""SQLite (WAL) keeps every write under concurrent writers: no lost row, no "database is locked".

Two app instances on the same data dir (two connections, as with two uvicorn workers), each on a real
uvicorn server, plus a third connection writing directly, all at once from many threads.
"""

from __future__ import annotations

import logging
import random
import sqlite3
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from contextlib import ExitStack

import httpx
import pytest

from api.app import create_app
from api.store import Store
from assistant.config import Settings
from tests.api.live import live_server

pytestmark = pytest.mark.slow

TURNS = 48  # chat requests (each stores a question and an answer), each then rated 3 times
THREADS = 16
DIRECT = 200  # conversations written through a third connection meanwhile
QUESTIONS = [
    "Apa fungsi pegawai ASN?",
    "Apa isi UU 20/2023 Pasal 24?",
    "Berapa lama cuti tahunan PNS?",
    "Apa saja larangan bagi PNS?",
]


def count(db: sqlite3.Connection, sql: str) -> int:
    return int(db.execute(sql).fetchone()[0])


def test_parallel_writers_lose_nothing(
    rel_settings: Settings, caplog: pytest.LogCaptureFixture
) -> None:
    db_path = rel_settings.data_dir / "conversations.sqlite"
    with ExitStack() as stack:
        urls = [stack.enter_context(live_server(create_app(rel_settings))) for _ in range(2)]
        clients = [stack.enter_context(httpx.Client(base_url=u, timeout=120)) for u in urls]
        db = sqlite3.connect(db_path)
        before = {t: count(db, f"SELECT COUNT(*) FROM {t}") for t in ("conversations", "messages")}
        failures: list[str] = []
        lock = threading.Lock()

        def fail(message: str) -> None:
            with lock:
                failures.append(message)

        def turn(n: int) -> tuple[str, str] | None:
            ask, rate = clients[n % 2], clients[(n + 1) % 2]  # written by one, rated by the other
            r = ask.post("/api/chat", json={"question": QUESTIONS[n % len(QUESTIONS)]})
            if r.status_code != 200:
                fail(f"chat {n}: {r.status_code} {r.text[:200]}")
                return None
            answer_id = r.json()["answer_id"]
            rating = "down"
            for rating in random.Random(n).choices(["up", "down"], k=3):
                fb = rate.post("/api/feedback", json={"answer_id": answer_id, "rating": rating})
                if fb.status_code != 201:
                    fail(f"feedback {n}: {fb.status_code} {fb.text[:200]}")
            return answer_id, rating

        def direct() -> int:
            store = Store(db_path)  # a third connection, e.g. another worker process
            try:
                for i in range(DIRECT):
                    store.create_conversation(f"langsung {i}")
            finally:
                store.close()
            return DIRECT

        with caplog.at_level(logging.WARNING), ThreadPoolExecutor(THREADS) as pool:
            side = pool.submit(direct)
            results = list(pool.map(turn, range(TURNS)))
            assert side.result() == DIRECT

        assert failures == []
        assert "database is locked" not in caplog.text
        ratings = dict(r for r in results if r)
        assert len(ratings) == TURNS
        conversations = count(db, "SELECT COUNT(*) FROM conversations")
        assert conversations == before["conversations"] + TURNS + DIRECT
        assert count(db, "SELECT COUNT(*) FROM messages") == before["messages"] + 2 * TURNS
        stored = dict(db.execute("SELECT answer_id, rating FROM feedback").fetchall())
        assert {a: stored.get(a) for a in ratings} == ratings  # the last rating of each answer
        assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        audit_sql = "SELECT COUNT(*) FROM audit WHERE path = '/api/chat'"
        for _ in range(40):  # audit rows are written just after each response: allow a moment
            if count(db, audit_sql) >= TURNS:
                break
            time.sleep(0.05)
        assert count(db, audit_sql) == TURNS
        assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        db.close()
