"""Browser fixtures: Debian's chromium driven by Playwright (never `playwright install`)."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from api.app import create_app
from assistant.config import REPO_ROOT, Settings
from tests.api.live import live_server, private_settings

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
ARTIFACTS = REPO_ROOT / "artifacts"
DOCS = REPO_ROOT / "docs"


needs_chromium = pytest.mark.skipif(
    not CHROMIUM.exists(),
    reason=f"{CHROMIUM} is not installed (apt-get install -y chromium, or: make chromium)",
)


@pytest.fixture(scope="module")  # closes Playwright's event loop before other modules run
def browser() -> Iterator[object]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


def save_screenshot(page: object, name: str, publish: bool = False) -> Path:
    """Save to artifacts/ (git-ignored). With publish and ASISTEN_PUBLISH_SCREENSHOTS=1, also copy
    it to docs/ for the README (never by default: a test run must not change tracked files)."""
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / name
    page.screenshot(path=str(path))  # type: ignore[attr-defined]
    if publish and os.environ.get("ASISTEN_PUBLISH_SCREENSHOTS") == "1":
        DOCS.mkdir(exist_ok=True)
        shutil.copy(path, DOCS / name)
    return path


@pytest.fixture(scope="module")  # a chat server per test module, over the real mini index
def base_url(mini_settings: Settings, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    settings = private_settings(mini_settings, tmp_path_factory.mktemp("ui_data"))
    with live_server(create_app(settings)) as url:
        yield url


@pytest.fixture
def page(browser, base_url: str):  # noqa: ANN001, ANN201
    context = browser.new_context(viewport={"width": 1360, "height": 900}, locale="id-ID")
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.goto(base_url)
    yield page
    context.close()
    assert not errors, errors
