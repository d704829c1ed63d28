"""The API with an LLM backend: a real loopback OpenAI-compatible server with scripted replies."""

from __future__ import annotations

import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor

import httpx
import pytest
from fastapi.testclient import TestClient

from api.app import create_app
from api.chat import NO_RETRIEVAL_SYSTEM
from assistant.config import Settings
from tests.api.live import live_server, private_settings, sse_events
from tests.fake_openai import FakeOpenAI

pytestmark = pytest.mark.slow

QUESTION = "Apa fungsi pegawai ASN?"
GROUNDED = "Pegawai ASN berfungsi sebagai pelaksana kebijakan publik dan pelayan publik [1]."


@pytest.fixture(scope="module")
def fake() -> Iterator[FakeOpenAI]:
    with FakeOpenAI() as server:
        yield server


@pytest.fixture(scope="module")
def llm_settings(
    mini_settings: Settings, tmp_path_factory: pytest.TempPathFactory, fake: FakeOpenAI
) -> Settings:
    return private_settings(
        mini_settings,
        tmp_path_factory.mktemp("llm_data"),
        llm_base_url=fake.base_url,
        llm_model="fake-model",
        llm_timeout=3.0,
    )


@pytest.fixture(scope="module")
def llm_client(llm_settings: Settings) -> Iterator[TestClient]:
    with TestClient(create_app(llm_settings)) as client:
        yield client


@pytest.fixture(autouse=True)
def _reset(fake: FakeOpenAI) -> None:
    fake.replies.clear()
    fake.fail = False
    fake.delay = 0.0


def test_info_names_the_llm(llm_client: TestClient) -> None:
    info = llm_client.get("/api/info").json()
    assert info["backend"] == "extractive" and info["llm_backend"] == "openai"


def test_chat_with_llm_backend(llm_client: TestClient, fake: FakeOpenAI) -> None:
    fake.replies.append(GROUNDED)
    data = llm_client.post("/api/chat", json={"question": QUESTION, "backend": "openai"}).json()
    assert data["status"] == "answered" and data["backend"].startswith("openai")
    assert data["answer"].startswith(GROUNDED) and [c["n"] for c in data["citations"]] == [1]
    assert "HANYA berdasarkan sumber bernomor" in fake.requests[-1]["messages"][0]["content"]


def test_sse_with_llm_backend_streams_then_checks(llm_client: TestClient, fake: FakeOpenAI) -> None:
    fake.replies.append(GROUNDED + " PNS berhak atas mobil dinas pribadi [7].")
    r = llm_client.post(
        "/api/chat", json={"question": QUESTION, "backend": "openai", "stream": True, "trace": True}
    )
    events = sse_events(r.text)
    assert events[0]["type"] == "sources" and len(events[0]["citations"]) > 1
    streamed = "".join(e["text"] for e in events if e["type"] == "token")
    assert "mobil dinas" in streamed  # what the LLM said, token by token...
    done = events[-1]["answer"]
    assert "mobil dinas" not in done["answer"]  # ...and what survived the citation check
    assert done["status"] == "partial" and [c["n"] for c in done["citations"]] == [1]
    assert "HANYA berdasarkan" in done["trace"]["prompt"]["system"]
    stored = llm_client.get(f"/api/conversations/{done['conversation_id']}").json()
    assert "mobil dinas" not in stored["messages"][1]["content"]


def test_no_retrieval_mode_asks_the_llm_alone(llm_client: TestClient, fake: FakeOpenAI) -> None:
    fake.replies.append("PNS berfungsi sebagai abdi negara dan abdi masyarakat.")
    before = len(llm_client.get("/api/conversations").json())
    r = llm_client.post("/api/chat", json={"question": QUESTION, "mode": "no_retrieval"})
    assert r.status_code == 200
    data = r.json()
    assert data["answer"] == "PNS berfungsi sebagai abdi negara dan abdi masyarakat."
    assert data["citations"] == [] and data["conversation_id"] is None
    assert any("TANPA SUMBER" in n for n in data["notes"])
    sent = fake.requests[-1]["messages"]
    assert sent[0]["content"] == NO_RETRIEVAL_SYSTEM and sent[1]["content"] == QUESTION
    assert len(llm_client.get("/api/conversations").json()) == before  # not stored


def test_no_retrieval_with_llm_down_is_502(llm_client: TestClient, fake: FakeOpenAI) -> None:
    fake.fail = True
    r = llm_client.post("/api/chat", json={"question": QUESTION, "mode": "no_retrieval"})
    assert r.status_code == 502 and "LLM" in r.json()["detail"]


def test_llm_down_falls_back_to_extractive(llm_client: TestClient, fake: FakeOpenAI) -> None:
    fake.fail = True
    data = llm_client.post("/api/chat", json={"question": QUESTION, "backend": "openai"}).json()
    assert data["backend"] == "extractive" and data["citations"]
    assert any("LLM (openai) tidak tersedia" in n for n in data["notes"])


def test_event_loop_stays_free_while_answering(llm_settings: Settings, fake: FakeOpenAI) -> None:
    """A slow LLM answer runs in the threadpool: other requests are served meanwhile (they are
    answered while the slow one is still waiting for the LLM; an ordering, not a timing)."""
    fake.delay = 6.0
    fake.replies.append(GROUNDED)
    with live_server(create_app(llm_settings)) as url, ThreadPoolExecutor(1) as pool:
        body = {"question": QUESTION, "backend": "openai"}
        sent = len(fake.requests)
        slow = pool.submit(httpx.post, f"{url}/api/chat", json=body, timeout=30)
        deadline = time.monotonic() + 20
        while len(fake.requests) == sent and time.monotonic() < deadline:
            time.sleep(0.05)  # until the LLM is busy with our question
        health = httpx.get(f"{url}/healthz", timeout=5)
        docs = httpx.get(f"{url}/api/documents/uu-20-2023/pasal/10", timeout=5)
        assert health.status_code == 200 and docs.status_code == 200
        assert not slow.done()  # served while the LLM still holds the first request
        assert slow.result().json()["status"] == "answered"
