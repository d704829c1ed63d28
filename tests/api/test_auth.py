"""API keys: every /api and /v1 route walked with no key, a user key and an admin key; reindex; limits."""

from __future__ import annotations

import logging
import time
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient
from pydantic import SecretStr

from api.app import create_app
from assistant.config import Settings
from assistant.errors import ConfigError
from tests.api.live import private_settings

pytestmark = pytest.mark.slow

ADMIN_KEY = "kunci-admin-7f3a9c"
USER_KEY = "kunci-user-41be02"
OTHER_KEY = "kunci-user-2-9d04aa"
KEYS = SecretStr(f"{ADMIN_KEY}:admin, {USER_KEY}:user, {OTHER_KEY}:user")
ASK = {"question": "Apa fungsi pegawai ASN?"}
OAI = {"model": "asisten-asn", "messages": [{"role": "user", "content": "Apa fungsi pegawai ASN?"}]}

# (method, route template, concrete path, body, admin only)
ROUTES = [
    ("POST", "/api/chat", "/api/chat", ASK, False),
    ("GET", "/api/info", "/api/info", None, False),
    ("GET", "/api/conversations", "/api/conversations", None, False),
    ("GET", "/api/conversations/{conversation_id}", "/api/conversations/tidak-ada", None, False),
    ("GET", "/api/search", "/api/search?q=cuti+tahunan&k=3", None, False),
    ("GET", "/api/documents", "/api/documents", None, False),
    ("GET", "/api/documents/referenced", "/api/documents/referenced", None, False),
    ("GET", "/api/documents/{doc}", "/api/documents/uu-20-2023", None, False),
    (
        "GET",
        "/api/documents/{doc}/pasal/{pasal}",
        "/api/documents/uu-20-2023/pasal/24",
        None,
        False,
    ),
    ("POST", "/api/feedback", "/api/feedback", {"answer_id": "tidak-ada", "rating": "up"}, False),
    ("GET", "/api/feedback", "/api/feedback", None, True),
    ("GET", "/api/feedback.csv", "/api/feedback.csv", None, True),
    ("GET", "/api/admin/reindex", "/api/admin/reindex", None, True),
    ("POST", "/api/admin/reindex", "/api/admin/reindex", None, True),
    ("GET", "/api/admin/audit", "/api/admin/audit?limit=5", None, True),
    ("GET", "/api/admin/audit.csv", "/api/admin/audit.csv", None, True),
    ("GET", "/api/admin/workshop", "/api/admin/workshop", None, True),
    ("GET", "/v1/models", "/v1/models", None, False),
    ("POST", "/v1/chat/completions", "/v1/chat/completions", OAI, False),
]
PUBLIC = [
    "/",
    "/index.html",
    "/core.js",
    "/api.js",
    "/render.js",
    "/feedback.js",
    "/source.js",
    "/conversations.js",
    "/chat.js",
    "/app.js",
    "/training.js",
    "/pelatih.html",
    "/pelatih.js",
    "/style.css",
    "/healthz",
    "/docs",
    "/openapi.json",
]


