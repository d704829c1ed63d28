"""Structure tests on the real OCR texts from ../shared/corpus."""

from __future__ import annotations

import pytest

from assistant.config import REPO_ROOT
from assistant.documents import Part
from assistant.manifest import load_manifest
from indexer.pipeline import split_document
from indexer.read import read_document
from tests.conftest import shared_corpus

MANIFEST = load_manifest(REPO_ROOT / "corpus" / "manifest.toml")


def _split(name: str):  # noqa: ANN202
    path = shared_corpus() / name
    doc = MANIFEST.match(path.name)[0]
    return split_document(doc, read_document(path), path.name, path.suffix)


def _pasal_sequence(result) -> list[str]:  # noqa: ANN001
    seq: list[str] = []
    for chunk in result.chunks:
        if chunk.part == Part.BATANG_TUBUH and chunk.pasal and (not seq or seq[-1] != chunk.pasal):
            seq.append(chunk.pasal)
    return seq


def test_uu_20_2023_has_pasal_1_to_77_once_in_order() -> None:
    seq = _pasal_sequence(_split("uu-20-2023.txt"))
    assert seq == [str(n) for n in range(1, 78)]


@pytest.mark.parametrize(
    ("pasal", "ayat"),
    [
        ("9", ["1", "2"]),
        ("24", ["1", "2", "3"]),
        ("26", ["1", "2", "3", "4", "5"]),
        ("22", ["1", "2", "3", "4", "5"]),
    ],
)
def test_uu_20_2023_ayat_numbers(pasal: str, ayat: list[str]) -> None:
    result = _split("uu-20-2023.txt")
    found = [c.ayat for c in result.chunks if c.part == Part.BATANG_TUBUH and c.pasal == pasal]
    assert found == ayat


def test_uu_20_2023_pasal_10_text_and_metadata() -> None:
    result = _split("uu-20-2023.txt")
    (chunk,) = [c for c in result.chunks if c.id == "uu-20-2023/pasal-10"]
    assert "pelaksana kebijakan publik" in chunk.text
    assert "perekat dan pemersatu bangsa" in chunk.text
    assert chunk.bab == "IV" and "FUNGSI" in (chunk.bab_title or "")
    assert chunk.heading.startswith("UU 20/2023 tentang Aparatur Sipil Negara › BAB IV")
    assert chunk.heading.endswith("Pasal 10")
    assert chunk.doc_status == "berlaku"
    assert chunk.label == "UU 20/2023 Pasal 10"


def test_uu_20_2023_definitions_split_by_angka_and_penjelasan_apart() -> None:
    result = _split("uu-20-2023.txt")
    ids = {c.id for c in result.chunks}
    assert {"uu-20-2023/pasal-1/angka-1", "uu-20-2023/pasal-1/angka-3"} <= ids
    penjelasan = [c for c in result.chunks if c.part == Part.PENJELASAN and c.pasal]
    assert {c.pasal for c in penjelasan} >= {"1", "24", "77"}
    assert all(c.id.startswith("uu-20-2023/penjelasan/") for c in penjelasan)
    assert not any("Cukup jelas" in c.text for c in result.chunks if c.part == Part.BATANG_TUBUH)


def test_ocr_repair_in_chunks() -> None:
    result = _split("uu-20-2023.txt")
    text = "\n".join(c.text for c in result.chunks)
    assert "2Ol4" not in text and "PRESIDEN\nREPUB" not in text
    assert "SK No" not in text
    (ayat2,) = [c for c in result.chunks if c.id == "uu-20-2023/pasal-9/ayat-2"]
    assert ayat2.text.startswith("(2) Pegawai ASN harus bebas dari pengaruh")


@pytest.mark.parametrize(
    ("name", "last", "allowed_gaps"),
    [
        ("pp-94-2021.txt", 46, {"39"}),  # Pasal 39 is missing from the OCR text itself
        ("pp-30-2019.txt", 65, set()),  # Pasal 27 is OCR'd "PasaL 27": repaired
        ("uu-5-2014.txt", 141, set()),
    ],
)
def test_other_regulations_pasal_ranges(name: str, last: int, allowed_gaps: set[str]) -> None:
    seq = _pasal_sequence(_split(name))
    expected = [str(n) for n in range(1, last + 1) if str(n) not in allowed_gaps]
    assert seq == expected


def test_pp_94_2021_ayat_and_larangan() -> None:
    result = _split("pp-94-2021.txt")
    ayat = [c.ayat for c in result.chunks if c.part == Part.BATANG_TUBUH and c.pasal == "8"]
    assert ayat == ["1", "2", "3", "4"]
    pasal5 = " ".join(
        c.text for c in result.chunks if c.part == Part.BATANG_TUBUH and c.pasal == "5"
    )
    assert pasal5.startswith("PNS dilarang:")
    assert "menyalahgunakan" in pasal5 and "bertindak sewenang-wenang terhadap bawahan" in pasal5


