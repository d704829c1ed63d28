"""`asisten eval` on a handful of dev questions; report.html opened in Debian's chromium."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from assistant.config import Settings
from tests.evals.conftest import DEV

pytestmark = [pytest.mark.slow, pytest.mark.browser]

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def small_dataset(tmp_path: Path) -> Path:
    rows = [json.loads(line) for line in DEV.open(encoding="utf-8") if line.strip()]
    picked = [r for r in rows if r["expect"] == "answer"][:6]
    picked += [r for r in rows if r["expect"] == "refuse"][:2]
    path = tmp_path / "small.jsonl"
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in picked), "utf-8")
    return path


def test_report_shows_summary_and_plots(full_settings: Settings, run_eval, tmp_path: Path) -> None:  # noqa: ANN001
    if not CHROMIUM.exists():
        pytest.skip("Debian chromium is not installed at /usr/bin/chromium (make chromium)")
    sync_api = pytest.importorskip("playwright.sync_api")
    result, run_dir = run_eval(full_settings, "--dataset", str(small_dataset(tmp_path)))
    assert result.exit_code == 0, result.output
    assert {p.name for p in run_dir.iterdir()} >= {
        "config.yaml", "results.jsonl", "summary.json", "report.html"
    }  # fmt: skip
    with sync_api.sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            page = browser.new_page()
            page.goto((run_dir / "report.html").as_uri())
            widths = page.eval_on_selector_all("img", "imgs => imgs.map(i => i.naturalWidth)")
            metrics = page.eval_on_selector_all(
                "#summary tr td:first-child", "cells => cells.map(c => c.textContent)"
            )
            headings = page.eval_on_selector_all("h2", "hs => hs.map(h => h.textContent)")
        finally:
            browser.close()
    assert len(widths) >= 3 and all(w > 0 for w in widths), widths
    assert {"recall_at_5", "mrr", "citation_accuracy", "refusal_recall"} <= set(metrics)
    assert "Per kategori pertanyaan" in headings
    assert any(h.startswith("Pertanyaan gagal") for h in headings)
