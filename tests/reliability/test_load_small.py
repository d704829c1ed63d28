"""benchmarks/load.py in small: 10 concurrent chat users for 10 s against a real `asisten serve`
over the mini index. No request may fail, nothing created may be lost, no key may be logged.
(No timing assertion: the figures depend on the machine; the benchmark prints them.)"""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.config import Settings
from benchmarks.load import load_test, serve
from tests.api.live import private_settings

pytestmark = pytest.mark.slow

USERS = 10
SECONDS = 10.0


def test_ten_users_for_ten_seconds_lose_nothing(
    mini_settings: Settings, mini_corpus: Path, tmp_path: Path
) -> None:
    data = private_settings(mini_settings, tmp_path / "data").data_dir
    env = {"ASISTEN_CORPUS_DIRS": str(mini_corpus)}
    with serve(data, in_place=True, env=env) as server:
        figures, tally, lost = load_test(server, USERS, SECONDS)
    print(figures)
    assert tally.errors == []
    assert lost == []
    assert figures["key_in_server_log"] is False
    assert figures["chat_requests"] >= USERS  # every user got at least one answer
    assert figures["feedback"] > 0 and figures["conversations"] > 0
