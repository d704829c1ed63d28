"""Retrieval scoring shared by the benchmarks: any `question -> ranked (doc, Pasal) keys` function."""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from evals.dataset import EvalItem, Key, norm_pasal
from evals.metrics import gold_rank, mrr, percentile, recall_at_k

Search = Callable[[str], Sequence[Key]]


@dataclass
class ModeScore:
    name: str
    ranks: list[int | None] = field(default_factory=list)
    times_ms: list[float] = field(default_factory=list)
    note: str = ""

    def row(self) -> dict[str, float | int | str | None]:
        return {
            "mode": self.name,
            "n": len(self.ranks),
            "recall@1": recall_at_k(self.ranks, 1),
            "recall@5": recall_at_k(self.ranks, 5),
            "recall@10": recall_at_k(self.ranks, 10),
            "MRR": mrr(self.ranks),
            "p50 ms": percentile(self.times_ms, 50),
            "p95 ms": percentile(self.times_ms, 95),
        }


def score_search(name: str, search: Search, items: Sequence[EvalItem]) -> ModeScore:
    """Time `search` on every answerable item and rank its gold (doc, Pasal)."""
    score = ModeScore(name)
    for item in items:
        if not item.answerable:
            continue
        t0 = time.perf_counter()
        keys = search(item.question)
        score.times_ms.append((time.perf_counter() - t0) * 1000)
        score.ranks.append(gold_rank(keys, item.gold_keys))
    return score


def retriever_search(retriever, mode: str = "hybrid", rerank: bool = False, k: int = 10) -> Search:  # noqa: ANN001
    """A Search over our Retriever: the fused candidate list as (doc, Pasal) keys."""

    def search(question: str) -> list[Key]:
        result = retriever.search(question, k=k, mode=mode, rerank=rerank)
        return [(p.chunk.doc, norm_pasal(p.chunk.pasal)) for p in result.passages]

    return search


def markdown_table(rows: Sequence[dict[str, object]]) -> str:
    """Rows of equal keys as a Markdown table (floats: 3 decimals below 10, else 1)."""
    if not rows:
        return ""
    columns = list(rows[0])

    def cell(value: object) -> str:
        if value is None:
            return "n/a"
        if isinstance(value, float):
            return f"{value:.3f}" if value < 10 else f"{value:.1f}"
        return str(value)

    lines = ["| " + " | ".join(columns) + " |", "|" + "|".join("---" for _ in columns) + "|"]
    lines += ["| " + " | ".join(cell(r.get(c)) for c in columns) + " |" for r in rows]
    return "\n".join(lines)
