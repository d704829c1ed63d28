"""Plots for report.html as base64 PNG (matplotlib's object API with the Agg canvas, no pyplot)."""

from __future__ import annotations

import base64
import io
from collections.abc import Sequence
from typing import Any

from evals.runner import ItemResult


def _figure(width: float = 6.0, height: float = 3.4):  # noqa: ANN202
    from matplotlib.figure import Figure

    fig = Figure(figsize=(width, height), dpi=100, layout="constrained")
    return fig, fig.subplots()


def _png(fig) -> str:  # noqa: ANN001
    buf = io.BytesIO()
    fig.savefig(buf, format="png")
    return base64.b64encode(buf.getvalue()).decode("ascii")


def recall_curve(curve: Sequence[float | None]) -> str:
    fig, ax = _figure()
    ks = list(range(1, len(curve) + 1))
    values = [v or 0.0 for v in curve]
    ax.plot(ks, values, marker="o", color="#1f5fa8")
    for k, v in zip(ks, values, strict=True):
        if k in (1, 5, 10):
            ax.annotate(f"{v:.2f}", (k, v), textcoords="offset points", xytext=(0, 7), ha="center")
    ax.set_xticks(ks)
    ax.set_ylim(0, 1.05)
    ax.set_xlabel("k (Pasal teratas, setelah de-duplikasi)")
    ax.set_ylabel("recall@k")
    ax.set_title("Recall@k Pasal emas")
    ax.grid(alpha=0.3)
    return _png(fig)


def latency_histogram(results: Sequence[ItemResult]) -> str:
    import numpy as np

    fig, ax = _figure()
    series = {
        stage: [max(r.timings_ms[stage], 0.01) for r in results if stage in r.timings_ms]
        for stage in ("total", "search")
    }
    everything = [v for values in series.values() for v in values] or [1.0]
    lo, hi = min(everything), max(everything)
    log = hi / lo > 50  # exact Pasal lookups take ~1 ms, searches tens to hundreds
    bins = np.geomspace(lo, hi * 1.01, 30) if log else 30
    for (stage, values), colour in zip(series.items(), ("#1f5fa8", "#e08a1e"), strict=True):
        if values:
            label = "jawaban (total)" if stage == "total" else "pencarian (retriever)"
            ax.hist(values, bins=bins, alpha=0.6, color=colour, label=f"{label}, n={len(values)}")
    if log:
        ax.set_xscale("log")
    ax.set_xlabel("milidetik" + (" (skala log)" if log else ""))
    ax.set_ylabel("pertanyaan")
    ax.set_title("Sebaran latensi")
    ax.legend()
    return _png(fig)


def score_distributions(results: Sequence[ItemResult], thresholds: dict[str, Any]) -> str:
    """Top dense similarity per question, answerable vs must-refuse, with the confidence thresholds."""
    fig, ax = _figure()
    groups = (("answer", "dapat dijawab", "#2e8b57"), ("refuse", "harus ditolak", "#c0392b"))
    for expect, label, colour in groups:
        values = [r.top_dense for r in results if r.expect == expect and r.top_dense is not None]
        if values:
            ax.hist(values, bins=25, alpha=0.6, color=colour, label=f"{label}, n={len(values)}")
    for name, value in thresholds.items():
        ax.axvline(value, linestyle="--", color="#555", linewidth=1)
        ax.annotate(name, (value, 0), xytext=(3, 5), textcoords="offset points", rotation=90)
    ax.set_xlabel("skor dense teratas (cosine)")
    ax.set_ylabel("pertanyaan")
    ax.set_title("Skor dense teratas: dapat dijawab vs harus ditolak")
    ax.legend()
    return _png(fig)


def category_bars(by_category: dict[str, dict[str, Any]]) -> str:
    fig, ax = _figure(7.0, 3.6)
    names = list(by_category)
    rates = [by_category[n].get("pass_rate") or 0.0 for n in names]
    ax.bar(names, rates, color="#1f5fa8")
    ax.set_ylim(0, 1.05)
    ax.set_ylabel("lulus")
    ax.set_title("Tingkat lulus per kategori")
    ax.tick_params(axis="x", rotation=45)
    return _png(fig)


def all_plots(
    results: Sequence[ItemResult], summary: dict[str, Any], thresholds: dict[str, Any]
) -> dict[str, str]:
    """Title -> base64 PNG; empty when matplotlib is not installed."""
    try:
        import matplotlib  # noqa: F401
    except ImportError:
        return {}
    plots = {"Recall@k": recall_curve(summary["recall_curve"])}
    plots["Latensi"] = latency_histogram(results)
    plots["Distribusi skor"] = score_distributions(results, thresholds)
    scatter = confidence_scatter(results)
    if scatter:
        plots["Keyakinan"] = scatter
    if any(v.get("pass_rate") is not None for v in summary["by_category"].values()):
        plots["Per kategori"] = category_bars(summary["by_category"])
    return plots


def confidence_scatter(results: Sequence[ItemResult]) -> str | None:
    """The chain's confidence inputs (top dense similarity, share of question terms found)."""
    fig, ax = _figure()
    drawn = False
    groups = (("answer", "dapat dijawab", "#2e8b57"), ("refuse", "harus ditolak", "#c0392b"))
    for expect, label, colour in groups:
        points = [
            (r.confidence["dense"], r.confidence["coverage"])
            for r in results
            if r.expect == expect and r.confidence and "coverage" in r.confidence
        ]
        if points:
            xs, ys = zip(*points, strict=True)
            ax.scatter(xs, ys, s=14, alpha=0.7, color=colour, label=f"{label}, n={len(points)}")
            drawn = True
    if not drawn:
        return None
    ax.set_xlabel("dense teratas (rantai jawaban)")
    ax.set_ylabel("cakupan istilah pertanyaan")
    ax.set_title("Masukan keyakinan: dapat dijawab vs harus ditolak")
    ax.legend()
    return _png(fig)
