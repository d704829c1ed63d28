"""The catalogue of regulations the corpus names, and the delegations it makes, on the real texts."""

from __future__ import annotations

import pytest

from assistant.config import REPO_ROOT
from assistant.documents import Chunk
from assistant.landscape import (
    delegation_note,
    delegations_for,
    find_referenced,
    mention_note,
    referenced_not_held,
)
from assistant.manifest import load_manifest
from indexer.catalogue import build_catalogue
from indexer.delegations import find_delegations
from indexer.instruments import find_mentions
from indexer.pipeline import discover, split_document
from indexer.read import read_document
from tests.conftest import make_settings, shared_corpus


@pytest.fixture(scope="module")
def corpus_chunks(tmp_path_factory: pytest.TempPathFactory) -> tuple[list[Chunk], dict]:
    settings = make_settings(
        tmp_path_factory.mktemp("cat"), [REPO_ROOT / "corpus", shared_corpus()]
    )
    manifest = load_manifest(settings.manifest_path)
    chunks: list[Chunk] = []
    for src in discover(settings, manifest).files:
        text = read_document(src.path)
        chunks += split_document(src.doc, text, src.path.name, src.path.suffix.lower()).chunks
    return chunks, manifest.documents


@pytest.fixture(scope="module")
def catalogue(corpus_chunks: tuple[list[Chunk], dict]) -> dict:
    chunks, documents = corpus_chunks
    return build_catalogue(chunks, documents, {c.doc for c in chunks})


def test_ocr_digits_and_title_read_from_a_formal_citation() -> None:
    text = (
        "Undang-Undang Nomor 5 Tahun 2Ol4 tentang Aparatur Sipil Negara (Lembaran Negara "
        "Republik Indonesia Tahun 2Ol4 Nomor 6, Tambahan Lembaran Negara Nomor 5494)"
    )
    found = list(find_mentions(text))
    assert [m.instrument.key for m in found] == [
        "uu-5-2014"
    ]  # the Lembaran Negara is no regulation
    assert found[0].title == "Aparatur Sipil Negara"


def test_pp_10_1983_is_referenced_by_its_amendment_and_pp_94_2021(catalogue: dict) -> None:
    entry = catalogue["entries"]["pp-10-1983"]
    assert entry["title"] == "Izin Perkawinan dan Perceraian bagi Pegawai Negeri Sipil"
    assert {"pp-45-1990", "pp-94-2021"} <= set(entry["mentioned_by"])
    assert "pp-10-1983" not in entry["mentioned_by"]  # its own heading is no reference
    assert entry["held"] == "pp-10-1983"


def test_revocation_list_of_pp_11_2017_names_what_we_lack(catalogue: dict) -> None:
    entries = catalogue["entries"]
    assert entries["pp-24-1976"]["revoked_by"] == ["pp-11-2017"]
    lacking = entries["pp-21-1975"]
    assert lacking["held"] is None and lacking["revoked_by"] == ["pp-11-2017"]
    assert lacking["title"] == "Sumpah/Janji Pegawai Negeri Sipil"
    assert "pp-11-2017/pasal-362" in lacking["mentioned_in"][0]
    assert lacking in referenced_not_held(catalogue)


def test_uu_20_2023_delegates_dismissal_procedure_to_a_peraturan_pemerintah(
    catalogue: dict,
) -> None:
    (d,) = catalogue["delegations"]["uu-20-2023/pasal-54"]
    assert d["kind"] == "pp" and d["number"] is None
    assert d["topic"].startswith("tata cara pemberhentian, pemberhentian sementara")
    assert d["status"] == "not_held"  # no PP implementing UU 20/2023 is in the corpus


def test_pp_11_2017_delegates_leave_procedure_to_a_peraturan_bkn(catalogue: dict) -> None:
    (d,) = catalogue["delegations"]["pp-11-2017/pasal-341"]
    assert (d["kind"], d["label"], d["topic"]) == (
        "perbkn",
        "Peraturan BKN",
        "tata cara pemberian cuti",
    )
    assert d["status"] == "not_held"
    perbkn = find_referenced(catalogue, "PerBKN")
    assert perbkn is not None and perbkn["held"] is None
    assert "pp-11-2017" in perbkn["mentioned_by"]


def test_bare_peraturan_menteri_is_the_menteri_of_pasal_1(catalogue: dict) -> None:
    (d,) = catalogue["delegations"]["pp-11-2017/pasal-202"]  # "… diatur dengan Peraturan Menteri"
    assert d["key"] == "permenpanrb" and d["topic"] == "penugasan khusus"


def test_uu_5_2014_delegations_point_at_the_pps_that_cite_it(catalogue: dict) -> None:
    (d,) = catalogue["delegations"]["uu-5-2014/pasal-86/ayat-4"]  # disiplin → PP
    assert d["status"] == "possibly_held" and "pp-94-2021" in d["candidates"]


def test_a_reference_is_not_a_delegation() -> None:
    assert find_delegations("Ketentuan mengenai disiplin PNS telah diatur dalam Peraturan "
                            "Pemerintah Nomor 30 Tahun 1980.") == []  # fmt: skip
    assert find_delegations("sebagaimana diatur dalam Peraturan Pemerintah ini.") == []


def test_a_delegation_covers_the_pasal_it_names(catalogue: dict) -> None:
    (d,) = catalogue["delegations"][
        "uu-20-2023/pasal-45"
    ]  # "… dalam Pasal 40 sampai dengan Pasal 44"
    assert d["covers"] == [f"uu-20-2023/pasal-{n}" for n in range(40, 45)]
    (note,) = delegations_for(catalogue, ["uu-20-2023/pasal-42"])  # pengelolaan kinerja
    assert (note["chunk"], note["via"], note["topic"]) == (
        "uu-20-2023/pasal-45",
        "pasal",
        "pengelolaan kinerja",
    )


def test_query_helpers_name_the_missing_instrument(catalogue: dict) -> None:
    notes = delegations_for(catalogue, ["pp-11-2017/pasal-341", "uu-20-2023/pasal-1/angka-1"])
    assert [(n["chunk"], n["key"]) for n in notes] == [("pp-11-2017/pasal-341", "perbkn")]
    assert delegation_note(notes[0], "PP 11/2017 Pasal 341") == (
        "PP 11/2017 Pasal 341 menyatakan bahwa ketentuan lebih lanjut mengenai tata cara pemberian"
        " cuti diatur dengan Peraturan BKN, yang teksnya tidak ada di korpus Asisten ASN."
    )
    entry = find_referenced(catalogue, "PP", "21", 1975)
    assert entry is not None
    assert "disebut dalam korpus" in mention_note(entry, ["PP 11/2017 Pasal 362"])
    assert find_referenced(catalogue, "PP", "99", 2099) is None
    assert find_referenced(catalogue, "Perka BKN", "24", 2017) is None  # never named by number
    assert find_referenced(catalogue, "Perka BKN", "24", 2017, family=True)["key"] == "perbkn"
