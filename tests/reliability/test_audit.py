"""The audit log: who (key position and role, or address), what (masked question), when, status.

Never the key, never the raw NIP/NIK/telephone/e-mail; stored in SQLite; admins only.
"""

from __future__ import annotations

import csv
import io
import sqlite3
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient
from pydantic import SecretStr

from api.app import create_app
from assistant.config import Settings
from tests.api.live import private_settings, sse_events

pytestmark = pytest.mark.slow

ADMIN_KEY = "audit-admin-kunci-93c1"
USER_KEY = "audit-user-kunci-5e7d"
SECRETS = [
    "198503152010011002",  # NIP
    "3174012505850003",  # NIK
    "081234567890",  # telephone
    "budi.santoso@contoh.go.id",  # e-mail
]
PII_QUESTION = (
    f"Saya PNS NIP {SECRETS[0]}, NIK {SECRETS[1]}, hp {SECRETS[2]}, email {SECRETS[3]}. "
    "Apa saja kewajiban PNS?"
)
ADMIN = {"Authorization": f"Bearer {ADMIN_KEY}"}
USER = {"Authorization": f"Bearer {USER_KEY}"}


@pytest.fixture(scope="module")
def settings(mini_settings: Settings, tmp_path_factory: pytest.TempPathFactory) -> Settings:
    keys = SecretStr(f"{ADMIN_KEY}:admin,{USER_KEY}:user")
    return private_settings(mini_settings, tmp_path_factory.mktemp("audit_data"), api_keys=keys)


@pytest.fixture(scope="module")
def client(settings: Settings) -> Iterator[TestClient]:
    with TestClient(create_app(settings)) as test_client:
        yield test_client


def audit(client: TestClient, limit: int = 50) -> list[dict]:
    r = client.get("/api/admin/audit", params={"limit": limit}, headers=ADMIN)
    assert r.status_code == 200, r.text
    return r.json()


def test_chat_requests_appear_with_who_what_when_status(client: TestClient) -> None:
    answer = client.post("/api/chat", json={"question": "Apa fungsi pegawai ASN?"}, headers=USER)
    assert answer.status_code == 200
    entry = next(e for e in audit(client) if e["path"] == "/api/chat")
    assert entry["method"] == "POST" and entry["http_status"] == 200
    assert (entry["key_id"], entry["role"]) == (1, "user")  # position in ASISTEN_API_KEYS
    assert entry["client"] == "testclient"
    assert entry["question"] == "Apa fungsi pegawai ASN?"
    assert entry["answer_status"] == "answered"
    assert entry["conversation_id"] == answer.json()["conversation_id"]
    assert entry["at"].endswith("+00:00") and entry["duration_ms"] >= 0


def test_streamed_openai_and_search_requests_are_audited(client: TestClient) -> None:
    streamed = client.post(
        "/api/chat", json={"question": "Apa saja larangan bagi PNS?", "stream": True}, headers=USER
    )
    done = sse_events(streamed.text)[-1]["answer"]
    oai = {"model": "asisten-asn", "messages": [{"role": "user", "content": "Apa fungsi ASN?"}]}
    assert client.post("/v1/chat/completions", json=oai, headers=ADMIN).status_code == 200
    assert client.get("/api/search", params={"q": "cuti tahunan"}, headers=USER).status_code == 200
    entries = audit(client, 3)
    assert [e["path"] for e in entries] == ["/api/search", "/v1/chat/completions", "/api/chat"]
    search, completion, chat = entries
    assert search["question"] == "cuti tahunan" and search["answer_status"] is None
    assert completion["question"] == "Apa fungsi ASN?" and completion["role"] == "admin"
    assert completion["key_id"] == 0 and completion["answer_status"] == "answered"
    assert chat["answer_status"] == done["status"]
    assert chat["conversation_id"] == done["conversation_id"]


