"""OCR repair: words that must be repaired, words that must never change, scrambled passages,
misread Pasal headings recovered from the sequence."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from assistant.documents import Chunk, DocInfo, Part
from indexer.clean import clean_text
from indexer.ocr_chunks import repair_chunks
from indexer.ocr_quality import flag_scrambled
from indexer.ocr_repair import Repairer
from indexer.read import read_document
from indexer.split import split_regulation
from indexer.structure import find_pasal_markers, missing_pasal_numbers

CORPUS = Path(__file__).resolve().parents[3] / "shared" / "corpus"


@pytest.fixture(scope="module")
def repairer() -> Repairer:
    return Repairer()


@pytest.mark.parametrize(
    ("printed", "meant"),
    [
        ("kineda", "kinerja"),
        ("keda", "kerja"),
        ("dimalsud", "dimaksud"),
        ("fusat", "pusat"),
        ("menjrusun", "menyusun"),
        ("pedanjian", "perjanjian"),
        ("persetqjuan", "persetujuan"),
        ("lndonesia", "Indonesia"),
        ("ralryat", "rakyat"),
        ("penurLlnan", "penurunan"),
        ("rnenyelenggarakan", "menyelenggarakan"),
        ("wafib", "wajib"),
        ("Fusat", "Pusat"),
        ("pen5rusunan", "penyusunan"),
        ("ryB", "PyB"),
        ("JpT", "JPT"),
        ("pNS", "PNS"),
        ("ppK", "PPK"),
        ("lVlanqjerial", "Manajerial"),  # "M" read as "lVl", and "a" as "q"
    ],
)
def test_misread_words_are_repaired(repairer: Repairer, printed: str, meant: str) -> None:
    assert repairer.repair_word(printed) == meant


@pytest.mark.parametrize(
    "word",
    [
        "PNS",
        "PPPK",
        "SKP",
        "JPT",
        "PyB",
        "2014",
        "XIV",
        "viii",
        "Pasal",
        "kinerja",
        "dan/atau",
        "berkeberatan",
        "mutatis",
        "Khonghucu",
        "Nonmanajerial",
        "jender",
        "Kong",
        "Atah",
        "alat",
    ],
)
def test_known_words_abbreviations_and_numbers_never_change(repairer: Repairer, word: str) -> None:
    assert repairer.repair_text(word)[0] == word


def test_text_repair_keeps_punctuation_and_joins_cut_words(repairer: Repairer) -> None:
    text, repairs = repairer.repair_text("Penilaian kineda, yang obj ektif (lndonesia).")
    assert text == "Penilaian kinerja, yang objektif (Indonesia)."
    assert [r.original for r in repairs] == ["kineda,", "obj ektif", "(lndonesia)."]


def _chunk(cid: str, text: str, pasal: str, ayat: str | None = None) -> Chunk:
    return Chunk(
        id=cid,
        doc="pp-11-2017",
        doc_short="PP 11/2017",
        doc_title="Manajemen PNS",
        part=Part.BATANG_TUBUH,
        pasal=pasal,
        ayat=ayat,
        heading=f"Pasal {pasal}",
        text=text,
    )


def test_scrambled_passage_flagged_and_original_kept() -> None:
    chunks = [
        _chunk(
            "a/315",
            "PNS yang menduduki Jabatan guru disamakan. (l) (2t Bagran Keempat (1) (2t (3)",
            "315",
        ),
        _chunk(
            "a/316",
            "PNS yang telah bekerja paling secara terus menerus berhak lama 3 (tiga) bulan. "
            "Ketentuan paling singkat 5 (lima) tahun secara terus menerus dikecualikan bagi PNS.",
            "316",
        ),
        _chunk("a/317", "Hak cuti besar dapat ditangguhkan penggunaannya oleh PPK.", "317"),
    ]
    flagged = flag_scrambled(chunks)
    assert flagged[0].quality and flagged[0].quality.startswith("scrambled")
    assert flagged[1].quality and flagged[1].quality.startswith("scrambled")
    assert flagged[2].quality is None
    repaired = repair_chunks(chunks)
    assert "(2t" not in repaired[0].text and "Bagian Keempat" in repaired[0].text
    assert repaired[0].original_text == chunks[0].text
    assert repaired[2].original_text is None  # unchanged text keeps no copy


def test_misread_headings_recovered_between_neighbours() -> None:
    text = (
        "Pasal 210\nPengembangan kompetensi.\nPasal 2 I 1 Pengembangan dalam bentuk pendidikan.\n"
        "Pasal 212\nIsi.\nPasalTT Cuti sebagaimana dimaksud.\nPasal 214\nIsi lain."
    )
    markers, skipped = find_pasal_markers(text, first=210)
    assert [m.number for m in markers] == ["210", "211", "212", "214"]
    assert skipped == [213]  # "PasalTT" reads 77, not 213: left alone


def test_label_of_ayat() -> None:
    chunk = _chunk("pp-11-2017/pasal-320/ayat-1", "(1) PNS yang sakit.", "320", "1")
    assert chunk.label == "PP 11/2017 Pasal 320 ayat (1)"


@pytest.mark.skipif(not (CORPUS / "pp-49-2018.txt").is_file(), reason="shared corpus not present")
def test_pp_49_2018_pasal_77_is_indexed() -> None:
    doc = DocInfo(
        id="pp-49-2018",
        type="PP",
        number="49",
        year=2018,
        title="Manajemen PPPK",
        short="PP 49/2018",
    )
    text = clean_text(read_document(CORPUS / "pp-49-2018.txt"))
    chunks = split_regulation(text, doc, "pp-49-2018.txt").chunks
    pasal_77 = [c for c in chunks if c.pasal == "77" and c.part == Part.BATANG_TUBUH]
    assert pasal_77 and "Cuti tahunan" in pasal_77[0].text
    assert missing_pasal_numbers(chunks).get("pp-49-2018", []) == []


def _pp_11_2017_repaired() -> list[Chunk]:
    """The real PP 11/2017, read, split and repaired as `asisten index` does."""
    doc = DocInfo(
        id="pp-11-2017",
        type="PP",
        number="11",
        year=2017,
        title="Manajemen PNS",
        short="PP 11/2017",
    )
    text = clean_text(read_document(CORPUS / "pp-11-2017.txt"))
    return repair_chunks(split_regulation(text, doc, "pp-11-2017.txt").chunks)


@pytest.mark.skipif(not (CORPUS / "pp-11-2017.txt").is_file(), reason="shared corpus not present")
def test_pp_11_2017_pasal_320_gets_its_ayat_labels_back() -> None:
    chunks = _pp_11_2017_repaired()
    pasal_320 = [c for c in chunks if c.pasal == "320" and c.part == Part.BATANG_TUBUH]
    labels = [c.label for c in pasal_320]
    assert labels[0] == "PP 11/2017 Pasal 320 ayat (1)"
    assert "PP 11/2017 Pasal 320 1" not in labels
    assert all(c.quality and c.quality.startswith("scrambled") for c in pasal_320)
    assert pasal_320[3].text.startswith("(4) Hak atas cuti sakit")
    assert len({c.id for c in chunks}) == len(chunks)
    pasal_316 = [c for c in chunks if c.pasal == "316" and c.part == Part.BATANG_TUBUH]
    assert len(pasal_316) >= 3 and all(c.quality for c in pasal_316)
    assert "211" in {c.pasal for c in chunks}


def test_source_panel_parts_say_repaired_and_scrambled() -> None:
    from api.catalog import _part

    chunk = _chunk("pp-11-2017/pasal-316/ayat-1", "(1) PNS berhak atas cuti besar.", "316", "1")
    assert _part(chunk).repaired is False and _part(chunk).quality is None
    marked = chunk.model_copy(
        update={"original_text": "(1) PNS berhak atas cuti besar", "quality": "scrambled: x"}
    )
    assert _part(marked).repaired is True and _part(marked).quality == "scrambled: x"


def test_a_sentence_piece_from_another_column_is_flagged() -> None:
    mixed = _chunk(
        "a/26", "Huruf d Sistem Merit meritokrasi. diselenggarakan sesuai dengan prinsip.", "26"
    )
    clean = _chunk("a/27", "Huruf a. instansi; dan b. nasional. Setiap PNS memiliki hak.", "27")
    flagged = flag_scrambled([mixed, clean])
    assert flagged[0].quality and "urutan kata" in flagged[0].quality
    assert flagged[1].quality is None
    assert repair_chunks([mixed])[0].ayat is None  # no ayat invented for a word-order flag


def test_citations_carry_the_quality_flag_and_repair_mark() -> None:
    from assistant.cite import make_citations
    from assistant.documents import Passage
    from assistant.manifest import Manifest

    chunk = _chunk("pp-11-2017/pasal-316/ayat-1", "(1) PNS berhak atas cuti besar.", "316", "1")
    marked = chunk.model_copy(update={"quality": "scrambled: x", "original_text": "(1) PNS"})
    plain, flagged = make_citations([Passage(chunk=chunk), Passage(chunk=marked)], Manifest({}))
    assert (plain.quality, plain.repaired) == (None, False)
    assert (flagged.quality, flagged.repaired) == ("scrambled: x", True)


@pytest.mark.parametrize(
    ("printed", "meant"),
    [
        ("pejabatyang", "pejabat yang"),
        ("perundangundangan", "perundang-undangan"),
        ("kinerj a.", "kinerja."),
        ("antarjabatan,", "antarjabatan,"),  # one word in EYD
        ("huruf b dan c", "huruf b dan c"),  # a list label is not a word piece
        ("penyetaraan", "penyetaraan"),  # peny + setara + an
        ("Pengataur", "Pengataur"),  # not "Pengataui": "atau" takes no affixes
    ],
)
def test_glued_and_cut_words(repairer: Repairer, printed: str, meant: str) -> None:
    assert repairer.repair_text(printed)[0] == meant


@pytest.mark.skipif(not (CORPUS / "pp-11-2017.txt").is_file(), reason="shared corpus not present")
def test_words_carried_out_of_their_sentence_are_put_back() -> None:
    """PP 11/2017 as read: Pasal 316 ayat (1) lost "singkat 5 (lima) tahun" and "atas cuti besar
    paling" to the end of Pasal 317; the real file's word pairs put them back, and nothing else in
    the corpus moves."""
    from indexer.ocr_fragments import reinsert_fragments

    repaired = _pp_11_2017_repaired()
    by_id = {c.id: c for c in repaired}
    ayat_1 = by_id["pp-11-2017/pasal-316/ayat-1"]
    assert ayat_1.text == (
        "(1) PNS yang telah bekerja paling singkat 5 (lima) tahun secara terus menerus berhak atas "
        "cuti besar paling lama 3 (tiga) bulan."
    )
    assert "paling secara terus menerus berhak lama" in (ayat_1.original_text or "")
    assert by_id["pp-11-2017/pasal-317"].text.endswith("kecuali untuk kepentingan agama.")
    # a fragment with no clear place stays where OCR left it ("... diatur dengan tersendiri.
    # sebagaimana dimaksud Peraturan Pemerintah": two places score alike, none well enough)
    assert by_id["pp-11-2017/pasal-303"].text.endswith("sebagaimana dimaksud Peraturan Pemerintah")
    assert reinsert_fragments(repaired) == repaired  # once put back, nothing is left to move


def test_a_fragment_is_put_back_without_losing_the_lines_of_its_sentence() -> None:
    """The pieces go in before the words they were placed at; the list's line breaks stay (an
    item starts a line: provision_text.units reads it by that)."""
    from indexer.ocr_fragments import _inserted

    text = "PNS dilarang:\na. paling secara terus;\nb. berhak lama 3 (tiga) bulan."
    starts = [m.start() for m in re.finditer(r"\S+", text)]
    words = text.split()
    places = [words.index("secara"), words.index("lama")]
    assert _inserted(text, starts, places, [["singkat", "5"], ["atas", "cuti"]]) == (
        "PNS dilarang:\na. paling singkat 5 secara terus;\nb. berhak atas cuti lama 3 (tiga) bulan."
    )
