"""Real embedder backends and the Chroma server path."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import pytest

from assistant.backends.embedders import E5Embedder, SentenceTransformerEmbedder
from assistant.index_store import open_index
from indexer.pipeline import build_index
from tests.conftest import make_settings, shared_corpus

pytestmark = pytest.mark.slow


def test_e5_ranks_the_relevant_indonesian_passage_first() -> None:
    emb = E5Embedder()
    passages = [
        "Pegawai ASN berfungsi sebagai pelaksana kebijakan publik, pelayan publik, dan perekat bangsa.",
        "PNS yang tidak masuk kerja tanpa alasan yang sah dijatuhi hukuman disiplin.",
        "Presiden menetapkan kebijakan transformasi digital nasional.",
    ]
    vecs = emb.embed_passages(passages)
    assert vecs.shape == (3, 384)
    q = emb.embed_query("apa saja fungsi pegawai ASN?")
    assert int(np.argmax(vecs @ q)) == 0


def test_sentence_transformers_backend_with_packaged_model() -> None:
    emb = SentenceTransformerEmbedder("sentence-transformers/all-MiniLM-L6-v2")
    vecs = emb.embed_passages(["The cat sits on the mat.", "Stock markets fell sharply today."])
    assert vecs.shape == (2, emb.dim) and emb.dim == 384
    q = emb.embed_query("Where is the cat?")
    assert int(np.argmax(vecs @ q)) == 0
    assert abs(float(np.linalg.norm(q)) - 1.0) < 1e-4


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_chroma_http_server_path(tmp_path: Path) -> None:
    """Index into and search from a real `chroma run` server on loopback (ASISTEN_CHROMA_URL)."""
    chroma = shutil.which("chroma") or str(Path(sys.executable).parent / "chroma")
    port = _free_port()
    proc = subprocess.Popen(
        [
            chroma,
            "run",
            "--path",
            str(tmp_path / "server"),
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env={**os.environ, "ANONYMIZED_TELEMETRY": "False"},
    )
    try:
        deadline = time.time() + 60
        while time.time() < deadline:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                time.sleep(0.5)
        corpus = tmp_path / "corpus"
        corpus.mkdir()
        shutil.copy(shared_corpus() / "pp-94-2021.txt", corpus)
        settings = make_settings(
            tmp_path / "data", [corpus], chroma_url=f"http://127.0.0.1:{port}", embedder="hash"
        )
        build_index(settings, _hash())
        index = open_index(settings)
        assert index.store.count() == sum(1 for c in index.ordered if c.searchable)
        target = next(c for c in index.ordered if c.id.startswith("pp-94-2021/pasal-5"))
        hits = index.store.query(_hash().embed_passages([target.embed_text])[0], 3)
        assert hits[0][0] == target.id and hits[0][1] > 0.99
        assert not (settings.index_dir / "chroma").exists()  # nothing stored locally
    finally:
        proc.terminate()
        proc.wait(timeout=20)


def _hash():  # noqa: ANN202
    from assistant.backends.embedders import HashEmbedder

    return HashEmbedder()


def _store_with_random_vectors(tmp_path: Path, n: int, exact_max: int):  # noqa: ANN202
    from assistant.backends.chroma_store import ChromaStore, make_client
    from assistant.documents import Chunk, Part

    rng = np.random.default_rng(7)
    vectors = rng.normal(size=(n, 32)).astype(np.float32)
    chunks = [
        Chunk(
            id=f"doc/pasal-{i}",
            doc="doc",
            doc_short="Doc",
            doc_title="Doc",
            part=Part.BATANG_TUBUH,
            pasal=str(i),
            heading="Doc",
            text=f"teks {i}",
        )
        for i in range(n)
    ]
    client = make_client(None, tmp_path / "chroma")
    ChromaStore(client, "uji-acak", create=True).add(chunks, vectors)
    return ChromaStore(client, "uji-acak", exact_max=exact_max), vectors, rng


def test_small_collections_are_searched_exactly(tmp_path: Path) -> None:
    store, vectors, rng = _store_with_random_vectors(tmp_path, 1500, exact_max=50_000)
    unit = vectors / np.linalg.norm(vectors, axis=1, keepdims=True)
    for _ in range(20):
        q = rng.normal(size=32).astype(np.float32)
        sims = unit @ (q / np.linalg.norm(q))
        expected = [f"doc/pasal-{i}" for i in np.argsort(-sims)[:25]]
        hits = store.query(q, 25)
        assert [cid for cid, _ in hits] == expected
        assert abs(hits[0][1] - float(sims.max())) < 1e-5
    assert store.query(vectors[3], 2000)[0][0] == "doc/pasal-3"  # k above the size: all, best first
    assert store._matrix is not None and len(store._matrix[0]) == 1500  # the exact path ran


def test_large_collections_use_hnsw(tmp_path: Path) -> None:
    store, vectors, _ = _store_with_random_vectors(tmp_path, 300, exact_max=100)
    hits = store.query(vectors[42], 5)
    assert hits[0][0] == "doc/pasal-42" and hits[0][1] > 0.999
    assert store._matrix is None  # never loaded into memory
