"""The CI gate: the extractive eval on the dev set must meet evals/gate.toml."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from assistant.config import Settings
from tests.evals.conftest import DEV, REPO

pytestmark = pytest.mark.slow


# The whole dev set: the original questions, the helpdesk-style judgment set (four must-refuse
# classes), the temporal/historical/amended set, the typo variants and the injection set (with its
# answerable look-alikes), and the dev halves of the questions and attacks written unseen in
# sessions 5 to 14.
DEV_SETS = [DEV] + [
    DEV.with_name(f"dev-{name}.jsonl")
    for name in ("judgment", "temporal", "typo", "injection", "fresh", "injection2", "fresh3",
                 "injection3", "fresh5", "fresh8", "fresh9", "fresh10", "temporal11", "fresh12",
                 "fresh13", "fresh14", "fresh15", "fresh16")
]  # fmt: skip


def test_dev_set_passes_the_gate(full_settings: Settings, run_eval) -> None:  # noqa: ANN001
    datasets = [arg for path in DEV_SETS for arg in ("--dataset", str(path))]
    result, run_dir = run_eval(
        full_settings, *datasets, "--gate", str(REPO / "evals" / "gate.toml")
    )
    assert result.exit_code == 0, result.output
    assert "Gate gagal" not in result.output
    summary = json.loads((run_dir / "summary.json").read_text(encoding="utf-8"))
    for key in ("recall_at_1", "recall_at_5", "recall_at_10", "mrr", "retriever_recall_at_5",
                "retriever_mrr", "citation_accuracy",
                "must_contain_accuracy", "refusal_recall", "refusal_precision",
                "invented_citations", "n", "n_answerable", "n_refuse", "latency"):  # fmt: skip
        assert key in summary, key
    assert summary["n"] == sum(
        1 for path in DEV_SETS for line in path.open(encoding="utf-8") if line.strip()
    )
    for key in ("refusal_recall_personal_record", "refusal_recall_not_in_corpus",
                "refusal_recall_out_of_domain", "refusal_recall_injection", "false_refusal_rate"):  # fmt: skip
        assert summary[key] is not None, key
    assert summary["errors"] == 0
    rows = [json.loads(line) for line in (run_dir / "results.jsonl").open(encoding="utf-8")]
    assert len(rows) == summary["n"]
    assert {"question", "gold", "status", "cited", "retrieved", "gold_rank", "passed",
            "timings_ms"} <= set(rows[0])  # fmt: skip
    pairs = summary["typo_pairs"]  # issue 12: typo variants within 0.03 of their clean originals
    assert pairs["n_pairs"] >= 60 and pairs["recall_at_5"]["delta"] >= -0.03, pairs
    config = (run_dir / "config.yaml").read_text(encoding="utf-8")
    assert "backend: extractive" in config and "llm_api_key" not in config


def test_gate_failure_exits_non_zero_and_names_the_metric(
    full_settings: Settings,
    run_eval,  # noqa: ANN001
    tmp_path: Path,
) -> None:
    gate = tmp_path / "strict.toml"
    gate.write_text("[min]\nrecall_at_5 = 0.5\nmrr = 1.01\n", encoding="utf-8")
    result, _ = run_eval(full_settings, "--limit", "4", "--gate", str(gate))
    assert result.exit_code == 4, result.output
    assert "GAGAL mrr" in result.output and "Gate gagal: mrr" in result.output


def test_eval_is_registered_in_the_asisten_cli() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "asisten_cli", "eval", "--help"],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert "--retrieval-only" in done.stdout and "compare" in done.stdout
