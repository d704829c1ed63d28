"""A shared index on a real Chroma server: a replica with an empty data dir loads the live generation,
picks up a re-index, and rides out the server going away (503 only while it has nothing loaded)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from api.app import create_app
from assistant.backends.embedders import HashEmbedder
from assistant.config import Settings
from assistant.errors import IndexNotFound
from assistant.index_remote import ChromaUnavailable
from assistant.index_store import current_pointer, open_index, read_artifacts
from assistant.runtime import Runtime
from indexer.pipeline import build_index
from tests.conftest import make_settings, shared_corpus
from tests.scale.servers import chroma_server

pytestmark = pytest.mark.scale


def settings_for(root: Path, corpus: Path, url: str) -> Settings:
    return make_settings(root, [corpus], embedder="hash", chroma_url=url, rate_limit_per_minute=0)


def test_replica_without_data_dir(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    shutil.copy(shared_corpus() / "pp-94-2021.txt", corpus)
    with chroma_server(tmp_path / "chroma") as chroma:
        indexer = settings_for(tmp_path / "indexer", corpus, chroma.url)
        replica = settings_for(tmp_path / "replica", corpus, chroma.url)
        with pytest.raises(IndexNotFound):
            open_index(replica)
        first = build_index(indexer, HashEmbedder()).generation

        loaded = open_index(replica)  # nothing of the indexer's data dir is read
        local = open_index(indexer)
        assert loaded.generation == first == current_pointer(replica)["generation"]
        assert [c.id for c in loaded.ordered] == [c.id for c in local.ordered]
        assert loaded.artifacts == read_artifacts(indexer.index_dir / first) != {}
        assert loaded.keyword.search("disiplin", 3) == local.keyword.search("disiplin", 3)

        runtime = Runtime(replica)
        before = runtime.retriever.search("hukuman disiplin berat", k=3).passages
        shutil.copy(shared_corpus() / "uu-20-2023.txt", corpus)
        second = build_index(indexer, HashEmbedder()).generation
        runtime.__dict__.pop("_pointer_checked", None)
        assert runtime.refresh_if_reindexed() and runtime.index.generation == second
        assert len(runtime.index.info["documents"]) == 2 and before

        chroma.stop()
        with pytest.raises(ChromaUnavailable, match="Server indeks \\(Chroma\\)"):
            open_index(replica)
        chroma.start()
        assert open_index(replica).generation == second


def test_api_on_a_replica_when_chroma_goes_away(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    shutil.copy(shared_corpus() / "pp-94-2021.txt", corpus)
    with chroma_server(tmp_path / "chroma") as chroma:
        indexer = settings_for(tmp_path / "indexer", corpus, chroma.url)
        build_index(indexer, HashEmbedder())
        chroma.stop()
        with TestClient(create_app(settings_for(tmp_path / "r", corpus, chroma.url))) as client:
            down = client.post("/api/chat", json={"question": "Apa sanksi disiplin berat?"})
            assert down.status_code == 503
            assert "Server indeks (Chroma) tidak dapat dihubungi" in down.json()["detail"]
            assert client.get("/healthz").status_code == 503
            chroma.start()  # back: served without restarting the replica
            up = client.post("/api/chat", json={"question": "Apa sanksi disiplin berat?"})
            assert up.status_code == 200, up.text
            chroma.stop()  # gone again: the loaded generation keeps answering
            again = client.post("/api/chat", json={"question": "Apa sanksi disiplin berat?"})
            assert again.status_code == 200
