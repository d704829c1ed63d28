"""Safe by default on a network, and the workshop mode, with real `asisten serve` processes.

Uses the hash embedder (fast) on one real regulation file: these tests are about keys, not answers.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import threading
import time
from collections.abc import Iterator

import httpx
import pytest
from pydantic import SecretStr

from api.auth import KeyRing, Role
from api.server import check_bind
from assistant.backends.embedders import HashEmbedder
from assistant.config import Settings
from assistant.errors import ConfigError
from benchmarks.load import free_port
from indexer.pipeline import build_index
from tests.conftest import make_settings, shared_corpus

ASK = {"question": "Apa sanksi disiplin berat?"}


@pytest.fixture(scope="module")
def tiny_settings(tmp_path_factory: pytest.TempPathFactory) -> Settings:
    root = tmp_path_factory.mktemp("workshop")
    corpus = root / "corpus"
    corpus.mkdir()
    shutil.copy(shared_corpus() / "pp-94-2021.txt", corpus)
    settings = make_settings(root / "data", [corpus], embedder="hash")
    build_index(settings, HashEmbedder())
    return settings


def serve_env(settings: Settings, **extra: str) -> dict[str, str]:
    return {
        **os.environ,
        "ASISTEN_DATA_DIR": str(settings.data_dir),
        "ASISTEN_CORPUS_DIRS": ":".join(str(d) for d in settings.corpus_dirs),
        "ASISTEN_EMBEDDER": "hash",
        "ASISTEN_API_KEYS": "",
        "ASISTEN_RATE_LIMIT_PER_MINUTE": "0",
        "PYTHONIOENCODING": "utf-8",
        **extra,
    }


class Served:
    """A real `asisten serve` process; its printed lines are collected by a reader thread."""

    def __init__(self, args: list[str], env: dict[str, str]) -> None:
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "asisten_cli", "serve", *args],
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            encoding="utf-8",
        )
        self.lines: list[str] = []
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        assert self.proc.stdout is not None
        for line in self.proc.stdout:
            self.lines.append(line)

    @property
    def text(self) -> str:
        return "".join(self.lines)

    def wait_ready(self, base: str, timeout: float = 180) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise AssertionError(f"server exited:\n{self.text}")
            try:
                if httpx.get(f"{base}/healthz", timeout=2).status_code == 200:
                    return
            except httpx.HTTPError:
                pass
            time.sleep(0.3)
        raise AssertionError(f"server not ready:\n{self.text}")

    def stop(self) -> None:
        self.proc.terminate()
        try:
            self.proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()


@pytest.fixture
def workshop(tiny_settings: Settings) -> Iterator[tuple[Served, str]]:
    port = free_port()
    served = Served(["--workshop", "--port", str(port)], serve_env(tiny_settings))
    base = f"http://127.0.0.1:{port}"
    try:
        served.wait_ready(base)
        yield served, base
    finally:
        served.stop()


def printed_keys(text: str) -> tuple[str, str, str]:
    participant = re.search(r"(http://\S+/\?key=([\w-]+))", text)
    trainer = re.search(r"/pelatih\.html\?key=([\w-]+)", text)
    assert participant and trainer, text
    return participant.group(1), participant.group(2), trainer.group(1)


def get(base: str, path: str, key: str, session: str | None = None) -> httpx.Response:
    headers = {"Authorization": f"Bearer {key}"}
    if session:
        headers["X-Asisten-Session"] = session
    return httpx.get(base + path, headers=headers, timeout=60)


def post(base: str, path: str, key: str, body: dict, session: str | None = None) -> httpx.Response:
    headers = {"Authorization": f"Bearer {key}"}
    if session:
        headers["X-Asisten-Session"] = session
    return httpx.post(base + path, json=body, headers=headers, timeout=60)


def test_network_bind_without_keys_is_refused(tiny_settings: Settings) -> None:
    port = free_port()
    done = subprocess.run(
        [sys.executable, "-m", "asisten_cli", "serve", "--host", "0.0.0.0", "--port", str(port)],
        env=serve_env(tiny_settings),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 1
    message = " ".join(done.stderr.split())
    assert "Menolak mendengarkan di 0.0.0.0 tanpa kunci API" in message
    assert "ASISTEN_API_KEYS" in message and "asisten serve --workshop" in message
    with pytest.raises(httpx.ConnectError):
        httpx.get(f"http://127.0.0.1:{port}/healthz", timeout=2)


@pytest.mark.parametrize(
    ("host", "keys", "allowed"),
    [
        ("127.0.0.1", "", True),
        ("localhost", "", True),
        ("::1", "", True),
        ("0.0.0.0", "", False),
        ("192.168.1.10", "", False),
        ("::", "", False),
        ("0.0.0.0", "k-admin:admin", True),
    ],
)
def test_bind_rule(tiny_settings: Settings, host: str, keys: str, allowed: bool) -> None:
    settings = tiny_settings.model_copy(update={"api_keys": SecretStr(keys)})
    if allowed:
        check_bind(settings, host)
    else:
        with pytest.raises(ConfigError, match="ASISTEN_API_KEYS"):
            check_bind(settings, host)


def test_shared_key_scopes_conversations_by_session() -> None:
    ring = KeyRing(SecretStr("p-key:user,a-key:admin"), shared_key="p-key")
    one, two = "a" * 32, "b" * 32
    assert ring.identify("p-key", one).owner != ring.identify("p-key", two).owner
    assert ring.identify("p-key", one).owner == ring.identify("p-key", one).owner
    assert ring.identify("p-key", "short").owner == ring.identify("p-key").owner
    assert ring.identify("a-key", one).owner == ring.identify("a-key").owner  # only the shared key
    assert ring.identify("p-key", one).role == Role.USER


def test_workshop_keys_roles_and_qr(workshop: tuple[Served, str]) -> None:
    served, base = workshop
    url, participant, trainer = printed_keys(served.text)
    assert "▀" in served.text or "█" in served.text  # the QR code drawn in the terminal
    assert url.endswith(f"/?key={participant}") and participant != trainer

    assert get(base, "/api/info", participant).json()["role"] == "user"
    for admin_path in ("/api/admin/workshop", "/api/admin/audit", "/api/feedback"):
        assert get(base, admin_path, participant).status_code == 403, admin_path
    assert post(base, "/api/admin/reindex", participant, {}).status_code == 403
    for wrong in ("kunci-salah", participant + "x", trainer[:-1]):
        assert get(base, "/api/info", wrong).status_code == 401

    info = get(base, "/api/admin/workshop", trainer)
    assert info.status_code == 200
    assert info.json()["participant_url"] == url and info.json()["qr_svg"].startswith("<svg")
    assert get(base, "/api/admin/audit?limit=5", trainer).status_code == 200
    assert httpx.get(f"{base}/pelatih.html").status_code == 200  # the page; its data needs the key


def test_workshop_participants_do_not_see_each_other(workshop: tuple[Served, str]) -> None:
    served, base = workshop
    _, participant, trainer = printed_keys(served.text)
    ani, budi = "ani-" + "1" * 28, "budi-" + "2" * 28
    answer = post(base, "/api/chat", participant, ASK, session=ani)
    assert answer.status_code == 200
    cid = answer.json()["conversation_id"]
    assert cid in [c["id"] for c in get(base, "/api/conversations", participant, ani).json()]
    assert cid not in [c["id"] for c in get(base, "/api/conversations", participant, budi).json()]
    assert get(base, f"/api/conversations/{cid}", participant, budi).status_code == 404
    assert cid in [c["id"] for c in get(base, "/api/conversations", trainer).json()]


def test_workshop_keys_stop_working_with_the_server(tiny_settings: Settings) -> None:
    old_port, new_port = free_port(), free_port()
    first = Served(["--workshop", "--port", str(old_port)], serve_env(tiny_settings))
    try:
        first.wait_ready(f"http://127.0.0.1:{old_port}")
        _, old_participant, old_trainer = printed_keys(first.text)
    finally:
        first.stop()
    second = Served(["--workshop", "--port", str(new_port)], serve_env(tiny_settings))
    base = f"http://127.0.0.1:{new_port}"
    try:
        second.wait_ready(base)
        _, participant, _ = printed_keys(second.text)
        assert participant != old_participant
        for old in (old_participant, old_trainer):
            assert get(base, "/api/info", old).status_code == 401
        assert get(base, "/api/info", participant).status_code == 200
    finally:
        second.stop()