def test_perpres_82_2023_read_from_pdf() -> None:
    result = _split("perpres-82-2023.pdf")
    seq = _pasal_sequence(result)
    assert seq[0] == "1" and seq[-1] == "22"
    assert len(seq) >= 20


def test_html_sample_is_read_and_split() -> None:
    path = shared_corpus() / "samples" / "uu-5-2014.wikisource.html"
    doc = MANIFEST.get("uu-5-2014")
    result = split_document(doc, read_document(path), path.name, ".html")
    seq = _pasal_sequence(result)
    assert seq[:3] == ["1", "2", "3"] and len(seq) >= 135


def _first(result, pasal: str):  # noqa: ANN001, ANN202
    return next(c for c in result.chunks if c.part == Part.BATANG_TUBUH and c.pasal == pasal)


def test_bagian_and_paragraf_titles_reach_the_heading_trail() -> None:
    pp94 = _split("pp-94-2021.txt")
    pasal5 = _first(pp94, "5")
    assert (pasal5.bab, pasal5.bagian, pasal5.paragraf) == ("II", "Larangan", None)
    assert "› Bagian Ketiga Larangan ›" in pasal5.heading
    pasal13 = _first(pp94, "13")
    assert (pasal13.paragraf, pasal13.paragraf_title) == ("2", "Pelanggaran Terhadap Larangan")
    assert "› Paragraf 2 Pelanggaran Terhadap Larangan ›" in pasal13.heading


def test_paragraf_numbers_survive_ocr() -> None:
    pp11 = _split("pp-11-2017.txt")
    titles = {
        (c.bagian, c.paragraf): c.paragraf_title for c in pp11.chunks if c.paragraf is not None
    }
    # "Paragraf I" (OCR for 1) and "Paragraf 1 1" (OCR for 11)
    assert titles[("Dasar Pemberhentian", "1")] == "Pemberhentian Atas Permintaan Sendiri"
    assert titles[("Jabatan Fungsional", "11")] == "Pemberhentian dari Jabatan Fungsional"
    # a heading cut short by a mis-read "Pasat 67" keeps only the title
    assert titles[("Jabatan Fungsional", "1")].endswith("Akuntabilitas Jabatan Fungsional")
    uu20 = _split("uu-20-2023.txt")
    assert "Pengembangan Talenta dan Karier" in {c.paragraf_title for c in uu20.chunks}


def test_misread_pasal_heading_is_recovered() -> None:
    # the OCR has "Bagian Kedua Pemantauan Kinerja PasaL 27 (1) Pemantauan Kinerja dilakukan ..."
    pp30 = _split("pp-30-2019.txt")
    pasal27 = [c for c in pp30.chunks if c.part == Part.BATANG_TUBUH and c.pasal == "27"]
    assert pasal27[0].ayat == "1" and pasal27[0].text.startswith("(1) Pemantauan Kinerja dilakukan")
    assert pasal27[0].bagian == "Pemantauan Kinerja"


def test_huruf_nested_in_an_angka_item_stay_with_it() -> None:
    # PP 53/2010 Pasal 10: "kewajiban: 1. ... 9. masuk kerja ... berupa: a. ... d. ... 46 hari
    # kerja ...; 10. ...". The huruf belong to angka 9: the Pasal splits at its angka items, each
    # chunk after the lead-in only, and items 1-8 are not repeated before every huruf.
    result = _split("pp-53-2010.txt")
    pasal10 = [c for c in result.chunks if c.part == Part.BATANG_TUBUH and c.pasal == "10"]
    assert all(c.item and c.item.startswith("angka") for c in pasal10), [c.item for c in pasal10]
    holding = [c for c in pasal10 if "46 (empat puluh enam) hari kerja" in c.text]
    assert len(holding) == 1
    text = holding[0].text
    assert text.startswith("Hukuman disiplin berat sebagaimana dimaksud dalam Pasal 7 ayat (4)")
    assert "\n9. masuk kerja" in text and "a. penurunan pangkat" in text
    assert "1. setia dan taat" not in text  # another group of items, not a repeated lead-in
    joined = "\n".join(c.text for c in pasal10)
    assert joined.count("1. setia dan taat") == 1 and "13. menaati peraturan kedinasan" in joined


def test_a_lost_item_number_does_not_swallow_the_rest_of_the_list() -> None:
    # PP 11/2017 Pasal 362: OCR reads angka 11 as "I 1."; items 12-15 still start their own pieces
    result = _split("pp-11-2017.txt")
    items = [c.item for c in result.chunks if c.part == Part.BATANG_TUBUH and c.pasal == "362"]
    assert items and all(i and i.startswith("angka") for i in items), items
    assert any(i.endswith("15") for i in items), items
