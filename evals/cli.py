"""`asisten eval [OPTIONS]` runs an evaluation; `asisten eval compare RUN_A RUN_B` compares two runs."""

from __future__ import annotations

import hashlib
import platform
import time
from datetime import datetime
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer
import yaml
from pydantic import ValidationError
from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)
from rich.table import Table

from assistant.config import Settings
from assistant.errors import AsistenError
from evals.compare import compare_runs, fail_reasons
from evals.dataset import DEFAULT_DATASET, DatasetError, EvalItem, load_datasets, resolve_dataset
from evals.gate import Check, GateError, check_gate, load_gate
from evals.judge import Judge, JudgeConfigError, check_judge
from evals.report import fmt, fmt_delta, write_report
from evals.runner import Evaluator, ItemResult, RunOptions, run_all
from evals.runs import DEFAULT_OUT, load_run, new_run_dir, resolve_run, write_run
from evals.summary import HIGHER_IS_BETTER, LOWER_IS_BETTER, TYPO_PAIR_METRICS, summarize

app = typer.Typer(add_completion=False, help="Evaluasi kualitas retrieval dan jawaban.")
console = Console(stderr=True)
out = Console()

EXIT_ERROR, EXIT_GATE_FAILED = 1, 4
SECRET_FIELDS = {"llm_api_key", "api_keys"}


class Backend(StrEnum):
    extractive = "extractive"
    openai = "openai"
    llamacpp = "llamacpp"


class Fusion(StrEnum):
    rrf = "rrf"
    weighted = "weighted"


class EvalSetupError(ValueError):
    """Bad options or config file: shown as a CLI message, exit 1."""


def _fail(exc: Exception) -> None:
    console.print(f"[red]Galat:[/red] {exc}")
    raise typer.Exit(EXIT_ERROR)


def build_settings(config: Path | None, flags: dict[str, Any], rerank: bool | None) -> Settings:
    """Settings from the environment, then the YAML file, then the flags (later wins)."""
    overrides: dict[str, Any] = {}
    if config is not None:
        try:
            data = yaml.safe_load(config.read_text(encoding="utf-8")) or {}
        except (OSError, yaml.YAMLError) as exc:
            raise EvalSetupError(f"file konfigurasi tidak terbaca: {config}: {exc}") from exc
        if not isinstance(data, dict):
            raise EvalSetupError(f"{config}: harus berupa pemetaan kunci: nilai")
        unknown = sorted(set(data) - set(Settings.model_fields))
        if unknown:
            raise EvalSetupError(f"{config}: kunci tidak dikenal (bukan field Settings): {unknown}")
        overrides.update(data)
    overrides.update({k: v for k, v in flags.items() if v is not None})
    if rerank is False:
        overrides["reranker"] = ""
    try:
        settings = Settings(**overrides)
    except ValidationError as exc:
        raise EvalSetupError(f"konfigurasi tidak valid: {exc}") from exc
    if rerank and not settings.reranker:
        raise EvalSetupError(
            "--rerank diminta tetapi tidak ada reranker: isi ASISTEN_RERANKER atau `reranker:` di --config"
        )
    return settings


def make_judge(
    base_url: str | None, model: str | None, api_key: str, settings: Settings, backend: str
) -> Judge | None:
    if not model and not base_url:
        return None
    if not model:
        raise JudgeConfigError("--judge-model wajib diisi bersama --judge-base-url")
    check_judge(model, base_url, settings, backend)
    if base_url == settings.llm_base_url and backend != "extractive":
        console.print(
            "[yellow]Peringatan: penilai memakai server yang sama dengan generator.[/yellow]"
        )
    return Judge(base_url or "", model, api_key, timeout=settings.llm_timeout)


def run_config(
    settings: Settings, datasets: list[Path], name: str, options: RunOptions, evaluator: Evaluator
) -> dict[str, Any]:
    digest = hashlib.sha256()
    for dataset in datasets:
        digest.update(resolve_dataset(dataset).read_bytes())
    info = evaluator.service.rt.index.info
    return {
        "eval": {
            "name": name,
            "started": datetime.now().isoformat(timespec="seconds"),
            "dataset": ", ".join(str(d) for d in datasets),
            "dataset_sha256": digest.hexdigest(),
            "backend": options.backend,
            "retrieval_only": options.retrieval_only,
            "judge_model": options.judge.model if options.judge else None,
            "index_generation": info.get("generation"),
            "embedder": info.get("embedder"),
            "python": platform.python_version(),
        },
        "settings": settings.model_dump(mode="json", exclude=SECRET_FIELDS),
    }


