"""Helpers for the eval tests: run `asisten eval` through its typer app on a fixture index."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from assistant.config import Settings
from evals.cli import app

REPO = Path(__file__).resolve().parents[2]
DEV = REPO / "evals" / "datasets" / "dev.jsonl"


def config_for(settings: Settings, tmp_path: Path, **extra: object) -> Path:
    """A --config YAML pointing `asisten eval` at a fixture's data dir and corpus."""
    path = tmp_path / "eval-config.yaml"
    data = {
        "data_dir": str(settings.data_dir),
        "corpus_dirs": [str(p) for p in settings.corpus_dirs],
        "backend": "extractive",
        **extra,
    }
    path.write_text(yaml.safe_dump(data), encoding="utf-8")
    return path


@pytest.fixture
def run_eval(tmp_path: Path):  # noqa: ANN201
    """Invoke `asisten eval ARGS...` with --config and --out set; returns (result, run dir or None)."""

    def invoke(settings: Settings, *args: str, **config: object):  # noqa: ANN202
        out = tmp_path / "runs"
        argv = ["--config", str(config_for(settings, tmp_path, **config)), "--out", str(out), *args]
        result = CliRunner().invoke(app, argv)
        runs = sorted(out.iterdir()) if out.is_dir() else []
        return result, (runs[-1] if runs else None)

    return invoke
