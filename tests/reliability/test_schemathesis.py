"""Schemathesis fuzzes every operation of our OpenAPI spec on a real uvicorn server: no 5xx.

Bounded: at most MAX_EXAMPLES generated requests per operation, no deadline. Excluded:
``POST /api/admin/reindex`` (each call rebuilds the index in the background; it has its own tests
in tests/api/test_auth.py and tests/reliability/test_reindex_while_serving.py). Streaming is not
excluded: ``POST /api/chat`` and ``/v1/chat/completions`` get ``stream: true`` bodies too.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from pydantic import SecretStr
from schemathesis.checks import not_a_server_error

from api.app import create_app
from assistant.config import Settings
from tests.api.live import live_server

pytestmark = pytest.mark.slow

MAX_EXAMPLES = 20


@pytest.fixture(scope="module")
def base_url(rel_settings: Settings) -> Iterator[str]:
    with live_server(create_app(rel_settings)) as url:
        yield url


# The spec does not depend on the settings, so it is read at collection time without starting the app
# (schemathesis' lazy `from_fixture` loader does not work with pytest 9). The requests go to a real
# uvicorn server over the mini index.
schema = schemathesis.openapi.from_dict(
    create_app(Settings(api_keys=SecretStr(""))).openapi()
).exclude(method="POST", path="/api/admin/reindex")


@schema.parametrize()
@settings(
    max_examples=MAX_EXAMPLES,
    deadline=None,
    suppress_health_check=list(HealthCheck),
    derandomize=True,
)
def test_no_operation_answers_a_server_error(case: schemathesis.Case, base_url: str) -> None:
    case.call_and_validate(base_url=base_url, checks=[not_a_server_error], timeout=60)