def _progress() -> Progress:
    return Progress(
        TextColumn("[bold]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        TimeRemainingColumn(),
        TextColumn("{task.fields[last]}"),
        console=console,
    )


def execute(evaluator: Evaluator, items: list[EvalItem]) -> list[ItemResult]:
    with _progress() as progress:
        task = progress.add_task("evaluasi", total=len(items), last="")

        def on_item(item: EvalItem, row: ItemResult) -> None:
            mark = {True: "lulus", False: "GAGAL", None: "-"}[row.passed]
            progress.update(task, advance=1, last=f"{item.id} {mark}")

        return run_all(evaluator, items, on_item)


def print_summary(summary: dict[str, Any], run_dir: Path) -> None:
    table = Table(title=f"Ringkasan — {run_dir.name}")
    table.add_column("metrik")
    table.add_column("nilai", justify="right")
    for key in ("n", "n_answerable", "n_refuse", *HIGHER_IS_BETTER, *LOWER_IS_BETTER):
        table.add_row(key, fmt(summary.get(key)))
    for stage in ("total", "search"):
        if stage in summary["latency"]:
            lat = summary["latency"][stage]
            table.add_row(f"latency {stage} p50/p95 ms", f"{fmt(lat['p50'])} / {fmt(lat['p95'])}")
    pairs = summary.get("typo_pairs")
    if pairs:
        table.add_section()
        table.add_row("varian salah ketik: pasangan", str(pairs["n_pairs"]))
        for key in TYPO_PAIR_METRICS:
            m = pairs[key]
            shown = f"{fmt(m['original'])} / {fmt(m['variant'])} ({fmt_delta(m['delta'])})"
            table.add_row(f"{key} asli / varian (Δ)", shown)
        table.add_row("asli di top-5, varian tidak", str(len(pairs["lost_at_5"])))
    out.print(table)
    if pairs and pairs["lost_at_5"]:
        lost = ", ".join(f"{p['variant']} ({p['original']})" for p in pairs["lost_at_5"])
        out.print(f"Varian salah ketik yang lepas dari top-5: {lost}", soft_wrap=True)
    out.print(f"Hasil: {run_dir}  (laporan: {run_dir / 'report.html'})")


def apply_gate(summary: dict[str, Any], gate: dict[str, dict[str, float]]) -> list[Check]:
    checks = check_gate(summary, gate)
    for c in checks:
        out.print(("[green]" if c.ok else "[red]") + c.describe())
    failed = [c for c in checks if not c.ok]
    if failed:
        out.print(f"[red]Gate gagal:[/red] {', '.join(c.metric for c in failed)}")
    return failed


@app.callback(invoke_without_command=True)
def run_eval(
    ctx: typer.Context,
    dataset: Annotated[
        list[Path] | None, typer.Option(help="JSONL of gold questions (repeat to merge files)")
    ] = None,
    name: Annotated[str | None, typer.Option(help="run name (folder suffix)")] = None,
    out_dir: Annotated[Path, typer.Option("--out", help="folder of run folders")] = DEFAULT_OUT,
    config: Annotated[Path | None, typer.Option(help="YAML of Settings fields")] = None,
    backend: Annotated[Backend | None, typer.Option(help="answer backend")] = None,
    k: Annotated[int | None, typer.Option("--k", min=1, max=50)] = None,
    fusion: Annotated[Fusion | None, typer.Option()] = None,
    rerank: Annotated[bool | None, typer.Option("--rerank/--no-rerank")] = None,
    retrieval_only: Annotated[bool, typer.Option("--retrieval-only")] = False,
    gate: Annotated[Path | None, typer.Option(help="TOML thresholds; exit 4 if not met")] = None,
    limit: Annotated[int | None, typer.Option(min=1, help="first N questions only")] = None,
    judge_base_url: Annotated[str | None, typer.Option(help="OpenAI-compatible judge")] = None,
    judge_model: Annotated[str | None, typer.Option()] = None,
    judge_api_key: Annotated[str, typer.Option(envvar="ASISTEN_JUDGE_API_KEY")] = "",
) -> None:
    """Evaluate retrieval and answers on a gold dataset; writes a run folder with a report."""
    if ctx.invoked_subcommand is not None:
        return
    try:
        flags = {
            "backend": backend.value if backend else None,
            "k": k,
            "fusion": fusion.value if fusion else None,
        }
        settings = build_settings(config, flags, rerank)
        datasets = dataset or [DEFAULT_DATASET]
        items = load_datasets(datasets, limit)
        gate_spec = load_gate(gate) if gate else None
        judge = None
        if not retrieval_only:
            judge = make_judge(
                judge_base_url, judge_model, judge_api_key, settings, settings.backend
            )
    except (EvalSetupError, DatasetError, GateError, JudgeConfigError) as exc:
        _fail(exc)
        return
    options = RunOptions(settings.backend, retrieval_only, judge)
    stem = "+".join(d.stem for d in datasets)
    name = name or f"{stem}-{'retrieval' if retrieval_only else settings.backend}"
    summary, run_dir = _run(settings, items, datasets, name, options, out_dir)
    print_summary(summary, run_dir)
    if gate_spec is not None and apply_gate(summary, gate_spec):
        raise typer.Exit(EXIT_GATE_FAILED)


def _run(
    settings: Settings,
    items: list[EvalItem],
    datasets: list[Path],
    name: str,
    options: RunOptions,
    out_dir: Path,
) -> tuple[dict[str, Any], Path]:
    from assistant.chain import AnswerService
    from assistant.runtime import Runtime

    started = time.perf_counter()
    try:
        with console.status("Memuat indeks dan model…"):
            evaluator = Evaluator(AnswerService(Runtime(settings)), options)
            evaluator.warm_up()
        results = execute(evaluator, items)
    except AsistenError as exc:
        _fail(exc)
        raise  # unreachable: _fail exits
    finally:
        if options.judge is not None:
            options.judge.close()
    summary = summarize(results)
    config = run_config(settings, datasets, name, options, evaluator)
    config["eval"]["seconds"] = round(time.perf_counter() - started, 1)
    run_dir = new_run_dir(out_dir, name)
    write_run(run_dir, config, results, summary)
    write_report(run_dir, config, results, summary)
    return summary, run_dir


@app.command()
def compare(
    run_a: Annotated[str, typer.Argument(help="run folder (or its name under --out)")],
    run_b: Annotated[str, typer.Argument(help="run folder (or its name under --out)")],
    out_dir: Annotated[Path, typer.Option("--out")] = DEFAULT_OUT,
) -> None:
    """Summary metrics of two runs side by side, and the questions that flipped pass <-> fail."""
    try:
        dir_a, dir_b = resolve_run(run_a, out_dir), resolve_run(run_b, out_dir)
        comp = compare_runs(*load_run(dir_a), *load_run(dir_b))
    except (FileNotFoundError, ValueError) as exc:
        _fail(exc)
        return
    out.print(f"A = {dir_a}\nB = {dir_b}")
    table = Table(title="Perbandingan run")
    for col in ("metrik", "A", "B", "Δ (B−A)"):
        table.add_column(col, justify="left" if col == "metrik" else "right")
    colours = {"better": "green", "worse": "red", "same": "white"}
    for row in comp.rows:
        delta = "n/a" if row.delta is None else f"{row.delta:+.4g}"
        table.add_row(row.name, fmt(row.a), fmt(row.b), f"[{colours[row.verdict]}]{delta}")
    out.print(table)
    for title, flips, side in (
        ("gagal → lulus", comp.fixed, "a"),
        ("lulus → gagal", comp.broken, "b"),
    ):
        out.print(f"\n[bold]{title}[/bold] ({len(flips)})")
        for flip in flips:
            row = flip["b"]
            why = "; ".join(fail_reasons(flip[side]))
            out.print(f"  {row['id']} [{row['category']}] {row['question'][:80]}", soft_wrap=True)
            out.print(f"      (gagal di {side.upper()}: {why})", soft_wrap=True)
    if comp.only_a or comp.only_b:
        out.print(f"\nhanya di A: {len(comp.only_a)}, hanya di B: {len(comp.only_b)} pertanyaan")
