"""`asisten eval` with an LLM backend and a judge, both played by local fake OpenAI servers."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from assistant.config import Settings
from evals.cli import app
from tests.fake_openai import FakeOpenAI

pytestmark = pytest.mark.slow


def test_openai_backend_with_a_judge(full_settings: Settings, run_eval) -> None:  # noqa: ANN001
    with FakeOpenAI() as llm, FakeOpenAI() as judge:
        llm.replies.extend(["Ketentuannya diatur dalam sumber ini [1]."] * 3)
        judge.replies.extend(['{"score": 1, "reason": "didukung"}'] * 3)
        result, run_dir = run_eval(
            full_settings,
            "--limit", "3", "--backend", "openai",
            "--judge-base-url", judge.base_url, "--judge-model", "penilai-lain",
            llm_base_url=llm.base_url, llm_model="generator",
        )  # fmt: skip
    assert result.exit_code == 0, result.output
    summary = json.loads((run_dir / "summary.json").read_text(encoding="utf-8"))
    assert summary["n"] == 3 and summary["errors"] == 0
    assert llm.requests and all(r["model"] == "generator" for r in llm.requests)
    assert judge.requests and all(r["model"] == "penilai-lain" for r in judge.requests)
    assert summary["n_judged"] >= 1 and summary["faithfulness"] == 1.0
    rows = [json.loads(line) for line in (run_dir / "results.jsonl").open(encoding="utf-8")]
    assert {r["status"] for r in rows} <= {"answered", "partial", "no_source"}
    assert "judge_model: penilai-lain" in (run_dir / "config.yaml").read_text(encoding="utf-8")


def test_judge_equal_to_the_generator_is_refused(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        app,
        [
            "--backend",
            "openai",
            "--judge-base-url",
            "http://127.0.0.1:9/v1",
            "--judge-model",
            "gpt-4o-mini",
            "--out",
            str(tmp_path),
        ],  # fmt: skip
        env={"ASISTEN_LLM_MODEL": "gpt-4o-mini", "ASISTEN_DATA_DIR": str(tmp_path / "none")},
    )
    assert result.exit_code == 1
    assert "sama dengan model yang menghasilkan" in result.output
    assert not any(tmp_path.iterdir())  # nothing ran, no run folder
