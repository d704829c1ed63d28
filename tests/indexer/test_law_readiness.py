"""Readiness for PP 17/2020: an amendment of PP 11/2017 dropped into the corpus is consolidated by
`build_index`, and the answer note "teks perubahan belum ada di korpus" goes away by itself."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from assistant.backends.embedders import HashEmbedder
from assistant.chain import AnswerService
from assistant.documents import Passage
from assistant.index_store import open_index
from assistant.manifest import load_manifest
from assistant.runtime import Runtime
from indexer.pipeline import build_index
from indexer.relations import index_disagreements
from tests.conftest import make_settings, shared_corpus

# A test amendment in the shape of the real one (Pasal I numbered changes, Pasal II). Its wording is
# written for this test (marked "UJI"), not the text of PP 17/2020.
AMENDMENT = """PERATURAN PEMERINTAH REPUBLIK INDONESIA
NOMOR 17 TAHUN 2020
TENTANG
PERUBAHAN ATAS PERATURAN PEMERINTAH NOMOR 11 TAHUN 2017 TENTANG MANAJEMEN PEGAWAI NEGERI SIPIL
DENGAN RAHMAT TUHAN YANG MAHA ESA
PRESIDEN REPUBLIK INDONESIA,
Menimbang : bahwa untuk pengujian perlu menetapkan Peraturan Pemerintah tentang Perubahan atas
Peraturan Pemerintah Nomor 11 Tahun 2017 tentang Manajemen Pegawai Negeri Sipil;
Mengingat : Undang-Undang Nomor 5 Tahun 2014 tentang Aparatur Sipil Negara;
MEMUTUSKAN:
Menetapkan : PERATURAN PEMERINTAH TENTANG PERUBAHAN ATAS PERATURAN PEMERINTAH NOMOR 11 TAHUN 2017
TENTANG MANAJEMEN PEGAWAI NEGERI SIPIL.
Pasal I
Beberapa ketentuan dalam Peraturan Pemerintah Nomor 11 Tahun 2017 tentang Manajemen Pegawai Negeri
Sipil (Lembaran Negara Republik Indonesia Tahun 2017 Nomor 63) diubah sebagai berikut:
1. Ketentuan Pasal 3 diubah sehingga berbunyi sebagai berikut:
Pasal 3
(1) Presiden selaku pemegang kekuasaan tertinggi pembinaan PNS berwenang menetapkan pengangkatan,
pemindahan, dan pemberhentian PNS menurut ketentuan UJI PERUBAHAN.
(2) Presiden dapat mendelegasikan kewenangan sebagaimana dimaksud pada ayat (1) kepada PPK.
2. Di antara Pasal 3 dan Pasal 4 disisipkan 1 (satu) pasal, yakni Pasal 3A sehingga berbunyi sebagai
berikut:
Pasal 3A
Pendelegasian kewenangan sebagaimana dimaksud dalam Pasal 3 ayat (2) dilakukan secara tertulis UJI SISIPAN.
3. Pasal 361 dihapus.
Pasal II
Peraturan Pemerintah ini mulai berlaku pada tanggal diundangkan.
Agar setiap orang mengetahuinya, memerintahkan pengundangan Peraturan Pemerintah ini.
"""


def _notes(settings, doc_id: str) -> list[str]:  # noqa: ANN001
    service = AnswerService(Runtime(settings))
    chunk = next(c for c in service.rt.index.ordered if c.doc == doc_id and c.pasal == "3")
    return service._notes([Passage(chunk=chunk, score=1.0)])


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("corpus17")
    shutil.copy(shared_corpus() / "pp-11-2017.txt", folder / "pp-11-2017.txt")
    return folder


def test_without_the_amendment_the_note_warns(corpus: Path, tmp_path: Path) -> None:
    settings = make_settings(tmp_path / "data", [corpus], embedder="hash")
    build_index(settings, HashEmbedder())
    (note,) = _notes(settings, "pp-11-2017")
    assert "telah diubah dengan PP 17/2020" in note and "teks perubahan belum ada di korpus" in note


def test_pp_17_2020_is_consolidated_into_pp_11_2017(corpus: Path, tmp_path: Path) -> None:
    with_amendment = tmp_path / "corpus"
    shutil.copytree(corpus, with_amendment)
    (with_amendment / "pp-17-2020.txt").write_text(AMENDMENT, encoding="utf-8")
    settings = make_settings(tmp_path / "data", [with_amendment], embedder="hash")
    report = build_index(settings, HashEmbedder())
    assert {d.doc for d in report.documents} == {"pp-11-2017", "pp-17-2020"}
    assert not [w for d in report.documents for w in d.warnings if "PP 17/2020" in w]
    index = open_index(settings)
    pasal3 = [c for c in index.by_pasal("pp-11-2017", "3") if not c.superseded]
    assert [c.ayat for c in pasal3 if c.part == "batang_tubuh"] == ["1", "2"]
    assert "UJI PERUBAHAN" in pasal3[0].text and pasal3[0].amended_by == "pp-17-2020"
    assert pasal3[0].label == "PP 11/2017 Pasal 3 ayat (1) sebagaimana diubah dengan PP 17/2020"
    original = [c for c in index.by_pasal("pp-11-2017", "3") if c.superseded]
    assert original and "UJI" not in " ".join(c.text for c in original)
    assert "UJI SISIPAN" in index.by_pasal("pp-11-2017", "3A")[0].text
    (deleted,) = [c for c in index.by_pasal("pp-11-2017", "361") if not c.superseded]
    assert deleted.deleted and deleted.text == "Pasal 361 dihapus."
    assert all(not c.searchable for c in index.ordered if c.doc == "pp-17-2020" and c.item)
    relations = index.artifact("relations")
    assert relations["disagreements"] == []
    manifest = load_manifest(settings.manifest_path)
    assert index_disagreements(settings.index_dir, manifest) == []
    manifest.documents["pp-11-2017"] = manifest.documents["pp-11-2017"].model_copy(
        update={"status": "berlaku", "diubah_oleh": ()}
    )
    wrong = index_disagreements(settings.index_dir, manifest)
    assert "PP 11/2017: teks menyebut diubah dengan PP 17/2020, tetapi diubah_oleh" in wrong[0]
    assert len(wrong) == 2  # ... and its status should not be 'berlaku'
    assert any(
        r["kind"] == "mengubah" and r["actor_id"] == "pp-17-2020" and r["target_id"] == "pp-11-2017"
        for r in relations["relations"]
    )
    (note,) = _notes(settings, "pp-11-2017")
    assert "telah diubah dengan PP 17/2020" in note
    assert "teks perubahan belum ada di korpus" not in note
