"""Retrieval quality and latency per mode on the dev set (prints a Markdown table).

    python benchmarks/retrieval.py [--dataset evals/datasets/dev.jsonl]

Uses the index of the configured data dir (ASISTEN_DATA_DIR, default ./data; run `asisten index`
first) and the Settings from the environment. A hit is a retrieved passage with the gold doc and Pasal
(or an `also` one); passages are de-duplicated by (doc, Pasal) before ranking; MRR is MRR@10.
"""

from __future__ import annotations

import argparse
import platform
from pathlib import Path

from assistant.config import Settings
from assistant.retrieve import Retriever
from assistant.runtime import Runtime
from evals.dataset import DEFAULT_DATASET, load_dataset
from evals.retrieval import ModeScore, markdown_table, retriever_search, score_search


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--dataset", type=Path, default=DEFAULT_DATASET)
    args = parser.parse_args()
    settings = Settings()
    items = load_dataset(args.dataset)
    rt = Runtime(settings)
    index, embedder = rt.index, rt.embedder
    retriever_search(rt.retriever)("cuti pegawai")  # warm-up: first query pays lazy start-up
    variants = {
        "hybrid (rrf)": settings.model_copy(update={"fusion": "rrf"}),
        "hybrid (weighted)": settings.model_copy(update={"fusion": "weighted"}),
    }
    scores: list[ModeScore] = [
        score_search("dense", retriever_search(rt.retriever, "dense"), items),
        score_search("keyword (BM25)", retriever_search(rt.retriever, "keyword"), items),
    ]
    for name, variant in variants.items():
        retriever = Retriever(index, embedder, variant, None)
        label = name + (" ← default" if variant.fusion == settings.fusion else "")
        scores.append(score_search(label, retriever_search(retriever, "hybrid"), items))
    rows = [s.row() for s in scores]
    if rt.reranker is not None:
        search = retriever_search(rt.retriever, "hybrid", rerank=True)
        rows.append(score_search(f"hybrid ({settings.fusion}) + rerank", search, items).row())
    else:
        rows.append({"mode": "hybrid + rerank: n/a: no reranker configured"})
    n = sum(1 for i in items if i.answerable)
    print(
        f"Retrieval on {args.dataset} ({n} answerable questions), index {index.generation}, "
        f"{len(index.chunks)} chunks, embedder {embedder.name}, candidates={settings.candidates}, "
        f"{platform.machine()} ({_cores()} cores)\n"
    )
    print(markdown_table([r for r in rows if "n" in r]))
    for r in rows:
        if "n" not in r:
            print(f"\n{r['mode']}")


def _cores() -> int:
    import os

    return len(os.sched_getaffinity(0))


if __name__ == "__main__":
    main()
