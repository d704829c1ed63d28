"""Relations read from the regulations' own texts, and the manifest checked against them."""

from __future__ import annotations

import pytest

from assistant.config import REPO_ROOT
from assistant.documents import DocStatus
from assistant.manifest import Manifest, load_manifest
from indexer.consolidate import apply_amendments
from indexer.pipeline import split_document
from indexer.read import read_document
from indexer.relations import disagreements, extract_relations, mark_provisions
from tests.conftest import shared_corpus

MANIFEST = load_manifest(REPO_ROOT / "corpus" / "manifest.toml")


@pytest.fixture(scope="module")
def corpus_chunks():  # noqa: ANN201
    """Every regulation text of ../shared/corpus, split and consolidated as the indexer does."""
    results = {}
    for path in sorted(shared_corpus().glob("*.txt")):
        doc = MANIFEST.match(path.name)[0]
        results[doc.id] = split_document(doc, read_document(path), path.name, path.suffix)
    apply_amendments(results, MANIFEST)
    return [c for r in results.values() for c in r.chunks]


@pytest.fixture(scope="module")
def relations(corpus_chunks):  # noqa: ANN001, ANN201
    return extract_relations(corpus_chunks, MANIFEST)


def _find(relations, actor: str, target: str, kind: str | None = None):  # noqa: ANN001, ANN202
    return [
        r
        for r in relations
        if r.actor_id == actor and r.target_id == target and (kind is None or r.kind == kind)
    ]


def test_revocations_read_from_the_closing_provisions(relations) -> None:  # noqa: ANN001
    for target in ("pp-24-1976", "pp-99-2000", "pp-12-2002", "pp-9-2003"):
        (rel,) = _find(relations, "pp-11-2017", target, "mencabut")
        assert rel.place == "Pasal 362" and not rel.reported
    (rel,) = _find(relations, "pp-30-2019", "pp-46-2011", "mencabut")
    assert rel.place == "Pasal 64 ayat (6)"
    kept = _find(relations, "pp-30-2019", "pp-46-2011", "tetap_berlaku")
    assert kept and all(r.implementing for r in kept)  # ayat (5): its implementing regulations
    (rel,) = _find(relations, "uu-20-2023", "uu-5-2014", "mencabut")
    assert rel.place == "Pasal 76"


def test_partial_revocation_of_pp_53_2010(relations) -> None:  # noqa: ANN001
    (rel,) = _find(relations, "pp-94-2021", "pp-53-2010", "mencabut_sebagian")
    assert rel.place == "Pasal 45"
    assert rel.scope == "sepanjang tidak mengatur jenis Hukuman Disiplin sedang"
    assert not _find(relations, "pp-94-2021", "pp-53-2010", "mencabut")
    (kept,) = _find(relations, "pp-94-2021", "pp-53-2010", "tetap_berlaku")
    assert (kept.place, kept.provision) == ("Pasal 42 ayat (2)", "Pasal 7 ayat (3)")
    (deferred,) = _find(relations, "pp-94-2021", "pp-94-2021", "ditangguhkan")
    assert deferred.provision == "Pasal 8 ayat (3)" and "Gaji dan Tunjangan" in deferred.scope


def test_amendments_read_from_pasal_i_and_from_citations(relations) -> None:  # noqa: ANN001
    for actor, target in (
        ("pp-45-1990", "pp-10-1983"),
        ("pp-12-2002", "pp-99-2000"),
        ("pp-66-2017", "pp-70-2015"),
    ):
        own = [r for r in _find(relations, actor, target, "mengubah") if not r.reported]
        assert [r.place for r in own] == ["Pasal I"]
    # PP 94/2021 Pasal 41 cites "PP 10/1983 sebagaimana telah diubah dengan PP 45/1990"
    reported = [r for r in _find(relations, "pp-45-1990", "pp-10-1983") if r.reported]
    assert any(r.source == "pp-94-2021" for r in reported)


def test_provision_status_per_provision(corpus_chunks, relations) -> None:  # noqa: ANN001
    marked = {c.id: c for c in mark_provisions(corpus_chunks, relations)}
    kept = marked["pp-53-2010/pasal-7/ayat-3"]
    assert kept.doc_status == DocStatus.DICABUT
    assert (kept.provision_status, kept.status_basis) == ("berlaku", "PP 94/2021 Pasal 42 ayat (2)")
    deferred = marked["pp-94-2021/pasal-8/ayat-3"]
    assert deferred.provision_status == "belum_berlaku"
    assert deferred.status_basis == "PP 94/2021 Pasal 42 ayat (1)"
    others = [c for c in marked.values() if c.provision_status]
    assert {c.id for c in others} == {"pp-53-2010/pasal-7/ayat-3", "pp-94-2021/pasal-8/ayat-3"}


def test_manifest_and_texts_agree(corpus_chunks, relations) -> None:  # noqa: ANN001
    indexed = {c.doc for c in corpus_chunks}
    assert disagreements(relations, MANIFEST, indexed) == []


def _edited(**changes: dict) -> Manifest:
    docs = dict(MANIFEST.documents)
    for doc_id, update in changes.items():
        docs[doc_id] = docs[doc_id].model_copy(update=update)
    partial = {k: v for k, v in MANIFEST.partial.items() if "pp-53-2010" not in changes}
    return Manifest(documents=docs, ignore=MANIFEST.ignore, partial=partial)


def test_a_wrong_status_is_reported(corpus_chunks, relations) -> None:  # noqa: ANN001
    indexed = {c.doc for c in corpus_chunks}
    wrong = _edited(
        **{
            "pp-46-2011": {"status": DocStatus.BERLAKU, "dicabut_oleh": ()},
            "pp-10-1983": {"status": DocStatus.BERLAKU, "diubah_oleh": ()},
            "pp-53-2010": {},
            "pp-49-2018": {"status": DocStatus.DICABUT, "dicabut_oleh": ("uu-20-2023",)},
        }
    )
    found = "\n".join(disagreements(relations, wrong, indexed))
    assert "PP 46/2011: teks PP 30/2019 Pasal 64 ayat (6) mencabutnya" in found
    assert "PP 10/1983: teks menyebut diubah dengan PP 45/1990" in found
    assert "PP 53/2010: dicabut sebagian (sepanjang tidak mengatur" in found
    assert (
        "PP 49/2018: manifest menyebut dicabut oleh UU 20/2023, teksnya tidak mencabutnya" in found
    )
