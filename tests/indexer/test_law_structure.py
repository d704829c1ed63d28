"""Structure of the ten regulations added for issue 11 (typed texts in ../shared/corpus)."""

from __future__ import annotations

import pytest

from assistant.config import REPO_ROOT
from assistant.documents import Part
from assistant.manifest import load_manifest
from indexer.amendments import parse_amendment
from indexer.clean import clean_text
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


def _ayat(result, pasal: str) -> list[str | None]:  # noqa: ANN001
    return [c.ayat for c in result.chunks if c.part == Part.BATANG_TUBUH and c.pasal == pasal]


@pytest.mark.parametrize(
    ("name", "last"),
    [
        ("pp-10-1983.txt", 23),
        ("pp-53-2010.txt", 51),
        ("pp-46-2011.txt", 33),
        ("pp-24-1976.txt", 40),
        ("pp-99-2000.txt", 39),
        ("pp-70-2015.txt", 44),
        ("pp-9-2003.txt", 36),
    ],
)
def test_new_regulations_have_every_pasal_once_in_order(name: str, last: int) -> None:
    result = _split(name)
    assert _pasal_sequence(result) == [str(n) for n in range(1, last + 1)]
    assert result.warnings == [] or all("Penjelasan" in w for w in result.warnings)


@pytest.mark.parametrize(
    ("name", "pasal", "ayat"),
    [
        ("pp-10-1983.txt", "4", ["1", "2", "3", "4", "5"]),
        ("pp-10-1983.txt", "8", ["1", "2", "3", "4", "5", "6"]),
        ("pp-53-2010.txt", "7", ["1", "2", "3", "4"]),
        ("pp-70-2015.txt", "30", ["1", "2", "3", "4"]),
        ("pp-99-2000.txt", "6", ["1", "2"]),
    ],
)
def test_new_regulations_ayat(name: str, pasal: str, ayat: list[str]) -> None:
    assert _ayat(_split(name), pasal) == ayat


def test_pp_53_2010_hukuman_disiplin_sedang_text() -> None:
    (chunk,) = [c for c in _split("pp-53-2010.txt").chunks if c.id == "pp-53-2010/pasal-7/ayat-3"]
    assert chunk.text.startswith("(3) Jenis hukuman disiplin sedang")
    assert "penundaan kenaikan gaji berkala selama 1 (satu) tahun" in chunk.text
    assert chunk.doc_status == "dicabut"


def test_letter_spaced_penjelasan_and_lampiran_after_penjelasan() -> None:
    pp9 = _split("pp-9-2003.txt")  # "P E N J E L A S A N A T A S"
    assert {c.pasal for c in pp9.chunks if c.part == Part.PENJELASAN} >= {"1", "36"}
    assert not any("P E N J E L A S A N" in c.text for c in pp9.chunks if c.part != Part.PENJELASAN)
    pp70 = _split("pp-70-2015.txt")  # the Lampiran follows the Penjelasan and its TLN
    lampiran = [c for c in pp70.chunks if c.part == Part.LAMPIRAN]
    assert lampiran and "BESARAN MANFAAT JAMINAN KECELAKAAN KERJA" in lampiran[0].text


@pytest.mark.parametrize(
    ("name", "target", "items"),
    [
        ("pp-45-1990.txt", "10/1983", 13),
        ("pp-12-2002.txt", "99/2000", 13),
        ("pp-66-2017.txt", "70/2015", 5),
    ],
)
def test_amendment_regulations_split_into_pasal_i_items(name: str, target: str, items: int) -> None:
    result = _split(name)
    doc = name.removesuffix(".txt")
    assert result.amendment is not None and result.amendment.target.short == f"PP {target}"
    ids = [c.id for c in result.chunks]
    numbered = [
        c.item for c in result.chunks if c.pasal == "I" and (c.item or "").startswith("angka")
    ]
    assert list(dict.fromkeys(numbered)) == [f"angka {n}" for n in range(1, items + 1)]
    assert f"{doc}/pasal-ii" in ids and f"{doc}/pembukaan" in ids
    (pasal_2,) = [c for c in result.chunks if c.id == f"{doc}/pasal-ii"]
    assert pasal_2.text.startswith("Peraturan Pemerintah ini mulai berlaku")


def test_pp_45_1990_changes_read_in_order() -> None:
    path = shared_corpus() / "pp-45-1990.txt"
    changes = parse_amendment(clean_text(read_document(path))).changes
    ops = [(c.op, c.pasal, c.ayat, c.new_number) for c in changes]
    assert ops[:3] == [
        ("replace_pasal", "3", None, None),
        ("replace_pasal", "4", None, None),
        ("replace_ayat", "5", "2", None),
    ]
    assert ("insert_ayat", "8", "4", "4") in ops  # "Diantara ayat (3) dan ayat (4) lama disisipkan"
    assert ("renumber_ayat", "8", "6", "7") in ops
    assert ("delete_pasal", "11", None, None) in ops  # OCR "Pasal II dihapuskan" is Pasal 11
    assert ("renumber_pasal", "12", None, "11") in ops
    assert ops[-1] == ("insert_pasal", "16", None, "17")
    inserted = changes[-1].text
    assert inserted.startswith("(1) Tata cara penjatuhan hukuman disiplin")


def test_only_the_amendment_regulations_are_read_as_amendments() -> None:
    from indexer.amendments import is_amendment

    found = {
        path.name
        for path in shared_corpus().glob("*.txt")
        if is_amendment(clean_text(read_document(path)))
    }
    assert found == {"pp-45-1990.txt", "pp-12-2002.txt", "pp-66-2017.txt"}
