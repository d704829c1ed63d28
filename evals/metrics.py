"""Deterministic metric functions (pure: lists in, numbers out). ``None`` means "not measurable"."""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Sequence

from evals.dataset import Key

REFUSAL_STATUSES = frozenset({"no_source", "missing_document", "refused"})
TOP = 10  # retrieved Pasal kept per question; MRR is MRR@10


def dedupe(keys: Iterable[Key]) -> list[Key]:
    """Unique (doc, Pasal) keys in first-seen order: several ayat of one Pasal count once."""
    return list(dict.fromkeys(keys))


def gold_rank(ranked: Sequence[Key], gold: set[Key]) -> int | None:
    """1-based rank of the first retrieved key that is a gold key (after de-duplication), else None."""
    for rank, key in enumerate(dedupe(ranked), 1):
        if key in gold:
            return rank
    return None


def recall_at_k(ranks: Sequence[int | None], k: int) -> float | None:
    """Share of questions whose gold Pasal is within the top k; None for no questions."""
    if not ranks:
        return None
    return sum(1 for r in ranks if r is not None and r <= k) / len(ranks)


def mrr(ranks: Sequence[int | None], cutoff: int = TOP) -> float | None:
    """Mean of 1/rank of the first gold Pasal (0 when absent or below `cutoff`)."""
    if not ranks:
        return None
    return sum(1.0 / r for r in ranks if r is not None and r <= cutoff) / len(ranks)


def is_refusal(status: str | None) -> bool:
    return status in REFUSAL_STATUSES


def refusal_scores(pairs: Sequence[tuple[bool, bool]]) -> tuple[float | None, float | None]:
    """(precision, recall) of refusing, from (must_refuse, refused) pairs.

    Precision is None when nothing was refused, recall is None when nothing had to be refused.
    """
    tp = sum(1 for must, did in pairs if must and did)
    refused = sum(1 for _, did in pairs if did)
    must = sum(1 for m, _ in pairs if m)
    precision = tp / refused if refused else None
    recall = tp / must if must else None
    return precision, recall


def share(flags: Iterable[bool | None]) -> float | None:
    """Share of True among the flags that are not None; None when none are."""
    values = [f for f in flags if f is not None]
    return sum(1 for f in values if f) / len(values) if values else None


_SPACE = re.compile(r"\s+")


def normalise(text: str) -> str:
    """Lower-case with every run of whitespace (line breaks from the PDF text) as one space."""
    return _SPACE.sub(" ", text.lower()).strip()


def missing_phrases(text: str, phrases: Sequence[str]) -> list[str]:
    """The must-contain phrases absent from `text` (case- and whitespace-insensitive)."""
    body = normalise(text)
    return [p for p in phrases if normalise(p) not in body]


def percentile(values: Sequence[float], q: float) -> float | None:
    """Linear-interpolated percentile (q in 0..100), as numpy's default; None for no values."""
    if not values:
        return None
    ordered = sorted(values)
    pos = (len(ordered) - 1) * q / 100
    lo, hi = math.floor(pos), math.ceil(pos)
    return ordered[lo] + (ordered[hi] - ordered[lo]) * (pos - lo)


def latency(samples: dict[str, list[float]]) -> dict[str, dict[str, float | int | None]]:
    """Per stage: p50, p95, mean and count of the millisecond samples."""
    out: dict[str, dict[str, float | int | None]] = {}
    for stage, values in samples.items():
        if not values:
            continue
        out[stage] = {
            "p50": _round(percentile(values, 50)),
            "p95": _round(percentile(values, 95)),
            "mean": _round(sum(values) / len(values)),
            "n": len(values),
        }
    return out


def _round(value: float | None, digits: int = 2) -> float | None:
    return None if value is None else round(value, digits)
