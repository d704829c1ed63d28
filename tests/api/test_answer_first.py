"""The answer-first shape over HTTP: /api/chat carries `direct`, the OpenAI route the same text."""

from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient

pytestmark = pytest.mark.slow


def test_chat_answer_leads_with_the_direct_answer(client: TestClient) -> None:
    r = client.post("/api/chat", json={"question": "Berapa lama cuti melahirkan untuk PNS?"})
    assert r.status_code == 200, r.text
    data = r.json()
    assert data["status"] in ("answered", "partial")  # partial: the answerability check's note
    direct = data["direct"]
    assert "3 (tiga) bulan" in direct and re.search(r"\[\d\]$", direct)
    assert data["answer"].startswith(direct + "\n\nDasar hukum:\n- PP 11/2017 Pasal 325")
    assert data["citations"][0]["pasal"] == "325"


def test_refusal_has_no_direct_answer(client: TestClient) -> None:
    data = client.post("/api/chat", json={"question": "Apa isi UU 20/2023 Pasal 120?"}).json()
    assert data["status"] == "no_source" and data["direct"] is None


def test_openai_route_returns_the_same_text(client: TestClient) -> None:
    question = "Apa saja jenis hukuman disiplin ringan bagi PNS?"
    chat = client.post("/api/chat", json={"question": question}).json()
    r = client.post(
        "/v1/chat/completions",
        json={"model": "asisten-asn", "messages": [{"role": "user", "content": question}]},
    )
    assert r.status_code == 200, r.text
    content = r.json()["choices"][0]["message"]["content"]
    assert content.startswith(chat["answer"] + "\n\nSumber:\n[1] PP 94/2021 Pasal 8")
    assert content.startswith("Jenis Hukuman Disiplin ringan terdiri atas: teguran lisan;")


def test_typo_question_is_answered_like_its_clean_version(client: TestClient) -> None:
    clean = client.post("/api/chat", json={"question": "Berapa lama cuti melahirkan untuk PNS?"})
    typo = client.post(
        "/api/chat", json={"question": "brp lama cuti melahirkn utk pns", "trace": True}
    ).json()
    marker = re.compile(r" \[\d\]$")  # the same sentence, cited by its own source number
    assert marker.sub("", typo["direct"]) == marker.sub("", clean.json()["direct"])
    assert typo["citations"][0]["id"] == clean.json()["citations"][0]["id"]
    assert "melahirkn → melahirkan" in typo["trace"]["spelling"]
