"""Amendment drafting forms on a small regulation written for these tests (not real law)."""

from __future__ import annotations

import pytest

from assistant.documents import DocInfo, DocStatus, Part
from indexer.amendment_ops import parse_instruction, parse_item
from indexer.amendments import parse_amendment
from indexer.consolidate import consolidate
from indexer.split import split_regulation

ORIGINAL = """PERATURAN PEMERINTAH REPUBLIK INDONESIA NOMOR 1 TAHUN 2000 TENTANG UJI COBA
Menimbang: bahwa perlu diuji;
MEMUTUSKAN:
Menetapkan: PERATURAN PEMERINTAH TENTANG UJI COBA.
Pasal 1
Dalam Peraturan Pemerintah ini yang dimaksud dengan:
1. Pegawai adalah orang yang bekerja pada instansi.
2. Pejabat adalah orang yang berwenang menetapkan keputusan.
3. Instansi adalah lembaga pemerintah.
Pasal 2
(1) Pegawai wajib hadir tepat waktu.
(2) Pegawai dilarang:
a. membolos;
b. menerima suap; dan
c. berbohong.
Pasal 3
(1) Cuti diberikan oleh Pejabat.
(2) Cuti paling lama 12 hari kerja.
(3) Cuti dicatat oleh Instansi.
Pasal 4
Pegawai yang melanggar larangan dikenai sanksi.
Pasal 5
Peraturan Pemerintah ini mulai berlaku pada tanggal diundangkan.
"""

AMENDMENT = """PERATURAN PEMERINTAH REPUBLIK INDONESIA NOMOR 2 TAHUN 2001 TENTANG PERUBAHAN ATAS
PERATURAN PEMERINTAH NOMOR 1 TAHUN 2000 TENTANG UJI COBA
Menimbang: bahwa perlu diubah;
MEMUTUSKAN:
Menetapkan: PERATURAN PEMERINTAH TENTANG PERUBAHAN ATAS PERATURAN PEMERINTAH NOMOR 1 TAHUN 2000.
Pasal I
Beberapa ketentuan dalam Peraturan Pemerintah Nomor 1 Tahun 2000 tentang Uji Coba diubah sebagai berikut:
1. Ketentuan angka 2 Pasal 1 diubah sehingga berbunyi sebagai berikut:
2. Pejabat adalah pejabat pembina kepegawaian.
2. Ketentuan huruf c ayat (2) Pasal 2 diubah sehingga berbunyi sebagai berikut:
c. berbohong kepada atasan.
3. Ketentuan ayat (1) dan ayat (3) Pasal 3 diubah sehingga berbunyi sebagai berikut:
(1) Cuti diberikan oleh PPK.
(3) Cuti dicatat dalam sistem informasi.
4. Ketentuan ayat (2) Pasal 3 dihapus.
5. Di antara Pasal 3 dan Pasal 4 disisipkan 2 (dua) pasal, yakni Pasal 3A dan Pasal 3B sehingga berbunyi sebagai berikut:
Pasal 3A
Cuti bersama ditetapkan oleh Presiden.
Pasal 3B
Cuti besar diberikan setelah bekerja 5 (lima) tahun.
6. Pasal 4 dihapus.
7. Ketentuan Pasal 2 ditambah 1 (satu) ayat, yakni ayat (3) sehingga berbunyi sebagai berikut:
(3) Pegawai wajib melaporkan harta kekayaan.
Pasal II
Peraturan Pemerintah ini mulai berlaku pada tanggal diundangkan.
Agar setiap orang mengetahuinya, memerintahkan pengundangan Peraturan Pemerintah ini.
"""

DOC = DocInfo(
    id="pp-1-2000",
    type="PP",
    number="1",
    year=2000,
    title="Uji Coba",
    short="PP 1/2000",
    status=DocStatus.DIUBAH,
    diubah_oleh=("pp-2-2001",),
)
AMENDING = DocInfo(
    id="pp-2-2001",
    type="PP",
    number="2",
    year=2001,
    title="Perubahan",
    short="PP 2/2001",
    mengubah=("pp-1-2000",),
)


