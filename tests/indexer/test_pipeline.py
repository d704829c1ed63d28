"""Indexing pipeline with real Chroma + BM25 (hash embedder for speed): bad files, incremental, atomic switch."""

from __future__ import annotations

import shutil
from pathlib import Path

import numpy as np
import pytest

from assistant.backends.embedders import HashEmbedder
from assistant.config import REPO_ROOT
from assistant.index_store import open_index, read_pointer
from indexer.pipeline import build_index
from tests.conftest import make_settings, shared_corpus


def _corpus(tmp_path: Path, names: list[str]) -> Path:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for name in names:
        shutil.copy(shared_corpus() / name, corpus / name)
    return corpus


def test_bad_files_are_reported_and_good_ones_indexed(tmp_path: Path) -> None:
    corpus = _corpus(tmp_path, ["pp-94-2021.txt"])
    (corpus / "rusak.pdf").write_bytes(b"%PDF-1.4\n1 0 obj <<>> garbage without xref")
    (corpus / "kosong.txt").write_bytes(b"")
    (corpus / "biner.txt").write_bytes(bytes(range(256)) * 10)
    (corpus / "bukan-pdf.pdf").write_text("<html>404 Not Found</html>")
    (corpus / "gambar.png").write_bytes(b"\x89PNG....")
    settings = make_settings(tmp_path / "data", [corpus])
    report = build_index(settings, HashEmbedder())
    reasons = {Path(s.path).name: s.reason for s in report.skipped}
    assert "file kosong" in reasons["kosong.txt"]
    assert "biner" in reasons["biner.txt"]
    assert "rusak" in reasons["rusak.pdf"] or "tidak dapat dibaca" in reasons["rusak.pdf"]
    assert "bukan file PDF" in reasons["bukan-pdf.pdf"]
    assert "tidak didukung" in reasons["gambar.png"]
    assert report.partial
    assert [d.doc for d in report.documents] == ["pp-94-2021"]
    index = open_index(settings)
    assert index.by_pasal("pp-94-2021", "5")


def test_unlisted_and_duplicate_files(tmp_path: Path) -> None:
    corpus = _corpus(tmp_path, ["pp-94-2021.txt"])
    other = tmp_path / "other"
    other.mkdir()
    shutil.copy(shared_corpus() / "pp-94-2021.txt", other / "pp-94-2021.txt")
    (corpus / "catatan-rapat.md").write_text(
        "# Catatan rapat\n\nRapat membahas jadwal pelatihan ASN.\n"
    )
    settings = make_settings(tmp_path / "data", [corpus, other])
    report = build_index(settings, HashEmbedder())
    assert any("duplikat" in s.reason and s.path.startswith(str(other)) for s in report.skipped)
    unlisted = [d for d in report.documents if d.doc == "lain-catatan-rapat"]
    assert unlisted and "tidak tercantum di manifest" in unlisted[0].warnings[0]


def test_unstructured_regulation_falls_back_to_plain_chunks(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "pp-17-2020.txt").write_text(
        "Teks perubahan tanpa struktur yang dapat dikenali. " * 80
    )
    settings = make_settings(tmp_path / "data", [corpus])
    report = build_index(settings, HashEmbedder())
    (doc,) = report.documents
    assert doc.doc == "pp-17-2020" and not doc.structured
    assert any("dipotong per paragraf" in w for w in doc.warnings)


def test_missing_document_is_indexed_once_dropped_in(tmp_path: Path) -> None:
    corpus = _corpus(tmp_path, ["pp-94-2021.txt"])
    settings = make_settings(tmp_path / "data", [corpus])
    first = build_index(settings, HashEmbedder())
    assert "uu-20-2023" in first.missing
    shutil.copy(shared_corpus() / "uu-20-2023.txt", corpus / "uu-20-2023.txt")
    second = build_index(settings, HashEmbedder())
    assert "uu-20-2023" not in second.missing
    changed = {d.doc: d.changed for d in second.documents}
    assert changed == {"pp-94-2021": False, "uu-20-2023": True}
    assert open_index(settings).by_pasal("uu-20-2023", "24")


class CountingEmbedder(HashEmbedder):
    def __init__(self) -> None:
        super().__init__()
        self.calls = 0

    def embed_passages(self, texts):  # noqa: ANN001, ANN201
        self.calls += len(texts)
        return super().embed_passages(texts)


def test_incremental_reembeds_only_changed_and_drops_removed(tmp_path: Path) -> None:
    corpus = _corpus(tmp_path, ["pp-94-2021.txt", "pp-30-2019.txt"])
    settings = make_settings(tmp_path / "data", [corpus])
    emb = CountingEmbedder()
    build_index(settings, emb)
    first_calls = emb.calls
    assert first_calls > 100
    build_index(settings, emb)
    assert emb.calls == first_calls  # nothing changed: nothing embedded
    (corpus / "pp-30-2019.txt").unlink()
    report = build_index(settings, emb)
    assert emb.calls == first_calls
    index = open_index(settings)
    assert not any(c.doc == "pp-30-2019" for c in index.ordered)
    assert index.store.count() == sum(1 for c in index.ordered if c.searchable)
    assert "pp-30-2019" in report.missing


class ExplodingEmbedder(HashEmbedder):
    def embed_passages(self, texts):  # noqa: ANN001, ANN201
        raise RuntimeError("simulated crash while embedding")


def test_crash_mid_index_keeps_previous_index_usable(tmp_path: Path) -> None:
    corpus = _corpus(tmp_path, ["pp-94-2021.txt"])
    settings = make_settings(tmp_path / "data", [corpus])
    build_index(settings, HashEmbedder())
    before = read_pointer(settings.index_dir)
    shutil.copy(shared_corpus() / "uu-20-2023.txt", corpus / "uu-20-2023.txt")
    with pytest.raises(RuntimeError, match="simulated crash"):
        build_index(settings, ExplodingEmbedder())
    assert read_pointer(settings.index_dir) == before
    index = open_index(settings)
    vec = HashEmbedder().embed_query("larangan PNS")
    assert index.store.query(vec, 3)
    assert index.by_pasal("pp-94-2021", "5")
    # the next successful run cleans the half-built generation
    build_index(settings, HashEmbedder())
    gens = sorted(p.name for p in settings.index_dir.glob("gen-*"))
    assert len(gens) <= 2


def test_own_training_module_is_split_by_headings(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    shutil.copytree(REPO_ROOT / "corpus", corpus)
    settings = make_settings(tmp_path / "data", [corpus])
    report = build_index(settings, HashEmbedder())
    (doc,) = [d for d in report.documents if d.doc == "materi-pengenalan-ai-asn"]
    assert doc.chunks >= 4
    chunks = [c for c in open_index(settings).ordered if c.doc == "materi-pengenalan-ai-asn"]
    assert all(c.part == "materi" for c in chunks)
    assert any("RAG" in c.heading or "RAG" in c.text for c in chunks)


def test_hash_embedder_is_deterministic_unit_length() -> None:
    emb = HashEmbedder()
    a = emb.embed_passages(["Pegawai ASN berfungsi sebagai pelaksana kebijakan publik"])[0]
    b = emb.embed_query("Pegawai ASN berfungsi sebagai pelaksana kebijakan publik")
    assert np.allclose(a, b) and abs(float(np.linalg.norm(a)) - 1.0) < 1e-5
