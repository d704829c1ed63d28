"""GET /api/search, /api/documents..., /healthz, /docs and the static UI."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

pytestmark = pytest.mark.slow

HIT_KEYS = {"id", "doc", "pasal", "ayat", "part", "text", "score"}


def test_search_contract(client: TestClient) -> None:
    r = client.get("/api/search", params={"q": "hukuman disiplin berat", "k": 5})
    assert r.status_code == 200
    hits = r.json()
    assert len(hits) == 5
    for hit in hits:
        assert set(hit) >= HIT_KEYS
        assert hit["id"].startswith(f"{hit['doc']}/")
    scores = [h["score"] for h in hits]
    assert scores == sorted(scores, reverse=True)
    assert any(h["doc"] == "pp-94-2021" for h in hits)


def test_search_default_k_and_bad_parameters(client: TestClient) -> None:
    assert len(client.get("/api/search", params={"q": "cuti tahunan"}).json()) == 10
    assert client.get("/api/search").status_code == 422
    assert client.get("/api/search", params={"q": ""}).status_code == 422
    r = client.get("/api/search", params={"q": "cuti", "k": 0})
    assert r.status_code == 422 and "k: terlalu kecil" in r.json()["detail"]
    assert client.get("/api/search", params={"q": "cuti", "k": "banyak"}).status_code == 422
    assert client.get("/api/search", params={"q": "x" * 5000}).status_code == 413


def test_documents_list_every_manifest_document(client: TestClient) -> None:
    docs = {d["id"]: d for d in client.get("/api/documents").json()}
    assert {"uu-20-2023", "uu-5-2014", "pp-11-2017", "pp-17-2020", "pp-94-2021"} <= set(docs)
    uu5 = docs["uu-5-2014"]
    assert uu5["status"] == "dicabut" and uu5["relations"]["dicabut_oleh"] == ["uu-20-2023"]
    assert uu5["status_note"] == "UU 5/2014 telah dicabut oleh UU 20/2023"
    assert uu5["indexed"] and uu5["chunks"] > 100 and not uu5["missing"]
    assert docs["pp-11-2017"]["status"] == "diubah"
    assert docs["pp-11-2017"]["relations"]["diubah_oleh"] == ["pp-17-2020"]
    assert docs["uu-20-2023"]["relations"]["mencabut"] == ["uu-5-2014"]
    absent = docs["pp-17-2020"]
    assert absent["missing"] and not absent["indexed"] and absent["chunks"] == 0
    assert absent["source_url"].startswith("https://")


def test_referenced_documents_we_do_not_hold(client: TestClient) -> None:
    rows = {r["key"]: r for r in client.get("/api/documents/referenced").json()}
    pp10 = rows["pp-10-1983"]  # named by PP 94/2021, not in the mini corpus
    assert pp10["held"] is None and "pp-94-2021" in pp10["mentioned_by"]
    assert pp10["title"] == "Izin Perkawinan dan Perceraian bagi Pegawai Negeri Sipil"
    assert rows["perbkn"]["delegations"] > 0  # "… diatur dengan Peraturan BKN" in PP 11/2017
    assert "uu-5-2014" not in rows  # held: cited by UU 20/2023 and in the corpus
    everything = client.get("/api/documents/referenced", params={"all": True}).json()
    assert {"key": "uu-5-2014", "held": "uu-5-2014"}.items() <= next(
        r for r in everything if r["key"] == "uu-5-2014"
    ).items()


def test_pasal_of_a_revoked_regulation_names_its_padanan(client: TestClient) -> None:
    padanan = client.get("/api/documents/uu-5-2014/pasal/6").json()["padanan"]
    assert padanan[0]["id"] == "uu-20-2023/pasal-5"  # Pegawai ASN terdiri atas PNS dan PPPK
    assert padanan[0]["label"] == "UU 20/2023 Pasal 5" and padanan[0]["doubtful"] is None
    assert client.get("/api/documents/uu-20-2023/pasal/5").json()["padanan"] == []


def test_one_document(client: TestClient) -> None:
    doc = client.get("/api/documents/uu-20-2023").json()
    assert doc["short"] == "UU 20/2023" and doc["status"] == "berlaku"
    assert doc["pasal"][:3] == ["1", "2", "3"] and "77" in doc["pasal"]
    r = client.get("/api/documents/uu-99-2099")
    assert r.status_code == 404 and "tidak dikenal" in r.json()["detail"]


def test_pasal_text_with_ayat_and_penjelasan(client: TestClient) -> None:
    r = client.get("/api/documents/uu-20-2023/pasal/24")
    assert r.status_code == 200
    data = r.json()
    assert data["label"] == "UU 20/2023 Pasal 24"
    assert data["document"]["status"] == "berlaku"
    assert data["document"]["source_url"].startswith("https://peraturan.bpk.go.id/")
    assert "BAB VI" in data["heading"]
    assert [p["ayat"] for p in data["ayat"]] == ["1", "2", "3"]
    assert data["ayat"][0]["id"] == "uu-20-2023/pasal-24/ayat-1"
    assert data["ayat"][0]["text"].startswith("(1) Pegawai ASN wajib")
    assert [p["id"] for p in data["penjelasan"]] == ["uu-20-2023/penjelasan/pasal-24"]


def test_pasal_of_repealed_law_carries_its_status(client: TestClient) -> None:
    data = client.get("/api/documents/uu-5-2014/pasal/10").json()
    assert data["document"]["status"] == "dicabut"
    assert "dicabut oleh UU 20/2023" in data["document"]["status_note"]


@pytest.mark.parametrize(
    ("path", "fragment"),
    [
        ("/api/documents/uu-20-2023/pasal/120", "Pasal 120 tidak ditemukan dalam UU 20/2023"),
        ("/api/documents/uu-20-2023/pasal/abc", "Pasal abc tidak ditemukan"),
        ("/api/documents/tidak-ada/pasal/1", "tidak dikenal"),
        ("/api/documents/pp-17-2020/pasal/1", "belum ada di korpus"),
    ],
)
def test_pasal_404s_say_why(client: TestClient, path: str, fragment: str) -> None:
    r = client.get(path)
    assert r.status_code == 404 and fragment in r.json()["detail"]


def test_pasal_404_names_the_last_pasal(client: TestClient) -> None:
    assert (
        "Pasal terakhir: Pasal 77"
        in client.get("/api/documents/uu-20-2023/pasal/120").json()["detail"]
    )


def test_healthz(client: TestClient) -> None:
    data = client.get("/healthz").json()
    assert data["status"] == "ok" and data["index_loaded"]
    assert data["generation"].startswith("gen-")
    assert data["documents"] == 4 and data["chunks"] > 1000
    assert data["detail"] is None  # built with today's tokenizer


def test_healthz_says_when_the_keyword_index_needs_rebuilding(client: TestClient) -> None:
    """An index whose keyword tokens came from another tokenizer (the synonym tables changed)."""
    from assistant.text import tokenizer_version

    info = client.app.state.asisten.runtime.index.info
    assert info["tokenizer"] == tokenizer_version()
    info["tokenizer"] = "000000000000"
    try:
        detail = client.get("/healthz").json()["detail"]
    finally:
        info["tokenizer"] = tokenizer_version()
    assert "tokenizer 000000000000" in detail and "asisten index" in detail


def test_openapi_docs_and_ui_are_served(client: TestClient) -> None:
    assert client.get("/docs").status_code == 200
    paths = client.get("/openapi.json").json()["paths"]
    assert {"/api/chat", "/api/search", "/v1/chat/completions", "/healthz"} <= set(paths)
    page = client.get("/")
    assert (
        page.status_code == 200
        and "Asisten ASN" in page.text
        and 'id="training-toggle"' in page.text
    )
    assert (
        client.get("/app.js")
        .headers["content-type"]
        .startswith(("text/javascript", "application/javascript"))
    )
    assert client.get("/training.js").status_code == 200
    assert client.get("/style.css").status_code == 200


def test_unknown_api_path_is_json_404(client: TestClient) -> None:
    r = client.get("/api/tidak-ada")
    assert r.status_code == 404 and r.json()["detail"] == "Alamat tidak ditemukan."
