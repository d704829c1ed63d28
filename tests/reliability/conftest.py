"""Reliability fixtures: a private copy of the real mini index per module, served by real uvicorn."""

from __future__ import annotations

import pytest

from assistant.config import Settings
from tests.api.live import private_settings


@pytest.fixture(scope="module")
def rel_settings(mini_settings: Settings, tmp_path_factory: pytest.TempPathFactory) -> Settings:
    """The real e5 + Chroma + BM25 mini index, own conversations DB, no keys, no rate limit."""
    return private_settings(mini_settings, tmp_path_factory.mktemp("rel_data"))
