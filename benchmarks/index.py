"""Indexing speed: the whole real corpus into a fresh temporary data dir, and the raw embedding speed.

    python benchmarks/index.py

Corpus dirs and embedder come from Settings (defaults: ./corpus and ../shared/corpus, e5). The data dir
is a new temporary folder, so nothing is cached: every chunk is read, cleaned, split, embedded, stored.
For comparison the same chunk texts are then embedded again with ``embed_passages`` alone.
"""

from __future__ import annotations

import os
import platform
import tempfile
import time
from pathlib import Path

from assistant.backends.embedders import make_embedder
from assistant.config import Settings
from assistant.index_store import load_chunks, read_pointer
from evals.retrieval import markdown_table
from indexer.pipeline import build_index


def main() -> None:
    with tempfile.TemporaryDirectory(prefix="asisten-bench-index-") as tmp:
        settings = Settings(data_dir=Path(tmp))
        t0 = time.perf_counter()
        embedder = make_embedder(settings)
        embedder.embed_passages(["pemanasan"])  # the model loads lazily on first use
        load_s = time.perf_counter() - t0
        report = build_index(settings, embedder)
        pointer = read_pointer(settings.index_dir) or {}
        chunks = load_chunks(settings.index_dir / report.generation / "chunks.jsonl")
        texts = [c.embed_text for c in chunks if c.searchable]
        t1 = time.perf_counter()
        embedder.embed_passages(texts)
        raw_s = time.perf_counter() - t1
    chars = sum(len(t) for t in texts)
    rows = [
        {"figure": "documents indexed", "value": len(report.documents)},
        {
            "figure": "chunks (all / searchable, embedded)",
            "value": f"{report.chunks} / {len(texts)}",
        },
        {"figure": "characters embedded", "value": chars},
        {"figure": "model load + first text (s)", "value": load_s},
        {"figure": "index everything (s)", "value": report.seconds},
        {"figure": "  of which embedding (s)", "value": report.embed_seconds},
        {
            "figure": "indexing throughput (searchable chunks/s)",
            "value": len(texts) / report.seconds,
        },
        {"figure": "raw embed_passages on the same texts (s)", "value": raw_s},
        {"figure": "raw embedding throughput (texts/s)", "value": len(texts) / raw_s},
        {"figure": "pipeline overhead vs raw embedding", "value": f"{report.seconds / raw_s:.2f}x"},
    ]
    print(
        f"Indexing benchmark: embedder {pointer.get('embedder')}, batch {settings.embed_batch_size}, "
        f"{platform.machine()} with {len(os.sched_getaffinity(0))} cores, corpus "
        f"{', '.join(str(d) for d in settings.corpus_dirs)}\n"
    )
    print(markdown_table(rows))
    if report.skipped:
        print(f"\nskipped: {', '.join(f'{s.path} ({s.reason})' for s in report.skipped)}")


if __name__ == "__main__":
    main()
