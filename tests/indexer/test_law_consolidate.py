"""Consolidated texts ("naskah konsolidasi") of the three amended regulations in the corpus."""

from __future__ import annotations

import re

import pytest

from assistant.config import REPO_ROOT
from assistant.documents import Chunk, Part
from assistant.manifest import load_manifest
from indexer.amendment_ops import clean_wording
from indexer.consolidate import apply_amendments
from indexer.pipeline import split_document
from indexer.provisions import provisions
from indexer.read import read_document
from tests.conftest import shared_corpus

MANIFEST = load_manifest(REPO_ROOT / "corpus" / "manifest.toml")
PAIRS = [("pp-10-1983", "pp-45-1990"), ("pp-99-2000", "pp-12-2002"), ("pp-70-2015", "pp-66-2017")]


def _split(doc_id: str):  # noqa: ANN202
    path = shared_corpus() / f"{doc_id}.txt"
    return split_document(MANIFEST.get(doc_id), read_document(path), path.name, ".txt")


@pytest.fixture(scope="module")
def pairs() -> dict[str, tuple[list[Chunk], list[Chunk], object, list[Chunk]]]:
    """target -> (original chunks, consolidated chunks, amendment, amendment chunks)."""
    out = {}
    for target, amendment in PAIRS:
        results = {target: _split(target), amendment: _split(amendment)}
        original = list(results[target].chunks)
        warnings = apply_amendments(results, MANIFEST)
        assert warnings == {target: []}
        out[target] = (
            original,
            results[target].chunks,
            results[amendment].amendment,
            results[amendment].chunks,
        )
    return out


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"^\(\d+[a-z]?\)\s*", "", text.strip())).strip(' ."”')


def _current(chunks: list[Chunk]) -> dict[str, object]:
    """Pasal number -> its provision rebuilt from the consolidated (not superseded) chunks."""
    live = [c for c in chunks if not c.superseded and not c.deleted]
    return {p.pasal: p for p in provisions(live)}


def _changed_pasals(amendment) -> set[str]:  # noqa: ANN001
    touched = set()
    for c in amendment.changes:
        touched |= {c.pasal, c.new_number or c.pasal, c.after or c.pasal}
    return touched


@pytest.mark.parametrize(("target", "_amendment"), PAIRS)
def test_changed_provisions_have_the_amendments_wording(pairs, target, _amendment) -> None:  # noqa: ANN001
    _, consolidated, amendment, _ = pairs[target]
    current = _current(consolidated)
    checked = 0
    final_changes = {}
    for change in amendment.changes:  # the last change of a Pasal/ayat is the wording in force
        if change.op in ("replace_pasal", "insert_pasal"):
            final_changes[(change.new_number or change.pasal, None)] = change
        elif change.op in ("replace_ayat", "insert_ayat"):
            final_changes[(change.pasal, change.new_number or change.ayat)] = change
    for (pasal, ayat), change in final_changes.items():
        prov = current[pasal]
        if ayat is None:
            assert _norm(prov.body()) == _norm(clean_wording(change.text)), (target, pasal)
        else:
            (unit,) = [u for u in prov.units if u.ayat == ayat] or [
                u for u in prov.units if u.ayat is None
            ]
            assert _norm(clean_wording(change.text)) in _norm(unit.text), (target, pasal, ayat)
        amended = [c for c in consolidated if c.pasal == pasal and not c.superseded]
        assert any(c.amended_by == _amendment for c in amended)
        checked += 1
    assert checked >= 5


@pytest.mark.parametrize(("target", "_amendment"), PAIRS)
def test_unchanged_provisions_keep_the_original(pairs, target, _amendment) -> None:  # noqa: ANN001
    original, consolidated, amendment, _ = pairs[target]
    touched = _changed_pasals(amendment)
    if target == "pp-10-1983":  # Pasal 11-17 renumbered by PP 45/1990 angka 6-13
        touched |= {str(n) for n in range(11, 18)}
    by_id = {c.id: c for c in consolidated}
    kept = [c for c in original if c.part == Part.BATANG_TUBUH and c.pasal not in touched]
    assert len(kept) > 20
    for chunk in kept:
        assert by_id[chunk.id].text == chunk.text and by_id[chunk.id].amended_by is None
    # Pembukaan, Lampiran and the Penjelasan of Pasal the amendment does not explain are untouched
    explained = {number for number, _ in amendment.penjelasan}
    others = [c for c in original if c.part != Part.BATANG_TUBUH and c.pasal not in explained]
    assert others and all(by_id[c.id].text == c.text for c in others)


