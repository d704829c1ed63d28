"""Hostile corpus dirs and a kill -9 in the middle of indexing."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from pypdf import PdfWriter

from assistant.backends.embedders import HashEmbedder
from assistant.index_store import open_index, read_pointer
from indexer.pipeline import build_index
from tests.conftest import make_settings, shared_corpus


def test_every_kind_of_bad_file_is_named_with_its_reason(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    shutil.copy(shared_corpus() / "pp-94-2021.txt", corpus)
    shutil.copy(shared_corpus() / "perpres-82-2023.pdf", corpus)
    writer = PdfWriter()
    writer.add_blank_page(width=200, height=200)
    writer.encrypt(user_password="rahasia", owner_password="pemilik")
    with (corpus / "pp-30-2019.pdf").open("wb") as fh:  # encrypted
        writer.write(fh)
    (corpus / "pp-49-2018.pdf").write_bytes(b"%PDF-1.7\n" + os.urandom(4000))  # corrupt
    (corpus / "uu-5-2014.txt").write_bytes(b"")  # zero bytes
    (corpus / "perpres-95-2018.txt").write_bytes(
        os.urandom(5000) + b"\x00" * 100
    )  # binary named .txt
    big = corpus / "besar.txt"
    with big.open("wb") as fh:
        fh.write(b"Pasal 1 teks panjang. " * (50 * 1024 * 1024 // 22 + 1))  # ~50 MB
    (corpus / "latin1.txt").write_bytes(
        "Catatan pelatihan ASN: \xe9t\xe9 \x80\x81\x82".encode("latin-1") * 3
        + bytes(range(0x80, 0xA0)) * 50
    )
    shutil.copy(
        shared_corpus() / "pp-94-2021.txt", corpus / "salinan-pp94.txt"
    )  # same content, other name
    (corpus / "surat-edaran-internal.md").write_text(
        "# Surat edaran\n\nJam kerja pegawai mulai pukul 07.30.\n"
    )
    settings = make_settings(tmp_path / "data", [corpus])
    report = build_index(settings, HashEmbedder())
    reasons = {Path(s.path).name: s.reason for s in report.skipped}
    assert "terenkripsi" in reasons["pp-30-2019.pdf"]
    assert "rusak" in reasons["pp-49-2018.pdf"] or "tidak dapat dibaca" in reasons["pp-49-2018.pdf"]
    assert "kosong" in reasons["uu-5-2014.txt"]
    assert "biner" in reasons["perpres-95-2018.txt"]
    assert "terlalu besar" in reasons["besar.txt"]
    assert "UTF-8" in reasons["latin1.txt"]
    assert (
        "isi sama persis" in reasons["salinan-pp94.txt"]
        or "isi sama persis" in reasons["pp-94-2021.txt"]
    )
    indexed = {d.doc for d in report.documents}
    assert {"perpres-82-2023", "lain-surat-edaran-internal"} <= indexed
    assert "pp-94-2021" in indexed or "lain-salinan-pp94" in indexed
    assert report.partial


def test_cli_exit_code_says_partial(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    shutil.copy(shared_corpus() / "pp-94-2021.txt", corpus)
    (corpus / "kosong.txt").write_bytes(b"")
    env = {
        **os.environ,
        "ASISTEN_DATA_DIR": str(tmp_path / "data"),
        "ASISTEN_CORPUS_DIRS": str(corpus),
        "ASISTEN_EMBEDDER": "hash",
    }
    proc = subprocess.run(
        [sys.executable, "-m", "asisten_cli", "index"],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert proc.returncode == 3, proc.stderr
    assert "kosong.txt" in proc.stderr and "partial" in proc.stderr


@pytest.mark.slow
def test_kill_9_during_indexing_leaves_a_usable_index(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    shutil.copy(shared_corpus() / "pp-94-2021.txt", corpus)
    data = tmp_path / "data"
    settings = make_settings(data, [corpus])
    build_index(settings, HashEmbedder())
    before = read_pointer(settings.index_dir)
    shutil.copy(shared_corpus() / "uu-5-2014.txt", corpus)  # large enough to take a while with e5
    env = {
        **os.environ,
        "ASISTEN_DATA_DIR": str(data),
        "ASISTEN_CORPUS_DIRS": str(corpus),
        "ASISTEN_EMBEDDER": "e5",
    }
    # the e5 model differs from the hash one, so everything is re-embedded: plenty of time to kill it
    proc = subprocess.Popen(
        [sys.executable, "-m", "asisten_cli", "index"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.time() + 120
    while time.time() < deadline and len(list(settings.index_dir.glob("gen-*"))) < 2:
        time.sleep(0.2)
    time.sleep(2)
    assert proc.poll() is None, "indexing finished before it could be killed"
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    assert read_pointer(settings.index_dir) == before
    index = open_index(settings)
    assert index.by_pasal("pp-94-2021", "5") and index.store.count() > 0
    report = build_index(
        settings, HashEmbedder()
    )  # the lock died with the process; a new run works
    assert {d.doc for d in report.documents} == {"pp-94-2021", "uu-5-2014"}
