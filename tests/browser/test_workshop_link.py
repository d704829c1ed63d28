"""The workshop links in a real browser: the participant link logs the chat in with its key, the
trainer page shows the participant QR code (Debian's chromium, a real `asisten serve --workshop`)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from assistant.config import Settings
from benchmarks.load import free_port
from tests.api.test_workshop import Served, printed_keys, serve_env, tiny_settings  # noqa: F401
from tests.browser.conftest import needs_chromium

pytestmark = [pytest.mark.browser, needs_chromium]


@pytest.fixture(scope="module")
def workshop_server(tiny_settings: Settings) -> Iterator[tuple[str, str, str]]:  # noqa: F811
    port = free_port()
    served = Served(["--workshop", "--port", str(port)], serve_env(tiny_settings))
    try:
        served.wait_ready(f"http://127.0.0.1:{port}")
        url, participant, trainer = printed_keys(served.text)
        yield f"http://127.0.0.1:{port}", participant, trainer
    finally:
        served.stop()


def test_participant_link_and_trainer_page(browser, workshop_server) -> None:  # noqa: ANN001
    base, participant, trainer = workshop_server
    page = browser.new_page()
    page.goto(f"{base}/?key={participant}")
    page.wait_for_load_state("networkidle")
    assert "key=" not in page.url  # the key leaves the address bar (and the history)
    assert page.evaluate("localStorage.getItem('asisten_api_key')") == participant
    info = page.evaluate("api('/api/info').then((r) => r.json())")
    assert info["role"] == "user"
    admin = page.evaluate("api('/api/admin/workshop').then((r) => r.status)")
    assert admin == 403

    trainer_page = browser.new_page()
    trainer_page.goto(f"{base}/pelatih.html?key={trainer}")
    trainer_page.wait_for_selector("#qr svg")
    link = trainer_page.text_content("[data-testid=participant-url]")
    port = base.rsplit(":", 1)[1]
    assert link.startswith("http://") and link.endswith(f":{port}/?key={participant}"), link
    assert "key=" not in trainer_page.url
    page.close()
    trainer_page.close()
