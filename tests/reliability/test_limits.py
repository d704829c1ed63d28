"""Bad input never reaches a 500: oversized questions and bodies (413), malformed JSON (422),
unknown ids (404), each with an Indonesian message. The question limit is a setting."""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest
from fastapi.testclient import TestClient

from api.app import create_app
from api.middleware import MAX_BODY_BYTES
from assistant.config import Settings

pytestmark = pytest.mark.slow

LIMIT = 50  # ASISTEN_MAX_QUESTION_CHARS for this module (default 2000)
OK_QUESTION = "Apa fungsi pegawai ASN?"
LONG = "Apa fungsi pegawai ASN? " + "x" * LIMIT


@pytest.fixture(scope="module")
def client(rel_settings: Settings) -> Iterator[TestClient]:
    settings = rel_settings.model_copy(update={"max_question_chars": LIMIT})
    with TestClient(create_app(settings)) as test_client:
        yield test_client


def oai(question: str) -> dict:
    return {"model": "asisten-asn", "messages": [{"role": "user", "content": question}]}


@pytest.mark.parametrize(
    ("method", "path", "kwargs"),
    [
        ("POST", "/api/chat", {"json": {"question": LONG}}),
        ("POST", "/api/chat", {"json": {"question": LONG, "stream": True}}),
        ("GET", "/api/search", {"params": {"q": LONG}}),
        ("POST", "/v1/chat/completions", {"json": oai(LONG)}),
    ],
)
def test_question_above_the_configured_limit_is_413(
    client: TestClient, method: str, path: str, kwargs: dict
) -> None:
    r = client.request(method, path, **kwargs)
    assert r.status_code == 413, r.text
    detail = r.json()["detail"]
    assert f"Pertanyaan terlalu panjang ({len(LONG)} karakter); paling banyak {LIMIT}" in detail
    if path.startswith("/v1"):
        assert r.json()["error"]["code"] == 413  # the OpenAI error shape


def test_question_at_the_limit_is_answered(client: TestClient) -> None:
    question = OK_QUESTION + " " + "x" * (LIMIT - len(OK_QUESTION) - 1)
    assert len(question) == LIMIT
    assert client.post("/api/chat", json={"question": question}).status_code == 200
    assert client.get("/api/info").json()["max_question_chars"] == LIMIT


def test_oversized_body_is_413_before_it_is_parsed(client: TestClient) -> None:
    body = b'{"question": "' + b"x" * MAX_BODY_BYTES + b'"}'
    r = client.post("/api/chat", content=body, headers={"Content-Type": "application/json"})
    assert r.status_code == 413
    assert r.json()["detail"].startswith("Permintaan terlalu besar")


def test_oversized_chunked_body_is_413(rel_settings: Settings) -> None:
    """Without Content-Length (chunked upload) the cap holds too: checked on a real server."""
    from tests.api.live import live_server

    def chunks() -> Iterator[bytes]:
        yield b'{"question": "'
        for _ in range(MAX_BODY_BYTES // 65536 + 2):
            yield b"x" * 65536
        yield b'"}'

    with live_server(create_app(rel_settings)) as url:
        r = httpx.post(
            f"{url}/api/chat",
            content=chunks(),
            headers={"Content-Type": "application/json"},
            timeout=60,
        )
        assert r.status_code == 413 and "terlalu besar" in r.json()["detail"]
        small = httpx.post(
            f"{url}/api/chat",
            content=iter([b'{"question": "', OK_QUESTION.encode(), b'"}']),
            headers={"Content-Type": "application/json"},
            timeout=60,
        )
        assert small.status_code == 200 and small.json()["status"] == "answered"


@pytest.mark.parametrize(
    "path", ["/api/chat", "/api/feedback", "/v1/chat/completions", "/api/chat?stream=true"]
)
@pytest.mark.parametrize("body", [b'{"question": "Apa', b"bukan json", b"[1, 2", b"\xff\xfe"])
def test_malformed_json_is_422_in_indonesian(client: TestClient, path: str, body: bytes) -> None:
    r = client.post(path, content=body, headers={"Content-Type": "application/json"})
    assert r.status_code == 422, r.text
    data = r.json()
    assert data["detail"].startswith("Permintaan tidak valid")
    assert "input" not in data["errors"][0]  # the body is never echoed back


@pytest.mark.parametrize(
    ("method", "path", "body", "message"),
    [
        ("GET", "/api/conversations/tidak-ada", None, "Percakapan tidak ditemukan."),
        (
            "POST",
            "/api/chat",
            {"question": OK_QUESTION, "conversation_id": "tidak-ada"},
            "Percakapan tidak ditemukan.",
        ),
        (
            "POST",
            "/api/chat",
            {"question": OK_QUESTION, "conversation_id": "tidak-ada", "stream": True},
            "Percakapan tidak ditemukan.",
        ),
        ("POST", "/api/feedback", {"answer_id": "tidak-ada", "rating": "up"}, "Jawaban tidak"),
        ("GET", "/api/documents/tidak-ada", None, "tidak dikenal"),
        ("GET", "/api/documents/tidak-ada/pasal/1", None, "tidak dikenal"),
        ("GET", "/api/documents/uu-20-2023/pasal/999", None, "Pasal 999 tidak ditemukan"),
        ("GET", "/api/tidak-ada", None, "Alamat tidak ditemukan."),
        ("POST", "/v1/chat/completions", {**oai(OK_QUESTION), "model": "gpt-4"}, "tidak ada"),
    ],
)
def test_unknown_ids_are_404_in_indonesian(
    client: TestClient, method: str, path: str, body: dict | None, message: str
) -> None:
    r = client.request(method, path, json=body)
    assert r.status_code == 404, r.text
    assert message in r.json()["detail"]


def test_nothing_is_stored_for_rejected_requests(client: TestClient) -> None:
    before = len(client.get("/api/conversations", params={"limit": 500}).json())
    client.post("/api/chat", json={"question": LONG})
    client.post("/api/chat", content=b"{", headers={"Content-Type": "application/json"})
    client.post("/api/chat", json={"question": OK_QUESTION, "conversation_id": "tidak-ada"})
    assert len(client.get("/api/conversations", params={"limit": 500}).json()) == before
