"""Old-to-new provision mapping on the real texts (wording, titles, terms and order; no model)."""

from __future__ import annotations

import pytest

from assistant.correspondence import is_doubtful, predecessors_of, successor_note, successor_of
from assistant.documents import Chunk
from indexer.correspondence import build_correspondence, successor_pairs
from tests.indexer.test_catalogue import corpus_chunks  # noqa: F401  (the split real corpus)


@pytest.fixture(scope="module")
def table(corpus_chunks: tuple[list[Chunk], dict]) -> dict:  # noqa: F811
    chunks, documents = corpus_chunks
    return build_correspondence(chunks, documents, {c.doc for c in chunks})


def test_pairs_come_from_the_manifest(corpus_chunks: tuple[list[Chunk], dict]) -> None:  # noqa: F811
    chunks, documents = corpus_chunks
    pairs = set(successor_pairs(documents, {c.doc for c in chunks}))
    assert {("uu-5-2014", "uu-20-2023"), ("pp-53-2010", "pp-94-2021"), ("pp-24-1976", "pp-11-2017"),
            ("pp-46-2011", "pp-30-2019"), ("pp-9-2003", "pp-11-2017")} <= pairs  # fmt: skip
    assert not any(old == "pp-12-2002" for old, _ in pairs)  # an amendment: lives in PP 99/2000


@pytest.mark.parametrize(
    ("old", "new"),
    [
        (("uu-5-2014", "6"), "uu-20-2023/pasal-5"),  # Pegawai ASN terdiri atas PNS dan PPPK
        (("uu-5-2014", "90"), "uu-20-2023/pasal-55"),  # batas usia pensiun
        (("pp-53-2010", "7"), "pp-94-2021/pasal-8"),  # tingkat dan jenis hukuman disiplin
        (("pp-24-1976", "8"), "pp-11-2017/pasal-315"),  # guru dan dosen: tanpa cuti tahunan
        (("pp-24-1976", "19"), "pp-11-2017/pasal-325"),  # cuti bersalin -> cuti melahirkan (order)
    ],
)
def test_known_successors(table: dict, old: tuple[str, str], new: str) -> None:
    assert successor_of(table, old)[0][0] == new


def test_a_provision_without_counterpart_is_flagged(table: dict) -> None:
    # PP 94/2021 leaves upaya administratif to another PP: PP 53/2010 Pasal 32 has no successor
    assert is_doubtful(table, ("pp-53-2010", "32")) == "low_score"
    assert is_doubtful(table, ("uu-5-2014", "6")) is None


def test_definitions_map_by_their_term(
    table: dict,
    corpus_chunks: tuple[list[Chunk], dict],  # noqa: F811
) -> None:
    chunks, _ = corpus_chunks

    def pppk(doc: str) -> str:
        return next(c.id for c in chunks if c.doc == doc and c.pasal == "1" and c.item
                    and "selanjutnya disingkat PPPK" in c.text)  # fmt: skip

    assert successor_of(table, pppk("uu-5-2014"))[0] == (pppk("uu-20-2023"), 1.0)


def test_query_helpers(table: dict) -> None:
    assert successor_of(table, "uu-5-2014/pasal-6")[0][0] == "uu-20-2023/pasal-5"
    assert successor_of(table, ("uu-20-2023", "5")) == []  # not revoked
    assert ("uu-5-2014/pasal-6", pytest.approx(successor_of(table, ("uu-5-2014", "6"))[0][1])) in (
        predecessors_of(table, "uu-20-2023/pasal-5")
    )


def test_successor_note(table: dict) -> None:
    shorts = {"uu-5-2014": "UU 5/2014", "uu-20-2023": "UU 20/2023", "pp-53-2010": "PP 53/2010",
              "pp-94-2021": "PP 94/2021"}  # fmt: skip
    assert successor_note(table, ("uu-5-2014", "6"), shorts) == (
        "UU 5/2014 Pasal 6 telah dicabut; kini diatur dalam UU 20/2023 Pasal 5."
    )
    assert "tidak pasti" in str(successor_note(table, ("pp-53-2010", "32"), shorts))
    assert successor_note(table, ("uu-20-2023", "5"), shorts) is None
