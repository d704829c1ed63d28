"""Re-indexing while serving: every query is answered, from the old generation until the new one is
published, then from the new one (a document added to the corpus becomes searchable), no restart."""

from __future__ import annotations

import shutil
import threading
import time
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest

from api.app import create_app
from assistant.config import Settings
from tests.api.live import live_server, private_settings

pytestmark = pytest.mark.slow

NEW_DOC = "se-uji-keandalan.md"
NEW_TEXT = """# Surat Edaran Uji Keandalan

Pasal 1

Setiap pegawai wajib mengikuti latihan evakuasi zebrakuda paling sedikit satu kali setiap triwulan.

Pasal 2

Latihan evakuasi zebrakuda dikoordinasikan oleh pejabat pembina kepegawaian.
"""
OLD_QUESTION = "Apa fungsi pegawai ASN?"
NEW_TERM = "latihan evakuasi zebrakuda"


@dataclass
class Round:
    started_while_building: bool
    generation_before: str
    generation_after: str
    chat_status: int
    chat_answer: str
    search_status: int
    new_doc_found: bool


def one_round(client: httpx.Client, building: bool) -> Round:
    before = client.get("/healthz").json()["generation"]
    chat = client.post("/api/chat", json={"question": OLD_QUESTION})
    search = client.get("/api/search", params={"q": NEW_TERM, "k": 5})
    after = client.get("/healthz").json()["generation"]
    hits = search.json() if search.status_code == 200 else []
    return Round(
        started_while_building=building,
        generation_before=before,
        generation_after=after,
        chat_status=chat.status_code,
        chat_answer=chat.json().get("status", "") if chat.status_code == 200 else chat.text,
        search_status=search.status_code,
        new_doc_found=any(h["doc"].startswith("lain-se-uji") for h in hits),
    )


def test_queries_are_answered_during_a_reindex(
    mini_settings: Settings, mini_corpus: Path, tmp_path: Path
) -> None:
    corpus = tmp_path / "corpus"
    shutil.copytree(mini_corpus, corpus)  # a private corpus: the session's one stays unchanged
    settings = private_settings(mini_settings, tmp_path / "data", corpus_dirs=[corpus])
    rounds: list[Round] = []
    building = threading.Event()
    stop = threading.Event()

    with live_server(create_app(settings)) as url, httpx.Client(base_url=url, timeout=120) as c:
        old = c.get("/healthz").json()["generation"]
        rounds.append(one_round(c, False))

        def query_loop() -> None:
            with httpx.Client(base_url=url, timeout=120) as client:
                while not stop.is_set():
                    rounds.append(one_round(client, building.is_set()))

        (corpus / NEW_DOC).write_text(NEW_TEXT, encoding="utf-8")
        workers = [threading.Thread(target=query_loop) for _ in range(2)]
        for w in workers:
            w.start()
        building.set()
        assert c.post("/api/admin/reindex").status_code == 202
        deadline = time.monotonic() + 600
        while (status := c.get("/api/admin/reindex").json())["running"]:
            assert time.monotonic() < deadline, "reindex did not finish"
            time.sleep(0.2)
        building.clear()
        time.sleep(2)  # a few more rounds on the new generation
        stop.set()
        for w in workers:
            w.join(timeout=180)
        assert status.get("error") is None, status
        new = status["generation"]
        final = one_round(c, False)

    during = [r for r in rounds if r.started_while_building]
    on_old = sum(r.generation_after == old for r in rounds)
    on_new = sum(r.generation_before == new for r in rounds)
    print(f"{len(rounds)} rounds ({len(during)} while building): {on_old} on old, {on_new} on new")
    assert new != old and final.generation_before == new
    assert all(r.chat_status == 200 and r.chat_answer == "answered" for r in rounds), rounds
    assert all(r.search_status == 200 for r in rounds)
    assert len(during) >= 2, "no query ran while the index was being rebuilt"
    for r in rounds:
        if r.generation_before == r.generation_after == old:
            assert not r.new_doc_found, r  # the old generation does not know the new file
        if r.generation_before == new:
            assert r.new_doc_found, r  # once published, the new generation is used at once
    assert any(r.generation_before == r.generation_after == old for r in during)
    assert final.new_doc_found and final.chat_answer == "answered"
