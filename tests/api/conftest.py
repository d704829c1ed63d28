"""API fixtures: the app built once per module over a private copy of the real mini index."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from api.app import create_app
from assistant.config import Settings
from tests.api.live import private_settings


@pytest.fixture(scope="module")
def api_settings(mini_settings: Settings, tmp_path_factory: pytest.TempPathFactory) -> Settings:
    return private_settings(mini_settings, tmp_path_factory.mktemp("api_data"))


@pytest.fixture(scope="module")
def client(api_settings: Settings) -> Iterator[TestClient]:
    with TestClient(create_app(api_settings)) as test_client:
        yield test_client
