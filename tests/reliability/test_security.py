"""Keys: compared in constant time, never logged (in-process logs and a real server's access log).
Rate limits per key and per client address: 429, Indonesian message, Retry-After; others unaffected."""

from __future__ import annotations

import hmac
import logging
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from pydantic import SecretStr

from api import auth
from api.app import create_app
from assistant.config import Settings
from tests.api.live import live_server, private_settings

pytestmark = pytest.mark.slow

ADMIN_KEY = "sek-admin-b71f04c2e9"
USER_KEY = "sek-user-0d93aa61f5"
OTHER_KEY = "sek-user-lain-6c2e18"
WRONG_KEY = "sek-tebakan-55aa01"
KEYS = f"{ADMIN_KEY}:admin,{USER_KEY}:user,{OTHER_KEY}:user"
ALL_KEYS = (ADMIN_KEY, USER_KEY, OTHER_KEY, WRONG_KEY)
ASK = {"question": "Apa fungsi pegawai ASN?"}


def bearer(key: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {key}"}


# ------------------------------------------------------------------ constant-time comparison
def test_every_key_is_compared_with_compare_digest(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[tuple[bytes, bytes]] = []
    real = hmac.compare_digest

    def counting(a: bytes, b: bytes) -> bool:
        calls.append((a, b))
        return real(a, b)

    monkeypatch.setattr(auth.hmac, "compare_digest", counting)
    ring = auth.KeyRing(SecretStr(KEYS))
    for token, role in [(ADMIN_KEY, "admin"), (OTHER_KEY, "user"), (WRONG_KEY, None)]:
        calls.clear()
        principal = ring.identify(token)
        assert (principal.role.value if principal else None) == role
        # the same work whether the key is first, last or unknown: timing tells nothing
        assert len(calls) == 3 and all(given == token.encode() for given, _ in calls)


# ------------------------------------------------------------------ never logged
@pytest.fixture(scope="module")
def served(mini_settings: Settings, mini_corpus: Path, tmp_path_factory: pytest.TempPathFactory):  # noqa: ANN201
    """`asisten serve` as a subprocess (its real uvicorn logging config, access log on)."""
    from benchmarks.load import serve

    data = private_settings(mini_settings, tmp_path_factory.mktemp("sec_data")).data_dir
    env = {"ASISTEN_CORPUS_DIRS": str(mini_corpus), "ASISTEN_API_KEYS": KEYS}  # our known keys
    with serve(data, in_place=True, env=env) as server:
        yield server.base_url, server.process, server.log_path


def exercise(base: str) -> None:
    """Authenticated traffic of every kind, plus failures that get logged."""
    with httpx.Client(base_url=base, timeout=120) as c:
        assert c.post("/api/chat", json=ASK, headers=bearer(USER_KEY)).status_code == 200
        stream = {**ASK, "stream": True}
        assert c.post("/api/chat", json=stream, headers=bearer(OTHER_KEY)).status_code == 200
        assert c.get("/api/admin/audit", headers=bearer(ADMIN_KEY)).status_code == 200
        assert c.get("/api/admin/audit", headers=bearer(USER_KEY)).status_code == 403
        assert c.get("/api/info", headers=bearer(WRONG_KEY)).status_code == 401
        assert c.get("/api/info", headers={"Authorization": WRONG_KEY}).status_code == 401
        oai = {"model": "asisten-asn", "messages": [{"role": "user", "content": "Apa fungsi ASN?"}]}
        r = c.post("/v1/chat/completions", json=oai, headers=bearer(USER_KEY))
        assert r.status_code == 200
        r = c.post("/v1/chat/completions", json={**oai, "model": "x"}, headers=bearer(USER_KEY))
        assert r.status_code == 404
        assert c.post("/api/chat", content=b"{", headers=bearer(USER_KEY)).status_code == 422


def test_keys_never_appear_in_the_server_log(served) -> None:  # noqa: ANN001
    base, proc, log_path = served
    exercise(base)
    proc.terminate()
    proc.wait(timeout=30)
    log = log_path.read_text(encoding="utf-8", errors="replace")
    assert '"POST /api/chat HTTP/1.1" 200' in log  # the access log was on and captured
    assert '"GET /api/info HTTP/1.1" 401' in log
    for key in ALL_KEYS:
        assert key not in log


def test_keys_never_appear_in_in_process_logs(
    rel_settings: Settings, caplog: pytest.LogCaptureFixture
) -> None:
    """Every logger (app, uvicorn access log, httpx) at DEBUG, on a live uvicorn server."""
    settings = rel_settings.model_copy(update={"api_keys": SecretStr(KEYS)})
    access = logging.getLogger("uvicorn.access")
    with caplog.at_level(logging.DEBUG), live_server(create_app(settings)) as url:
        level = access.level
        access.setLevel(logging.INFO)  # live_server configures uvicorn at "warning"
        access.addHandler(caplog.handler)  # uvicorn's loggers do not propagate to the root
        try:
            exercise(url)
        finally:
            access.setLevel(level)
            access.removeHandler(caplog.handler)
    assert '"POST /api/chat HTTP/1.1" 200' in caplog.text
    for key in ALL_KEYS:
        assert key not in caplog.text


# ------------------------------------------------------------------ rate limits
@pytest.fixture(scope="module")
def limited(rel_settings: Settings) -> Iterator[str]:
    """A real uvicorn server with keys and a limit of 3 answering requests per minute."""
    settings = rel_settings.model_copy(
        update={"api_keys": SecretStr(KEYS), "rate_limit_per_minute": 3}
    )
    with live_server(create_app(settings)) as url:
        yield url


def assert_limited(r: httpx.Response) -> None:
    assert r.status_code == 429, r.text
    assert 1 <= int(r.headers["retry-after"]) <= 60
    assert r.json()["detail"] == (
        f"Terlalu banyak permintaan. Coba lagi dalam {r.headers['retry-after']} detik."
    )


def test_rate_limit_per_key(limited: str) -> None:
    with httpx.Client(base_url=limited, timeout=120) as c:
        for _ in range(3):
            assert c.post("/api/chat", json=ASK, headers=bearer(USER_KEY)).status_code == 200
        assert_limited(c.post("/api/chat", json=ASK, headers=bearer(USER_KEY)))
        oai = {"model": "asisten-asn", "messages": [{"role": "user", "content": "Apa fungsi ASN?"}]}
        r = c.post("/v1/chat/completions", json=oai, headers=bearer(USER_KEY))
        assert_limited(r)  # one budget per key across /api/chat and /v1
        assert r.json()["error"]["code"] == 429
        # another key from the same address is not affected, nor are plain reads
        assert c.post("/api/chat", json=ASK, headers=bearer(OTHER_KEY)).status_code == 200
        assert c.get("/api/documents", headers=bearer(USER_KEY)).status_code == 200


def test_rate_limit_per_address_without_keys(rel_settings: Settings) -> None:
    """Without keys the budget is per client address (X-Forwarded-For from a local proxy counts)."""
    settings = rel_settings.model_copy(update={"rate_limit_per_minute": 2})
    one, two = {"X-Forwarded-For": "10.20.30.1"}, {"X-Forwarded-For": "10.20.30.2"}
    with live_server(create_app(settings)) as url, httpx.Client(base_url=url, timeout=120) as c:
        for _ in range(2):
            assert c.post("/api/chat", json=ASK, headers=one).status_code == 200
        assert_limited(c.post("/api/chat", json=ASK, headers=one))
        assert c.post("/api/chat", json=ASK, headers=two).status_code == 200
        for _ in range(50):  # each audit row is written just after its response is sent
            audit = c.get("/api/admin/audit", params={"limit": 50}).json()
            audit = [a for a in audit if a["path"] == "/api/chat"][:4]
            if audit and audit[0]["client"] == "10.20.30.2":
                break
            time.sleep(0.1)
        assert [a["client"] for a in audit] == ["10.20.30.2", "10.20.30.1"] + ["10.20.30.1"] * 2
        assert [a["http_status"] for a in audit] == [200, 429, 200, 200]
