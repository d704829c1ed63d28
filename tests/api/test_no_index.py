"""Start without an index, then `asisten index` publishes one: picked up without a restart.

Uses the hash embedder (fast) on one real regulation file; the other API tests use the real e5 index.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from fastapi.testclient import TestClient

from api.app import create_app
from assistant.backends.embedders import HashEmbedder
from indexer.pipeline import build_index
from tests.conftest import make_settings, shared_corpus


def test_no_index_then_index_published_while_running(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    shutil.copy(shared_corpus() / "pp-94-2021.txt", corpus)
    settings = make_settings(tmp_path / "data", [corpus], embedder="hash", rate_limit_per_minute=0)
    with TestClient(create_app(settings)) as client:
        health = client.get("/healthz")
        assert health.status_code == 503 and health.json()["status"] == "no_index"
        assert "asisten index" in health.json()["detail"]
        chat = client.post("/api/chat", json={"question": "Apa sanksi disiplin berat?"})
        assert chat.status_code == 503 and "Belum ada indeks" in chat.json()["detail"]
        assert client.get("/api/conversations").json() == []  # nothing stored for a failed turn
        assert client.get("/api/documents").status_code == 503
        assert client.get("/").status_code == 200  # the page still loads and can show the error

        build_index(settings, HashEmbedder())  # what `asisten index` does in another process

        health = client.get("/healthz").json()
        assert health["status"] == "ok" and health["documents"] == 1
        text = client.get("/api/documents/pp-94-2021/pasal/8").json()
        assert [p["ayat"] for p in text["ayat"]][:2] == ["1", "2"]
        answer = client.post("/api/chat", json={"question": "PP 94/2021 pasal 8"}).json()
        assert answer["status"] == "answered" and answer["citations"][0]["pasal"] == "8"

        build_index(settings, HashEmbedder())  # a second generation replaces the first
        assert client.get("/healthz").json()["generation"] != health["generation"]
