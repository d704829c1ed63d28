"""Aggregate per-question results into summary.json (overall, typo pairs, by category, document)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from typing import Any

from evals.metrics import latency, mrr, percentile, recall_at_k, refusal_scores, share
from evals.refusal import CLASS_PRECISION_KEYS, CLASS_RECALL_KEYS, refusal_summary
from evals.runner import ItemResult

# Metric keys in display order, with the direction that counts as better.
HIGHER_IS_BETTER = [
    "recall_at_1",
    "recall_at_5",
    "recall_at_10",
    "mrr",
    "retriever_recall_at_5",
    "retriever_mrr",
    "context_recall",
    "citation_accuracy",
    "must_contain_accuracy",
    "direct_must_contain_accuracy",
    "refusal_recall",
    "refusal_precision",
    "refusal_status_accuracy",
    *CLASS_RECALL_KEYS,
    *CLASS_PRECISION_KEYS,
    "pass_rate",
    "faithfulness",
]
LOWER_IS_BETTER = [
    "invented_citations",
    "false_refusals",
    "false_refusal_rate",
    "errors",
    "median_answer_chars",
]
# Metrics compared between a typo variant and its clean original (summary["typo_pairs"]).
TYPO_PAIR_METRICS = ("recall_at_5", "citation_accuracy", "must_contain_accuracy")
ANSWER_STAGES = ("retrieve", "rerank", "generate", "total")
SEARCH_STAGES = (
    "chain_retrieve",
    "search_dense",
    "search_keyword",
    "search_fuse",
    "search_rerank",
    "search",
)


def _r(value: float | None) -> float | None:
    return None if value is None else round(value, 4)


def core_metrics(results: Sequence[ItemResult]) -> dict[str, Any]:
    """The metrics that also make sense for a subset (a category or a document)."""
    answerable = [r for r in results if r.expect == "answer"]
    ranks = [r.gold_rank for r in answerable]
    answered_runs = [r for r in results if r.status is not None]
    pairs = [(r.expect == "refuse", bool(r.refused)) for r in answered_runs]
    precision, recall = refusal_scores(pairs) if answered_runs else (None, None)
    return {
        "n": len(results),
        "n_answerable": len(answerable),
        "n_refuse": len(results) - len(answerable),
        "recall_at_1": _r(recall_at_k(ranks, 1)),
        "recall_at_5": _r(recall_at_k(ranks, 5)),
        "recall_at_10": _r(recall_at_k(ranks, 10)),
        "mrr": _r(mrr(ranks)),
        "citation_accuracy": _r(share(r.citation_ok for r in answerable)),
        "must_contain_accuracy": _r(share(r.must_contain_ok for r in answerable)),
        # the same phrases in the answer-first part alone (Answer.direct, extractive backend)
        "direct_must_contain_accuracy": _r(share(r.direct_must_contain_ok for r in answerable)),
        "median_answer_chars": _r(
            percentile([r.answer_chars for r in results if r.answer_chars is not None], 50)
        ),
        "refusal_recall": _r(recall),
        "refusal_precision": _r(precision),
        "pass_rate": _r(share(r.passed for r in results)),
    }


def summarize(results: Sequence[ItemResult]) -> dict[str, Any]:
    summary = core_metrics(results)
    answerable = [r for r in results if r.expect == "answer"]
    must_refuse = [r for r in results if r.expect == "refuse"]
    judged = [r.faithfulness for r in results if r.faithfulness is not None]
    answered = any(r.status is not None for r in results)
    summary.update(
        {
            "retriever_recall_at_5": _r(recall_at_k([r.retriever_rank for r in answerable], 5)),
            "retriever_mrr": _r(mrr([r.retriever_rank for r in answerable])),
            "context_recall": _r(share(r.context_hit for r in answerable)),
            "refusal_status_accuracy": _r(share(r.refusal_status_ok for r in must_refuse)),
            "false_refusals": sum(1 for r in answerable if r.refused) if answered else None,
            "invented_citations": sum(len(r.invented) for r in results) if answered else None,
            "faithfulness": _r(sum(judged) / len(judged)) if judged else None,
            "n_judged": len(judged),
            "n_must_contain": sum(1 for r in answerable if r.must_contain_ok is not None),
            "errors": sum(1 for r in results if r.error),
            "statuses": _count(r.status or "-" for r in results),
            "recall_curve": [
                _r(recall_at_k([r.gold_rank for r in answerable], k)) for k in range(1, 11)
            ],
            "latency": latency(
                {
                    stage: [r.timings_ms[stage] for r in results if stage in r.timings_ms]
                    for stage in (*ANSWER_STAGES, *SEARCH_STAGES)
                }
            ),
            **refusal_summary(results),
            "typo_pairs": typo_pairs(results),
            "by_category": _grouped(results, lambda r: r.category),
            "by_document": _grouped(answerable, lambda r: r.gold[0]["doc"] if r.gold else "-"),
        }
    )
    return summary


def _hit_at_5(row: ItemResult) -> bool:
    return row.gold_rank is not None and row.gold_rank <= 5


def typo_pairs(results: Sequence[ItemResult]) -> dict[str, Any] | None:
    """Typo variants (``variant_of``) against their clean originals, over the pairs where both are
    answerable and in the run; None when there are none. Each metric block is over the pairs where
    both sides were measured (``n``); ``delta`` is variant − original."""
    by_id = {r.id: r for r in results}
    pairs = [
        (by_id[r.variant_of], r)
        for r in results
        if r.variant_of is not None
        and r.variant_of in by_id
        and r.expect == "answer"
        and by_id[r.variant_of].expect == "answer"
    ]
    if not pairs:
        return None
    flags: list[list[tuple[bool | None, bool | None]]] = [
        [(_hit_at_5(o), _hit_at_5(v)) for o, v in pairs],
        [(o.citation_ok, v.citation_ok) for o, v in pairs],
        [(o.must_contain_ok, v.must_contain_ok) for o, v in pairs],
    ]
    out: dict[str, Any] = {"n_pairs": len(pairs)}
    for key, both in zip(TYPO_PAIR_METRICS, flags, strict=True):
        measured = [(o, v) for o, v in both if o is not None and v is not None]
        original, variant = share(o for o, _ in measured), share(v for _, v in measured)
        delta = None if original is None or variant is None else variant - original
        out[key] = {
            "n": len(measured),
            "original": _r(original),
            "variant": _r(variant),
            "delta": _r(delta),
        }
    out["lost_at_5"] = [
        {"original": o.id, "variant": v.id} for o, v in pairs if _hit_at_5(o) and not _hit_at_5(v)
    ]
    return out


def _count(values: Any) -> dict[str, int]:  # noqa: ANN401
    counts: dict[str, int] = defaultdict(int)
    for v in values:
        counts[v] += 1
    return dict(sorted(counts.items()))


def _grouped(results: Sequence[ItemResult], key: Any) -> dict[str, dict[str, Any]]:  # noqa: ANN401
    groups: dict[str, list[ItemResult]] = defaultdict(list)
    for r in results:
        groups[key(r)].append(r)
    return {name: core_metrics(rows) for name, rows in sorted(groups.items())}