@pytest.mark.parametrize(
    ("instruction", "wording", "expected"),
    [
        (
            "Ketentuan Pasal 3 diubah sehingga berbunyi",
            "Pasal 3 Cuti ...",
            [("replace_pasal", "3", None, None)],
        ),
        (
            "Ketentuan ayat (2) Pasal 30 diubah, sehingga Pasal 30 berbunyi",
            "Pasal 30 (1) a. (2) b.",
            [("replace_pasal", "30", None, None)],
        ),
        (
            "Ketentuan ayat (2) Pasal 5 diubah sehingga berbunyi",
            "(2) Setiap atasan ...",
            [("replace_ayat", "5", "2", None)],
        ),
        (
            "Ketentuan huruf c ayat (1) Pasal 9 diubah sehingga berbunyi",
            "c. menaati ...",
            [("replace_item", "9", "1", "c")],
        ),
        ("Ketentuan Pasal 12 dihapus", "", [("delete_pasal", "12", None, None)]),
        ("Ketentuan huruf b Pasal 7 dihapus", "", [("delete_item", "7", None, "b")]),
        (
            "Di antara ayat (1) dan ayat (2) Pasal 10 disisipkan 1 (satu) ayat, yakni ayat (1a) yang berbunyi",
            "(1a) Ketentuan baru.",
            [("insert_ayat", "10", "1a", None)],
        ),
        (
            "Ketentuan Pasal 77 ditambah 1 (satu) ayat, yakni ayat (6) sehingga Pasal 77 berbunyi",
            "Pasal 77 (1) Satu. (2) Dua.",
            [("replace_pasal", "77", None, None)],
        ),
        (
            "Di antara huruf b dan huruf c Pasal 5 disisipkan 1 (satu) huruf, yakni huruf ba yang berbunyi",
            "ba. sisipan.",
            [("insert_item", "5", None, "ba")],
        ),
        ("Ketentuan Penjelasan Pasal 4 diubah sehingga berbunyi", "Cukup jelas.", []),
    ],
)
def test_instruction_forms(instruction: str, wording: str, expected: list) -> None:  # noqa: ANN001
    changes = parse_instruction(instruction, wording, "angka 1", None)
    assert [(c.op, c.pasal, c.ayat, c.marker) for c in changes] == expected


def test_two_inserted_pasal_get_their_own_wording() -> None:
    text = (
        "Di antara Pasal 8 dan Pasal 9 disisipkan 2 (dua) pasal, yakni Pasal 8A dan Pasal 8B sehingga "
        "berbunyi sebagai berikut: Pasal 8A Satu. Pasal 8B Dua."
    )
    changes = parse_item("5", text)
    assert [(c.op, c.after, c.new_number, c.text) for c in changes] == [
        ("insert_pasal", "8", "8A", "Satu."),
        ("insert_pasal", "8A", "8B", "Dua."),
    ]


@pytest.fixture(scope="module")
def consolidated():  # noqa: ANN201
    chunks = split_regulation(ORIGINAL, DOC, "pp-1-2000.txt").chunks
    amendment = parse_amendment(AMENDMENT)
    assert amendment.target.short == "PP 1/2000" and not amendment.warnings
    result, warnings = consolidate(DOC, chunks, [(AMENDING, amendment)])
    assert warnings == []
    return {c.id: c for c in result}


def test_definition_and_huruf_changed_in_place(consolidated) -> None:  # noqa: ANN001
    angka2 = consolidated["pp-1-2000/pasal-1/angka-2"]
    assert angka2.text == "2. Pejabat adalah pejabat pembina kepegawaian."
    assert angka2.amended_by == "pp-2-2001"
    assert angka2.history[0]["text"].startswith(
        "Dalam Peraturan Pemerintah ini"
    )  # the Pasal before
    assert consolidated["pp-1-2000/pasal-1/angka-3"].amended_by is None
    larangan = consolidated["pp-1-2000/pasal-2/ayat-2"]
    assert (
        larangan.text.endswith("c. berbohong kepada atasan.")
        and "b. menerima suap" in larangan.text
    )
    assert (
        consolidated["pp-1-2000/pasal-2/ayat-3"].text
        == "(3) Pegawai wajib melaporkan harta kekayaan."
    )


def test_two_ayat_changed_one_deleted(consolidated) -> None:  # noqa: ANN001
    assert consolidated["pp-1-2000/pasal-3/ayat-1"].text == "(1) Cuti diberikan oleh PPK."
    assert (
        consolidated["pp-1-2000/pasal-3/ayat-3"].text == "(3) Cuti dicatat dalam sistem informasi."
    )
    deleted = consolidated["pp-1-2000/pasal-3/ayat-2"]
    assert deleted.deleted and deleted.text == "(2) Dihapus." and not deleted.searchable
    assert (
        consolidated["pp-1-2000/pasal-3/ayat-2@asli"].text == "(2) Cuti paling lama 12 hari kerja."
    )


def test_inserted_and_deleted_pasal(consolidated) -> None:  # noqa: ANN001
    order = [
        c.pasal for c in consolidated.values() if c.part == Part.BATANG_TUBUH and not c.superseded
    ]
    assert order.index("3A") < order.index("3B") < order.index("4") < order.index("5")
    assert consolidated["pp-1-2000/pasal-3a"].text == "Cuti bersama ditetapkan oleh Presiden."
    assert consolidated["pp-1-2000/pasal-4"].deleted
    assert consolidated["pp-1-2000/pasal-4@asli"].superseded
    assert consolidated["pp-1-2000/pasal-5"].amended_by is None