def test_personal_data_is_masked_in_the_log(client: TestClient, settings: Settings) -> None:
    r = client.post("/api/chat", json={"question": PII_QUESTION}, headers=USER)
    assert r.status_code == 200
    client.get("/api/search", params={"q": f"cuti {SECRETS[3]}"}, headers=USER)
    oai = {"model": "asisten-asn", "messages": [{"role": "user", "content": PII_QUESTION}]}
    client.post("/v1/chat/completions", json=oai, headers=USER)
    client.post("/api/chat", json={"question": PII_QUESTION + "x" * 3000}, headers=USER)  # 413
    entries = audit(client, 4)
    assert [e["http_status"] for e in entries] == [413, 200, 200, 200]
    assert "[NIP]" in entries[-1]["question"] and "[EMAIL]" in entries[-1]["question"]
    assert entries[-2]["question"] == "cuti [EMAIL]"
    csv_text = client.get("/api/admin/audit.csv", headers=ADMIN).text
    db = sqlite3.connect(settings.data_dir / "conversations.sqlite")
    rows = "\n".join(str(r) for r in db.execute("SELECT * FROM audit"))
    db.close()
    for secret in SECRETS:
        for where in (str(entries), csv_text, rows):
            assert secret not in where
    for key in (ADMIN_KEY, USER_KEY):
        assert key not in csv_text and key not in rows


def test_rejected_requests_are_audited_without_a_key(client: TestClient) -> None:
    assert client.post("/api/chat", json={"question": "Apa?"}).status_code == 401
    bad = {"Authorization": "Bearer kunci-tebakan-123"}
    assert client.post("/api/chat", json={"question": "Apa?"}, headers=bad).status_code == 401
    assert client.get("/api/admin/reindex", headers=USER).status_code == 403
    forbidden, wrong_key, no_key = audit(client, 3)
    assert forbidden["http_status"] == 403 and forbidden["role"] == "user"
    for entry in (wrong_key, no_key):
        assert entry["http_status"] == 401 and entry["key_id"] is None and entry["role"] is None
        assert entry["client"] == "testclient" and entry["question"] is None
    assert "kunci-tebakan-123" not in client.get("/api/admin/audit.csv", headers=ADMIN).text


def test_plain_reads_are_not_audited(client: TestClient) -> None:
    newest = audit(client, 1)[0]["id"]
    for path in ("/api/info", "/api/documents", "/api/conversations", "/healthz", "/"):
        client.get(path, headers=USER)
    # only the audit read itself is new: admins reading the log are audited too
    entries = [e for e in audit(client, 5) if e["id"] > newest]
    assert [e["path"] for e in entries] == ["/api/admin/audit"]


def test_user_key_gets_403(client: TestClient) -> None:
    for path in ("/api/admin/audit", "/api/admin/audit.csv"):
        r = client.get(path, headers=USER)
        assert (
            r.status_code == 403 and r.json()["detail"] == "Hanya admin yang boleh mengakses ini."
        )
        assert client.get(path).status_code == 401


def test_limit_and_csv_export(client: TestClient) -> None:
    assert len(audit(client, 2)) == 2
    assert client.get("/api/admin/audit?limit=0", headers=ADMIN).status_code == 422
    r = client.get("/api/admin/audit.csv", headers=ADMIN)
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/csv")
    assert 'filename="audit.csv"' in r.headers["content-disposition"]
    rows = list(csv.DictReader(io.StringIO(r.text)))
    assert set(rows[0]) >= {"at", "key_id", "role", "client", "path", "question", "http_status"}
    ids = [int(row["id"]) for row in rows]
    assert ids == sorted(ids, reverse=True)


def test_csv_cells_cannot_run_as_formulas(client: TestClient) -> None:
    question = '=HYPERLINK("http://contoh.invalid","klik") apa fungsi ASN?'
    client.post("/api/chat", json={"question": question}, headers=USER)
    rows = list(csv.DictReader(io.StringIO(client.get("/api/admin/audit.csv", headers=ADMIN).text)))
    cell = next(row["question"] for row in rows if "HYPERLINK" in row["question"])
    assert cell.startswith("'=")
