"""Compare two runs: summary metrics side by side, and the questions that flipped pass <-> fail."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from evals.summary import HIGHER_IS_BETTER, LOWER_IS_BETTER

LATENCY_ROWS = [
    ("latency total p50 (ms)", "total", "p50"),
    ("latency total p95 (ms)", "total", "p95"),
]


@dataclass
class MetricRow:
    name: str
    a: float | None
    b: float | None
    lower_is_better: bool = False

    @property
    def delta(self) -> float | None:
        return None if self.a is None or self.b is None else self.b - self.a

    @property
    def verdict(self) -> str:
        """'better', 'worse' or 'same' for B relative to A."""
        d = self.delta
        if d is None or abs(d) < 1e-9:
            return "same"
        return "better" if (d < 0) == self.lower_is_better else "worse"


@dataclass
class Comparison:
    rows: list[MetricRow]
    fixed: list[dict[str, Any]] = field(default_factory=list)  # failed in A, passed in B
    broken: list[dict[str, Any]] = field(default_factory=list)  # passed in A, failed in B
    only_a: list[str] = field(default_factory=list)
    only_b: list[str] = field(default_factory=list)


def _latency(summary: dict[str, Any], stage: str, stat: str) -> float | None:
    return summary.get("latency", {}).get(stage, {}).get(stat)


def compare_runs(
    summary_a: dict[str, Any],
    results_a: list[dict[str, Any]],
    summary_b: dict[str, Any],
    results_b: list[dict[str, Any]],
) -> Comparison:
    rows = [MetricRow("n", summary_a.get("n"), summary_b.get("n"))]
    rows += [MetricRow(m, summary_a.get(m), summary_b.get(m)) for m in HIGHER_IS_BETTER]
    rows += [MetricRow(m, summary_a.get(m), summary_b.get(m), True) for m in LOWER_IS_BETTER]
    rows += [
        MetricRow(label, _latency(summary_a, s, st), _latency(summary_b, s, st), True)
        for label, s, st in LATENCY_ROWS
    ]
    by_a = {r["id"]: r for r in results_a}
    by_b = {r["id"]: r for r in results_b}
    comp = Comparison(rows)
    comp.only_a = sorted(set(by_a) - set(by_b))
    comp.only_b = sorted(set(by_b) - set(by_a))
    for qid in sorted(set(by_a) & set(by_b)):
        pa, pb = by_a[qid].get("passed"), by_b[qid].get("passed")
        if pa is None or pb is None or pa == pb:
            continue
        (comp.fixed if pb else comp.broken).append({"a": by_a[qid], "b": by_b[qid]})
    return comp


def fail_reasons(row: dict[str, Any]) -> list[str]:
    """Why a result row did not pass, in words."""
    if row.get("error"):
        return [f"galat: {row['error']}"]
    if row.get("expect") == "refuse":
        return (
            []
            if row.get("refused") in (True, None)
            else [f"tidak menolak (status {row.get('status')}{_klass(row)})"]
        )
    reasons = []
    if row.get("refused"):
        why = ", ".join(x for x in (row.get("status"), row.get("reason")) if x)
        reasons.append(f"menolak ({why})")
    elif row.get("citation_ok") is False:
        reasons.append("tidak mengutip Pasal emas")
    if row.get("must_contain_ok") is False:
        reasons.append("frasa wajib hilang: " + "; ".join(row.get("missing_phrases", [])))
    if row.get("invented"):
        reasons.append("sitasi karangan: " + ", ".join(row["invented"]))
    rank = row.get("gold_rank")
    if rank is None or rank > 5:
        reasons.append(f"peringkat Pasal emas: {rank or 'tidak ada'}")
    return reasons


def _klass(row: dict[str, Any]) -> str:
    return f", kelas {row['refuse_class']}" if row.get("refuse_class") else ""