def test_pp_10_1983_renumbering_insertion_and_original_wording(pairs) -> None:  # noqa: ANN001
    _, consolidated, _, _ = pairs["pp-10-1983"]
    by_id = {c.id: c for c in consolidated}
    # old Pasal 11 deleted, old 12 becomes Pasal 11 with a new ayat (3)
    new_11 = by_id["pp-10-1983/pasal-11"]
    assert new_11.text.startswith("Pegawai Negeri Sipil yang akan melakukan perceraian")
    assert "wajib meminta izin lebih dahulu dari Piesiden" in new_11.text  # the amendment's OCR
    assert new_11.label == "PP 10/1983 Pasal 11 sebagaimana diubah dengan PP 45/1990"
    assert [h["place"] for h in new_11.history][0] == "Pasal 12"  # its wording as old Pasal 12
    old_11 = by_id["pp-10-1983/pasal-11/ayat-1@asli"]
    assert old_11.superseded and "Izin bagi Pegawai Negeri Sipil wanita" in old_11.text
    # Pasal 14 (old 15) is the new "hidup bersama" rule; Pasal 17 is inserted
    assert (
        "dilarang hidup bersama dengan wanita yang bukan istrinya"
        in by_id["pp-10-1983/pasal-14"].text
    )
    assert by_id["pp-10-1983/pasal-17/ayat-1"].text.startswith("(1) Tata cara penjatuhan")
    # Pasal 8: ayat (4) inserted, old (4)-(6) now (5)-(7), new (6) wording
    ayat = [
        c.ayat
        for c in consolidated
        if c.pasal == "8" and c.part == Part.BATANG_TUBUH and not c.superseded
    ]
    assert ayat == ["1", "2", "3", "4", "5", "6", "7"]
    assert by_id["pp-10-1983/pasal-8/ayat-5"].text.startswith(
        "(5) Apabila perceraian terjadi atas kehendak isteri"
    )
    assert (
        "meminta cerai karena dimadu, dan atau suami berzinah"
        in by_id["pp-10-1983/pasal-8/ayat-6"].text
    )
    # the original Pasal 3 is still findable, labelled as the original
    asli = by_id["pp-10-1983/pasal-3/ayat-3@asli"]
    assert asli.searchable and asli.superseded and "izin perceraian" in asli.text
    assert asli.label == "PP 10/1983 Pasal 3 ayat (3) (teks asli, sebelum diubah dengan PP 45/1990)"


def test_pp_99_2000_deleted_pasal_is_marked(pairs) -> None:  # noqa: ANN001
    _, consolidated, _, _ = pairs["pp-99-2000"]
    (deleted,) = [
        c
        for c in consolidated
        if c.pasal == "11" and c.part == Part.BATANG_TUBUH and not c.superseded
    ]
    assert deleted.deleted and not deleted.searchable and deleted.text == "Pasal 11 dihapus."
    assert deleted.label == "PP 99/2000 Pasal 11 (dihapus dengan PP 12/2002)"
    assert deleted.history and deleted.history[0]["doc"] == "pp-99-2000"
    assert any(c.id.startswith("pp-99-2000/pasal-11") and c.superseded for c in consolidated)
    (pasal4,) = [c for c in consolidated if c.id == "pp-99-2000/pasal-4"]
    assert "1 April dan 1 Oktober" in pasal4.text and pasal4.amended_by == "pp-12-2002"


def test_pp_70_2015_inserted_pasal_and_changed_rate(pairs) -> None:  # noqa: ANN001
    _, consolidated, _, amendment_chunks = pairs["pp-70-2015"]
    by_id = {c.id: c for c in consolidated}
    assert "0,72%" in by_id["pp-70-2015/pasal-30/ayat-2"].text
    assert "0,72%" not in by_id["pp-70-2015/pasal-30/ayat-2@asli"].text
    order = [c.pasal for c in consolidated if c.part == Part.BATANG_TUBUH and not c.superseded]
    assert order.index("41A") == order.index("41") + 1
    assert by_id["pp-70-2015/pasal-41a/ayat-1"].label == (
        "PP 70/2015 Pasal 41A ayat (1) sebagaimana diubah dengan PP 66/2017"
    )
    # the amendment's own Pasal I items leave retrieval; its Pasal II and Pembukaan stay
    items = [c for c in amendment_chunks if c.pasal == "I" and c.item]
    assert items and not any(c.searchable for c in items)
    assert all(c.searchable for c in amendment_chunks if c.pasal == "II")
    # chunk order is the document order again
    assert [c.order for c in consolidated] == list(range(len(consolidated)))


def test_amendment_penjelasan_replaces_the_original_one(pairs) -> None:  # noqa: ANN001
    _, consolidated, _, amendment_chunks = pairs["pp-10-1983"]
    by_id = {c.id: c for c in consolidated}
    hidup_bersama = by_id["pp-10-1983/penjelasan/pasal-14"]
    assert hidup_bersama.text.startswith("Yang dimaksud dengan hidup bersama adalah")
    assert hidup_bersama.searchable and hidup_bersama.amended_by == "pp-45-1990"
    assert (
        hidup_bersama.label == "Penjelasan PP 10/1983 Pasal 14 sebagaimana diubah dengan PP 45/1990"
    )
    assert by_id["pp-10-1983/penjelasan/pasal-14@asli"].superseded
    assert not by_id["pp-10-1983/penjelasan/pasal-15"].searchable  # "Ayat (1) Cukup jelas ..."
    umum = [c for c in amendment_chunks if c.id.startswith("pp-45-1990/penjelasan/umum")]
    assert umum and all(c.searchable for c in umum)


def test_an_amendment_without_its_target_stays_searchable() -> None:
    results = {"pp-66-2017": _split("pp-66-2017")}
    assert apply_amendments(results, MANIFEST) == {}
    items = [c for c in results["pp-66-2017"].chunks if c.pasal == "I" and c.item]
    assert items and all(c.searchable for c in items)
