"""Run folders: ``<out>/<timestamp>-<name>/`` with config.yaml, results.jsonl, summary.json, report.html."""

from __future__ import annotations

import json
import re
from datetime import datetime
from pathlib import Path
from typing import Any

import yaml

from evals.runner import ItemResult

DEFAULT_OUT = Path("evals/runs")


def new_run_dir(out: Path, name: str) -> Path:
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    slug = re.sub(r"[^A-Za-z0-9._-]+", "-", name).strip("-") or "run"
    path = out / f"{stamp}-{slug}"
    n = 2
    while path.exists():
        path = out / f"{stamp}-{slug}-{n}"
        n += 1
    path.mkdir(parents=True)
    return path


def write_run(
    run_dir: Path, config: dict[str, Any], results: list[ItemResult], summary: dict[str, Any]
) -> None:
    (run_dir / "config.yaml").write_text(
        yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8"
    )
    with (run_dir / "results.jsonl").open("w", encoding="utf-8") as fh:
        for row in results:
            fh.write(row.model_dump_json() + "\n")
    (run_dir / "summary.json").write_text(
        json.dumps(summary, indent=2, ensure_ascii=False), encoding="utf-8"
    )


def resolve_run(ref: str, out: Path = DEFAULT_OUT) -> Path:
    """A run folder given as a path, or as a folder name (or unique suffix) under `out`."""
    path = Path(ref)
    if (path / "summary.json").exists():
        return path
    if path.name == "summary.json" and path.exists():
        return path.parent
    if out.is_dir():
        matches = sorted(p for p in out.iterdir() if p.name == ref or p.name.endswith(ref))
        if len(matches) == 1 and (matches[0] / "summary.json").exists():
            return matches[0]
    raise FileNotFoundError(f"run tidak ditemukan (tanpa summary.json): {ref}")


def load_run(run_dir: Path) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    summary = json.loads((run_dir / "summary.json").read_text(encoding="utf-8"))
    results_path = run_dir / "results.jsonl"
    results = []
    if results_path.exists():
        with results_path.open(encoding="utf-8") as fh:
            results = [json.loads(line) for line in fh if line.strip()]
    return summary, results
