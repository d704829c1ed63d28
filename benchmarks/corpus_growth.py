"""Retrieval latency before and after the corpus doubled (issue 11: p95 may grow at most 20 %).

    python benchmarks/corpus_growth.py [--rounds 5] [--dataset evals/datasets/dev.jsonl ...]
        [--work-dir /tmp/growth] [--seed-cache PATH] [--keep]

Like for like: the same code, questions, embedder and process, two indexes built here with the
project's own ``build_index`` into temporary data dirs:

- **before**: the corpus without the ten regulations added on 2026-11-28 (``NEW_DOCS``): a corpus
  dir of symlinks to the other files the pipeline discovers, and the manifest without those ten
  entries (and without the references other entries make to them), as it was before;
- **after**: every file the pipeline discovers now (symlinked the same way), the manifest as it is.

Both indexes share one embedder instance and one embedding cache (seeded with a *copy* of
``--seed-cache``, by default the configured data dir's ``cache/embeddings.sqlite`` when it exists;
the source is only read). Then every question of the dev sets (``--dataset``, repeatable; the
holdout sets are never used) goes through ``Retriever.search`` in each mode (keyword only, dense
only, hybrid as configured; k=10, no rerank, as ``benchmarks/speed.py``) and through
``AnswerService.retrieve`` (the chain's ranked retrieval), once untimed to warm every cache, then
``--rounds`` timed rounds. Interleaved: in every round and mode each question runs on both indexes
back to back (before then after, or after then before, alternating by question and round), so a
busy moment on a shared machine falls on both sides alike. Printed per mode: p50 and p95 of all
samples, the p95 growth per round (min..max: the noise), and the p95 over questions of each
question's median over the rounds, which one load spike does not move; the verdict (issue 11:
p95 growth <= 20 %) reads the growth of that last figure.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import sqlite3
import statistics
import tempfile
import time
import tomllib
from collections.abc import Callable
from pathlib import Path

from assistant.backends.embedders import make_embedder
from assistant.chain import AnswerService
from assistant.config import Settings
from assistant.manifest import load_manifest
from assistant.protocols import Embedder
from assistant.runtime import Runtime
from evals.dataset import load_dataset
from evals.metrics import percentile
from evals.retrieval import markdown_table
from indexer.pipeline import build_index, discover

# the ten regulations added when the corpus doubled (corpus/manifest.toml, ../shared/corpus/SOURCES.md)
NEW_DOCS = frozenset(
    {"pp-10-1983", "pp-45-1990", "pp-99-2000", "pp-12-2002", "pp-70-2015",
     "pp-66-2017", "pp-53-2010", "pp-46-2011", "pp-24-1976", "pp-9-2003"}
)  # fmt: skip
DEV_SETS = [Path("evals/datasets/dev.jsonl"), Path("evals/datasets/dev-judgment.jsonl")]
RELATION_KEYS = ("mencabut", "mengubah", "dicabut_oleh", "diubah_oleh")
MAX_GROWTH = 20.0  # % of p95, issue 11
SIDES = ("before", "after")

Timer = Callable[[str], object]


def mirror_corpus(settings: Settings, keep: Callable[[str], bool], target: Path) -> int:
    """Symlink the file the pipeline would index for every kept document into ``target``
    (one sub-folder per corpus dir, relative paths and file names unchanged); returns the count."""
    roots = settings.all_corpus_dirs()
    found = discover(settings, load_manifest(settings.manifest_path))
    count = 0
    for src in found.files:
        if not keep(src.doc.id):
            continue
        rank, root = next((i, r) for i, r in enumerate(roots) if src.path.is_relative_to(r))
        link = target / str(rank) / src.path.relative_to(root)
        link.parent.mkdir(parents=True, exist_ok=True)
        link.symlink_to(src.path.resolve())
        count += 1
    return count


def _toml_value(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    if isinstance(value, list):
        return "[" + ", ".join(_toml_value(v) for v in value) + "]"
    return json.dumps(value, ensure_ascii=False)  # a JSON string is a valid TOML basic string


def manifest_without(source: Path, drop: frozenset[str], target: Path) -> Path:
    """The manifest without the ``drop`` documents and without references to them."""
    data = tomllib.loads(source.read_text(encoding="utf-8"))
    lines = [f"{key} = {_toml_value(value)}" for key, value in data.items() if key != "document"]
    for doc in data.get("document", []):
        if doc["id"] in drop:
            continue
        lines.append("\n[[document]]")
        for key, value in doc.items():
            if key in RELATION_KEYS:
                value = [v for v in value if v not in drop]
            lines.append(f"{key} = {_toml_value(value)}")
    target.write_text("\n".join(lines) + "\n", encoding="utf-8")
    load_manifest(target)  # it must load as the real one does
    return target


def seed_cache(source: Path | None, cache_dir: Path) -> str:
    """Copy an embedding cache (read only: plain file copies) into ``cache_dir``; says what it did."""
    cache_dir.mkdir(parents=True, exist_ok=True)
    if source is None or not source.is_file():
        return "no embedding cache to seed from: every chunk is embedded"
    target = cache_dir / "embeddings.sqlite"
    shutil.copyfile(source, target)
    wal = source.with_name(source.name + "-wal")
    if wal.is_file():
        shutil.copyfile(wal, target.with_name(target.name + "-wal"))
    try:
        with sqlite3.connect(target) as db:
            ok = db.execute("PRAGMA quick_check").fetchone()[0] == "ok"
    except sqlite3.DatabaseError:
        ok = False
    if not ok:  # copied while being written: start empty rather than trust it
        for path in cache_dir.iterdir():
            path.unlink()
        return f"copy of {source} failed its check: every chunk is embedded"
    return f"embedding cache seeded from a copy of {source}"


def build_side(
    settings: Settings, embedder: Embedder, work: Path, side: str
) -> tuple[AnswerService, dict[str, object]]:
    """Index one side into ``work/<side>`` and open it with the shared embedder."""
    root = work / side
    corpus, data = root / "corpus", root / "data"
    keep = (lambda doc: doc not in NEW_DOCS) if side == "before" else (lambda doc: True)
    files = mirror_corpus(settings, keep, corpus)
    manifest = settings.manifest_path
    if side == "before":
        manifest = manifest_without(settings.manifest_path, NEW_DOCS, root / "manifest.toml")
    data.mkdir(parents=True)
    (data / "cache").symlink_to(work / "cache")  # one embedding cache for both sides
    side_settings = settings.model_copy(
        update={
            "data_dir": data,
            "corpus_dirs": sorted(p for p in corpus.iterdir() if p.is_dir()),
            "manifest_path": manifest,
            "models_dir": settings.models_dir or settings.data_dir / "models",
            "chroma_url": None,
        }
    )
    report = build_index(side_settings, embedder)
    runtime = Runtime(side_settings)
    runtime.__dict__["embedder"] = embedder
    info = runtime.index.info
    facts = {
        "index": side, "files": files, "documents": len(report.documents),
        "chunks": info["chunks"], "searchable": info["searchable"],
        "build s": report.seconds, "newly embedded": report.embedded,
        "skipped": len(report.skipped),
    }  # fmt: skip
    return AnswerService(runtime), facts


def timers(service: AnswerService) -> dict[str, Timer]:
    r = service.rt.retriever
    return {
        "keyword only": lambda q: r.search(q, 10, "keyword", False),
        "dense only": lambda q: r.search(q, 10, "dense", False),
        f"hybrid ({service.rt.settings.fusion}, default)": lambda q: r.search(q, 10, "hybrid", False),
        "AnswerService.retrieve (chain)": service.retrieve,
    }  # fmt: skip


def _ms(fn: Timer, question: str) -> float:
    t0 = time.perf_counter()
    fn(question)
    return (time.perf_counter() - t0) * 1000


def run_rounds(
    services: dict[str, AnswerService], questions: list[str], rounds: int
) -> dict[tuple[str, str], list[list[float]]]:
    """(side, mode) -> per round the milliseconds of every question; one untimed pass first.

    Every question runs on both sides back to back (who goes first alternates by question and
    round), so the two timings of a pair see the same moment of a shared machine."""
    fns = {side: timers(service) for side, service in services.items()}
    modes = list(fns[SIDES[0]])
    for side in SIDES:
        for mode in modes:
            for q in questions:  # warm-up: stemmer, spelling, BLAS, page cache
                fns[side][mode](q)
    samples = {(side, mode): [] for side in SIDES for mode in modes}
    for n in range(rounds):
        for mode in modes:
            for side in SIDES:
                samples[(side, mode)].append([0.0] * len(questions))
            for i, q in enumerate(questions):
                for side in SIDES if (i + n) % 2 == 0 else SIDES[::-1]:
                    samples[(side, mode)][n][i] = _ms(fns[side][mode], q)
    return samples


def _p95(ms: list[float]) -> float:
    return percentile(ms, 95) or 0.0


def _growth(before: float, after: float) -> float:
    return (after / before - 1) * 100


def latency_rows(samples: dict[tuple[str, str], list[list[float]]]) -> list[dict[str, object]]:
    """Pooled p50/p95 per side, and the p95 over questions of each question's median over rounds
    (a load spike in one round does not move it): the figure the verdict reads."""
    rows = []
    for mode in dict.fromkeys(mode for _, mode in samples):
        before, after = samples[("before", mode)], samples[("after", mode)]
        pooled_b = [x for r in before for x in r]
        pooled_a = [x for r in after for x in r]
        per_round = [_growth(_p95(b), _p95(a)) for b, a in zip(before, after, strict=True)]
        med_b = _p95([statistics.median(x) for x in zip(*before, strict=True)])
        med_a = _p95([statistics.median(x) for x in zip(*after, strict=True)])
        growth = _growth(med_b, med_a)
        rows.append({
            "mode": mode, "n per side": len(pooled_b),
            "p50 ms before": percentile(pooled_b, 50), "p50 ms after": percentile(pooled_a, 50),
            "p95 ms before": _p95(pooled_b), "p95 ms after": _p95(pooled_a),
            "p95 growth, all samples": f"{_growth(_p95(pooled_b), _p95(pooled_a)):+.1f} %",
            "per round": f"{min(per_round):+.0f}..{max(per_round):+.0f} %",
            "p95 of medians before -> after": f"{med_b:.1f} -> {med_a:.1f} ms",
            "growth": f"{growth:+.1f} %",
            f"<= {MAX_GROWTH:.0f} %": "pass" if growth <= MAX_GROWTH else "FAIL",
        })  # fmt: skip
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument(
        "--dataset", type=Path, action="append", help="repeatable; default: dev + dev-judgment"
    )
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--work-dir", type=Path, help="where the temporary folder goes")
    parser.add_argument("--seed-cache", type=Path, help="embedding cache to copy (read only)")
    parser.add_argument("--keep", action="store_true", help="keep the work dir (both indexes)")
    args = parser.parse_args()
    datasets = args.dataset or DEV_SETS
    if any(p.name.startswith("holdout") for p in datasets):
        parser.error("the holdout sets are never used for measurements that guide work")
    settings = Settings()
    questions = [item.question for path in datasets for item in load_dataset(path)]
    if args.work_dir:
        args.work_dir.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix="asisten-growth-", dir=args.work_dir))
    seed = args.seed_cache or settings.data_dir / "cache" / "embeddings.sqlite"
    cache_note = seed_cache(seed, work / "cache")
    load_start = os.getloadavg()[0]
    try:
        embedder = make_embedder(settings)
        built = {side: build_side(settings, embedder, work, side) for side in SIDES}
        samples = run_rounds({s: b[0] for s, b in built.items()}, questions, args.rounds)
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    facts = [b[1] for b in built.values()]
    print(
        f"Corpus growth, {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}: "
        f"{platform.platform()}, {platform.machine()}, {os.cpu_count()} CPUs "
        f"({len(os.sched_getaffinity(0))} usable), load average {load_start:.1f} at start and "
        f"{os.getloadavg()[0]:.1f} at the end (a shared machine slows both sides alike); "
        f"embedder {embedder.name}; {cache_note}\n"
    )
    print(markdown_table(facts) + "\n")
    ratio = facts[1]["searchable"] / facts[0]["searchable"]
    print(
        f"{len(questions)} questions ({', '.join(p.name for p in datasets)}), {args.rounds} "
        f"interleaved rounds after one untimed pass; searchable chunks x{ratio:.2f}\n"
    )
    rows = latency_rows(samples)
    print(markdown_table(rows))
    failed = [str(r["mode"]) for r in rows if r[f"<= {MAX_GROWTH:.0f} %"] != "pass"]
    print(
        f"\nIssue 11 (p95 growth <= {MAX_GROWTH:.0f} %): "
        + (f"FAIL in {', '.join(failed)}" if failed else "pass in every mode")
    )


if __name__ == "__main__":
    main()