@pytest.fixture(scope="module")
def secured(
    mini_settings: Settings, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[TestClient]:
    # the walk sends many wrong keys: throttling is off here and tested on its own below
    settings = keyed_settings(
        mini_settings, tmp_path_factory, "auth_data", auth_failures_per_minute=0
    )
    with TestClient(create_app(settings)) as client:
        yield client
        wait_for_reindex(client)  # never leave a build running when the module ends


def keyed_settings(
    base: Settings, factory: pytest.TempPathFactory, name: str, **overrides: int
) -> Settings:
    """`base` with its own data dir, the test keys, and `overrides`."""
    return private_settings(base, factory.mktemp(name), api_keys=KEYS).model_copy(update=overrides)


def call(client: TestClient, method: str, path: str, body: dict | None, key: str | None):  # noqa: ANN201
    headers = {"Authorization": f"Bearer {key}"} if key else {}
    return client.request(method, path, json=body, headers=headers)


def wait_for_reindex(client: TestClient) -> dict:
    headers = {"Authorization": f"Bearer {ADMIN_KEY}"}
    deadline = time.monotonic() + 300
    while True:
        status = client.get("/api/admin/reindex", headers=headers).json()
        if not status["running"] or time.monotonic() > deadline:
            return status
        time.sleep(0.2)


def test_route_table_covers_every_protected_route(secured: TestClient) -> None:
    paths = secured.get("/openapi.json").json()["paths"]
    declared = {
        (method.upper(), path)
        for path, operations in paths.items()
        if path.startswith(("/api", "/v1"))
        for method in operations
    }
    assert declared == {(m, template) for m, template, *_ in ROUTES}


@pytest.mark.parametrize(("method", "template", "path", "body", "admin"), ROUTES)
def test_without_key_every_route_is_401(
    secured: TestClient, method: str, template: str, path: str, body: dict | None, admin: bool
) -> None:
    r = call(secured, method, path, body, None)
    assert r.status_code == 401, template
    assert r.headers["www-authenticate"] == "Bearer"
    assert "Kunci API diperlukan" in r.json()["detail"]
    assert call(secured, method, path, body, "kunci-palsu").status_code == 401


@pytest.mark.parametrize(("method", "template", "path", "body", "admin"), ROUTES)
def test_user_key(
    secured: TestClient, method: str, template: str, path: str, body: dict | None, admin: bool
) -> None:
    r = call(secured, method, path, body, USER_KEY)
    if admin:
        assert (
            r.status_code == 403 and r.json()["detail"] == "Hanya admin yang boleh mengakses ini."
        )
    else:
        assert r.status_code in (200, 201, 404), (template, r.status_code, r.text)


@pytest.mark.parametrize(("method", "template", "path", "body", "admin"), ROUTES)
def test_admin_key(
    secured: TestClient, method: str, template: str, path: str, body: dict | None, admin: bool
) -> None:
    r = call(secured, method, path, body, ADMIN_KEY)
    assert r.status_code in (200, 201, 202, 404, 409), (template, r.status_code, r.text)
    if template.startswith("/api/conversations/") or (template, method) == (
        "/api/feedback",
        "POST",
    ):
        assert r.status_code == 404  # authorised, and the id is unknown


def test_public_pages_need_no_key(secured: TestClient) -> None:
    for path in PUBLIC:
        assert secured.get(path).status_code == 200, path


def test_info_tells_the_role(secured: TestClient) -> None:
    info = call(secured, "GET", "/api/info", None, USER_KEY).json()
    assert info["auth"] is True and info["role"] == "user"


def test_bearer_scheme_is_required(secured: TestClient) -> None:
    assert secured.get("/api/info", headers={"Authorization": USER_KEY}).status_code == 401
    assert (
        secured.get("/api/info", headers={"Authorization": f"Basic {USER_KEY}"}).status_code == 401
    )
    assert (
        secured.get("/api/info", headers={"Authorization": f"bearer {USER_KEY}"}).status_code == 200
    )


def test_keys_are_never_logged(secured: TestClient, caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.DEBUG):
        call(secured, "GET", "/api/info", None, USER_KEY)
        call(secured, "GET", "/api/feedback", None, USER_KEY)
        call(secured, "GET", "/api/info", None, "kunci-salah-123")
    assert USER_KEY not in caplog.text and "kunci-salah-123" not in caplog.text


def test_conversations_are_private_to_their_key(secured: TestClient) -> None:
    mine = call(secured, "POST", "/api/chat", ASK, USER_KEY).json()
    cid, answer_id = mine["conversation_id"], mine["answer_id"]
    path = f"/api/conversations/{cid}"
    assert call(secured, "GET", path, None, USER_KEY).status_code == 200
    assert cid in [
        c["id"] for c in call(secured, "GET", "/api/conversations", None, USER_KEY).json()
    ]
    # another user key: the conversation is not listed, not readable, not continuable, not ratable
    listed = call(secured, "GET", "/api/conversations", None, OTHER_KEY).json()
    assert cid not in [c["id"] for c in listed]
    r = call(secured, "GET", path, None, OTHER_KEY)
    assert r.status_code == 404 and r.json()["detail"] == "Percakapan tidak ditemukan."
    follow_up = {**ASK, "conversation_id": cid}
    assert call(secured, "POST", "/api/chat", follow_up, OTHER_KEY).status_code == 404
    rating = {"answer_id": answer_id, "rating": "down"}
    assert call(secured, "POST", "/api/feedback", rating, OTHER_KEY).status_code == 404
    # the owner continues and rates; the admin sees everyone's conversations
    assert call(secured, "POST", "/api/chat", follow_up, USER_KEY).status_code == 200
    assert call(secured, "POST", "/api/feedback", rating, USER_KEY).status_code == 201
    everyone = call(secured, "GET", "/api/conversations", None, ADMIN_KEY).json()
    assert cid in [c["id"] for c in everyone]
    assert len(call(secured, "GET", path, None, ADMIN_KEY).json()["messages"]) == 4


def test_admin_reindex_switches_generation_without_restart(secured: TestClient) -> None:
    admin = {"Authorization": f"Bearer {ADMIN_KEY}"}
    wait_for_reindex(secured)
    before = secured.get("/healthz").json()["generation"]
    r = secured.post("/api/admin/reindex", headers=admin)
    assert r.status_code == 202 and r.json()["running"] is True
    assert secured.post("/api/admin/reindex", headers=admin).status_code == 409
    status = wait_for_reindex(secured)
    assert status["error"] is None and status["chunks"] > 1000
    assert status["generation"] != before and status["finished_at"]
    assert secured.get("/healthz").json()["generation"] == status["generation"]
    answer = call(secured, "POST", "/api/chat", ASK, USER_KEY).json()
    assert answer["status"] == "answered" and answer["citations"][0]["pasal"] == "10"


def test_rate_limit_per_key(
    mini_settings: Settings, tmp_path_factory: pytest.TempPathFactory
) -> None:
    settings = keyed_settings(
        mini_settings, tmp_path_factory, "limit_data", rate_limit_per_minute=2
    )
    with TestClient(create_app(settings)) as client:
        for _ in range(2):
            assert call(client, "POST", "/api/chat", ASK, USER_KEY).status_code == 200
        r = call(client, "POST", "/api/chat", ASK, USER_KEY)
        assert r.status_code == 429 and 1 <= int(r.headers["retry-after"]) <= 60
        assert "Terlalu banyak permintaan" in r.json()["detail"]
        assert call(client, "POST", "/api/chat", ASK, ADMIN_KEY).status_code == 200
        assert call(client, "GET", "/api/documents", None, USER_KEY).status_code == 200


def test_wrong_keys_are_throttled_per_address(
    mini_settings: Settings, tmp_path_factory: pytest.TempPathFactory
) -> None:
    settings = keyed_settings(
        mini_settings, tmp_path_factory, "guess_data", auth_failures_per_minute=3
    )
    search = "/api/search?q=cuti&k=1"  # an audited route
    with TestClient(create_app(settings)) as client:
        assert call(client, "GET", search, None, None).status_code == 401  # no key: not counted
        for n in range(3):
            assert call(client, "GET", search, None, f"tebakan-{n}").status_code == 401
        r = call(client, "GET", search, None, "tebakan-3")
        assert r.status_code == 429 and 1 <= int(r.headers["retry-after"]) <= 60
        assert "kunci API yang salah" in r.json()["detail"]
        # while blocked, even the right key waits: guessing must not be able to confirm a hit
        assert call(client, "GET", search, None, USER_KEY).status_code == 429
        audit = client.app.state.asisten.store.list_audit()
    assert sorted(row["http_status"] for row in audit) == [401, 401, 401, 401, 429, 429]
    assert not any(USER_KEY in str(row) or "tebakan" in str(row) for row in audit)


@pytest.mark.parametrize("keys", ["kunci:root", ":admin", "a:admin,,b:superuser"])
def test_malformed_key_setting_fails_at_start(mini_settings: Settings, keys: str) -> None:
    with pytest.raises(ConfigError, match="ASISTEN_API_KEYS"):
        create_app(mini_settings.model_copy(update={"api_keys": SecretStr(keys)}))
