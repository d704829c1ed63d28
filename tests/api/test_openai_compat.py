"""The official `openai` client against a real uvicorn server on loopback; and `asisten serve`."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Iterator

import httpx
import openai
import pytest
from pydantic import SecretStr

from api.app import create_app
from assistant.config import Settings
from tests.api.live import free_port, live_server, private_settings

pytestmark = pytest.mark.slow

KEY = "kunci-openai-5d1e"


@pytest.fixture(scope="module")
def base_url(mini_settings: Settings, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    settings = private_settings(
        mini_settings, tmp_path_factory.mktemp("oai_data"), api_keys=SecretStr(f"{KEY}:user")
    )
    with live_server(create_app(settings)) as url:
        yield url


@pytest.fixture(scope="module")
def oai(base_url: str) -> openai.OpenAI:
    return openai.OpenAI(base_url=f"{base_url}/v1", api_key=KEY, max_retries=0, timeout=120)


def test_models_lists_asisten_asn(oai: openai.OpenAI) -> None:
    assert [m.id for m in oai.models.list()] == ["asisten-asn"]


def test_plain_completion_is_a_cited_answer(oai: openai.OpenAI) -> None:
    reply = oai.chat.completions.create(
        model="asisten-asn",
        messages=[
            {"role": "system", "content": "Jawab bebas tanpa sumber."},  # ignored on purpose
            {"role": "user", "content": "Apa fungsi pegawai ASN?"},
        ],
    )
    assert reply.object == "chat.completion" and reply.model == "asisten-asn"
    choice = reply.choices[0]
    assert choice.finish_reason == "stop" and choice.message.role == "assistant"
    content = choice.message.content
    assert "[1]" in content and "\n\nSumber:\n[1] UU 20/2023 Pasal 10 — https://" in content
    assert reply.usage.total_tokens > 0


def test_streaming_completion_is_a_cited_answer(oai: openai.OpenAI) -> None:
    stream = oai.chat.completions.create(
        model="asisten-asn",
        messages=[
            {"role": "user", "content": [{"type": "text", "text": "Apa fungsi pegawai ASN?"}]}
        ],
        stream=True,
    )
    chunks = list(stream)
    assert chunks[0].choices[0].delta.role == "assistant"
    assert chunks[-1].choices[0].finish_reason == "stop"
    assert all(c.object == "chat.completion.chunk" for c in chunks)
    text = "".join(c.choices[0].delta.content or "" for c in chunks)
    assert "[1]" in text and "Sumber:\n[1] UU 20/2023 Pasal 10" in text


def test_stream_ends_with_done_marker(base_url: str) -> None:
    body = {
        "model": "asisten-asn",
        "stream": True,
        "messages": [{"role": "user", "content": "Apa fungsi pegawai ASN?"}],
    }
    r = httpx.post(
        f"{base_url}/v1/chat/completions",
        json=body,
        headers={"Authorization": f"Bearer {KEY}"},
        timeout=120,
    )
    assert r.headers["content-type"].startswith("text/event-stream")
    assert r.text.rstrip().endswith("data: [DONE]")


def test_history_turns_a_follow_up_into_a_full_question(oai: openai.OpenAI) -> None:
    reply = oai.chat.completions.create(
        model="asisten-asn",
        messages=[
            {"role": "user", "content": "Apa saja jenis hukuman disiplin berat bagi PNS?"},
            {"role": "assistant", "content": "Menurut PP 94/2021 Pasal 8 ayat (4) ... [1]"},
            {"role": "user", "content": "terus yang sedang?"},
        ],
    )
    content = reply.choices[0].message.content
    assert "PP 94/2021" in content and "[1]" in content


def test_errors_use_the_openai_shape(oai: openai.OpenAI, base_url: str) -> None:
    with pytest.raises(openai.NotFoundError) as missing:
        oai.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": "Halo"}])
    assert "asisten-asn" in missing.value.message
    wrong = openai.OpenAI(base_url=f"{base_url}/v1", api_key="kunci-salah", max_retries=0)
    with pytest.raises(openai.AuthenticationError):
        wrong.models.list()
    with pytest.raises(openai.BadRequestError):
        oai.chat.completions.create(
            model="asisten-asn", messages=[{"role": "system", "content": "hanya sistem"}]
        )
    with pytest.raises(openai.UnprocessableEntityError):
        oai.chat.completions.create(model="asisten-asn", messages=[])


def test_asisten_serve_command(
    mini_settings: Settings, tmp_path_factory: pytest.TempPathFactory
) -> None:
    """`asisten serve` prints its URL and the no-key warning, then answers on that port."""
    settings = private_settings(mini_settings, tmp_path_factory.mktemp("serve_data"))
    port = free_port()
    env = {
        **os.environ,
        "ASISTEN_DATA_DIR": str(settings.data_dir),
        "ASISTEN_CORPUS_DIRS": ":".join(str(p) for p in settings.corpus_dirs),
        "ASISTEN_API_KEYS": "",
    }
    proc = subprocess.Popen(
        [sys.executable, "-m", "asisten_cli", "serve", "--port", str(port)],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        health = None
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline and proc.poll() is None:
            try:
                health = httpx.get(f"http://127.0.0.1:{port}/healthz", timeout=2).json()
                break
            except httpx.TransportError:
                time.sleep(0.3)
        assert health and health["status"] == "ok"
        page = httpx.get(f"http://127.0.0.1:{port}/", timeout=5)
        assert "Mode Pelatihan" in page.text
    finally:
        proc.terminate()
        out, err = proc.communicate(timeout=30)
    assert f"http://127.0.0.1:{port}" in out
    assert "berjalan tanpa kunci API, hanya untuk localhost" in err
