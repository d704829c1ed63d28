"""POST /api/feedback, GET /api/feedback and /api/feedback.csv."""

from __future__ import annotations

import csv
import io

import pytest
from fastapi.testclient import TestClient

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def answer(client: TestClient) -> dict:
    return client.post("/api/chat", json={"question": "Apa fungsi pegawai ASN?"}).json()


def test_feedback_is_stored_and_listed(client: TestClient, answer: dict) -> None:
    r = client.post("/api/feedback", json={"answer_id": answer["answer_id"], "rating": "up"})
    assert r.status_code == 201
    saved = r.json()
    assert saved["rating"] == "up" and saved["reason"] is None
    assert saved["conversation_id"] == answer["conversation_id"]
    assert saved["question"] == "Apa fungsi pegawai ASN?"
    assert saved["answer"] == answer["answer"] and saved["status"] == "answered"
    listed = client.get("/api/feedback").json()
    assert [f["answer_id"] for f in listed].count(answer["answer_id"]) == 1


def test_second_rating_replaces_the_first_and_reason_is_masked(
    client: TestClient, answer: dict
) -> None:
    reason = "Kurang lengkap, hubungi saya di 081234567890"
    r = client.post(
        "/api/feedback", json={"answer_id": answer["answer_id"], "rating": "down", "reason": reason}
    )
    assert r.status_code == 201
    assert r.json()["reason"] == "Kurang lengkap, hubungi saya di [TELEPON]"
    mine = [f for f in client.get("/api/feedback").json() if f["answer_id"] == answer["answer_id"]]
    assert len(mine) == 1 and mine[0]["rating"] == "down"


def test_feedback_csv_export(client: TestClient, answer: dict) -> None:
    client.post("/api/feedback", json={"answer_id": answer["answer_id"], "rating": "down"})
    r = client.get("/api/feedback.csv")
    assert r.status_code == 200
    assert r.headers["content-type"].startswith("text/csv")
    assert "attachment" in r.headers["content-disposition"]
    rows = list(csv.DictReader(io.StringIO(r.text)))
    assert set(rows[0]) >= {"answer_id", "rating", "reason", "question", "created_at"}
    row = next(x for x in rows if x["answer_id"] == answer["answer_id"])
    assert row["rating"] == "down" and row["question"] == "Apa fungsi pegawai ASN?"


@pytest.mark.parametrize(
    ("body", "code"),
    [
        ({"answer_id": "tidak-ada", "rating": "up"}, 404),
        ({"answer_id": "x", "rating": "bagus"}, 422),
        ({"rating": "up"}, 422),
        ({"answer_id": "x", "rating": "up", "reason": "r" * 2001}, 422),
    ],
)
def test_bad_feedback(client: TestClient, body: dict, code: int) -> None:
    r = client.post("/api/feedback", json=body)
    assert r.status_code == code
    if code == 404:
        assert r.json()["detail"] == "Jawaban tidak ditemukan."


def test_a_question_id_is_not_an_answer_id(client: TestClient, answer: dict) -> None:
    convo = client.get(f"/api/conversations/{answer['conversation_id']}").json()
    question_id = convo["messages"][0]["id"]
    assert (
        client.post("/api/feedback", json={"answer_id": question_id, "rating": "up"}).status_code
        == 404
    )
