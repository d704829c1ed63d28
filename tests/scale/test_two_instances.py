"""Two `asisten serve` instances (one with two workers) behind nginx, sharing one PostgreSQL and one
Chroma server: all real processes on loopback, hash embedder on one real regulation file.

Shows: a conversation started through one instance continues through the other; feedback and audit
rows are visible from both; a limit of N per minute allows N in total; a re-index is picked up by
both; stopping one instance loses no request (nginx retries on the other)."""

from __future__ import annotations

import os
import shutil
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest

from assistant.backends.embedders import HashEmbedder
from indexer.pipeline import build_index
from tests.conftest import make_settings, shared_corpus
from tests.pg import new_database, postgres_server
from tests.scale.servers import Instance, chroma_server, nginx_front

pytestmark = pytest.mark.scale

LIMIT = 12  # ASISTEN_RATE_LIMIT_PER_MINUTE of both instances
ADMIN, ALICE, BOB, CAROL = "k-admin-1", "k-alice-1", "k-bob-1", "k-carol-1"
ASK = {"question": "Apa sanksi disiplin berat?"}


@dataclass
class Cluster:
    a: Instance
    b: Instance
    front: str
    corpus: Path


def auth(key: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {key}"}


@pytest.fixture(scope="module")
def cluster(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Cluster]:
    root = tmp_path_factory.mktemp("scale")
    corpus = root / "corpus"
    corpus.mkdir()
    shutil.copy(shared_corpus() / "pp-94-2021.txt", corpus)
    with postgres_server() as pg, chroma_server(root / "chroma") as chroma:
        database = new_database(pg.url)
        build_index(
            make_settings(root / "indexer", [corpus], embedder="hash", chroma_url=chroma.url),
            HashEmbedder(),
        )
        env = {
            **os.environ,
            "ASISTEN_CORPUS_DIRS": str(corpus),
            "ASISTEN_EMBEDDER": "hash",
            "ASISTEN_CHROMA_URL": chroma.url,
            "ASISTEN_DATABASE_URL": database,
            "ASISTEN_API_KEYS": f"{ADMIN}:admin,{ALICE}:user,{BOB}:user,{CAROL}:user",
            "ASISTEN_RATE_LIMIT_PER_MINUTE": str(LIMIT),
        }
        a = Instance({**env, "ASISTEN_DATA_DIR": str(root / "a")}, root / "a.log")
        b = Instance({**env, "ASISTEN_DATA_DIR": str(root / "b")}, root / "b.log", "--workers", "2")
        try:
            a.wait_ready()
            b.wait_ready()
            with nginx_front([a.port, b.port]) as front:
                yield Cluster(a, b, front, corpus)
        finally:
            a.stop()
            b.stop()


def test_conversation_continues_on_the_other_instance(cluster: Cluster) -> None:
    first = httpx.post(f"{cluster.a.url}/api/chat", json=ASK, headers=auth(ALICE), timeout=60)
    assert first.status_code == 200, first.text
    cid = first.json()["conversation_id"]
    follow = {"question": "bagaimana dengan sanksi sedang?", "conversation_id": cid}
    second = httpx.post(f"{cluster.b.url}/api/chat", json=follow, headers=auth(ALICE), timeout=60)
    assert second.status_code == 200 and second.json()["conversation_id"] == cid
    for base in (cluster.a.url, cluster.b.url, cluster.front):
        conv = httpx.get(f"{base}/api/conversations/{cid}", headers=auth(ALICE), timeout=30)
        assert len(conv.json()["messages"]) == 4, base
    other = httpx.get(f"{cluster.b.url}/api/conversations/{cid}", headers=auth(BOB), timeout=30)
    assert other.status_code == 404  # still private to its key, on every instance

    rating = {"answer_id": second.json()["answer_id"], "rating": "down", "reason": "kurang"}
    assert (
        httpx.post(f"{cluster.a.url}/api/feedback", json=rating, headers=auth(ALICE)).status_code
        == 201
    )
    for base in (cluster.a.url, cluster.b.url):
        rows = httpx.get(f"{base}/api/feedback", headers=auth(ADMIN), timeout=30).json()
        assert [r["rating"] for r in rows if r["answer_id"] == rating["answer_id"]] == ["down"]
        audit = httpx.get(f"{base}/api/admin/audit?limit=100", headers=auth(ADMIN)).json()
        chats = [r for r in audit if r["path"] == "/api/chat" and r["conversation_id"] == cid]
        assert len(chats) == 2, base  # one row written by each instance


def test_rate_limit_is_shared(cluster: Cluster) -> None:
    codes = []
    for n in range(LIMIT + 6):
        base = (cluster.a.url, cluster.b.url)[n % 2]
        r = httpx.post(f"{base}/api/chat", json=ASK, headers=auth(CAROL), timeout=60)
        codes.append(r.status_code)
    assert codes.count(200) == LIMIT and codes.count(429) == 6, codes


class Traffic:
    """Searches through nginx in a thread until stopped; every status code is kept."""

    def __init__(self, front: str) -> None:
        self.front, self.codes, self._stop = front, [], threading.Event()
        self._thread = threading.Thread(target=self._run)
        self._thread.start()

    def _run(self) -> None:
        with httpx.Client(base_url=self.front, headers=auth(ADMIN), timeout=60) as client:
            while not self._stop.is_set():
                r = client.get("/api/search", params={"q": "cuti", "k": 3})
                self.codes.append(r.status_code)

    def stop(self) -> list[int]:
        self._stop.set()
        self._thread.join(timeout=60)
        return self.codes


def test_reindex_is_picked_up_by_both(cluster: Cluster) -> None:
    before = httpx.get(f"{cluster.a.url}/healthz").json()
    shutil.copy(shared_corpus() / "uu-20-2023.txt", cluster.corpus)
    traffic = Traffic(cluster.front)  # queries keep coming while the index switches
    started = httpx.post(f"{cluster.a.url}/api/admin/reindex", headers=auth(ADMIN), timeout=30)
    assert started.status_code == 202
    deadline = time.monotonic() + 180
    while time.monotonic() < deadline:
        status = httpx.get(f"{cluster.a.url}/api/admin/reindex", headers=auth(ADMIN)).json()
        if not status["running"]:
            break
        time.sleep(0.5)
    time.sleep(1.5)  # past the replicas' pointer check
    codes = traffic.stop()
    assert len(codes) > 5 and set(codes) == {200}, codes
    assert status.get("error") is None and status["generation"] != before["generation"]
    for base in (cluster.a.url, cluster.b.url, cluster.b.url, cluster.b.url):  # b: both workers
        deadline = time.monotonic() + 30
        while httpx.get(f"{base}/healthz").json()["generation"] != status["generation"]:
            assert time.monotonic() < deadline, base
            time.sleep(0.3)
        assert httpx.get(f"{base}/healthz").json()["documents"] == 2


def test_stopping_one_instance_loses_no_request(cluster: Cluster) -> None:
    traffic = Traffic(cluster.front)
    time.sleep(2)
    cluster.a.stop()  # SIGTERM: uvicorn finishes what it has, nginx sends the rest to b
    time.sleep(3)
    codes = traffic.stop()
    assert len(codes) > 10 and set(codes) == {200}, codes
