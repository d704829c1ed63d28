"""Metric functions on hand-made inputs (no index, no model)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from evals.dataset import DatasetError, EvalItem, load_dataset, norm_pasal
from evals.metrics import (
    dedupe,
    gold_rank,
    is_refusal,
    latency,
    missing_phrases,
    mrr,
    percentile,
    recall_at_k,
    refusal_scores,
    share,
)
from evals.runner import ItemResult, passed
from evals.summary import summarize

UU = "uu-20-2023"


def test_rank_counts_several_ayat_of_one_pasal_once() -> None:
    ranked = [(UU, "24"), (UU, "24"), (UU, "24"), (UU, "25"), (UU, "26")]
    assert dedupe(ranked) == [(UU, "24"), (UU, "25"), (UU, "26")]
    assert gold_rank(ranked, {(UU, "26")}) == 3  # not 5: the three ayat of Pasal 24 are one place


def test_rank_takes_the_first_of_gold_and_also_entries() -> None:
    ranked = [("pp-94-2021", "3"), (UU, "9"), ("pp-94-2021", "5")]
    assert gold_rank(ranked, {("pp-94-2021", "5"), (UU, "9")}) == 2


def test_rank_needs_the_same_document_not_just_the_same_pasal() -> None:
    assert gold_rank([("uu-5-2014", "24")], {(UU, "24")}) is None
    assert gold_rank([], {(UU, "24")}) is None


def test_material_without_pasal_matches_on_document() -> None:
    assert gold_rank([(UU, "1"), ("materi-x", None)], {("materi-x", None)}) == 2


def test_recall_at_k_edges() -> None:
    ranks = [1, 5, 6, None]
    assert recall_at_k(ranks, 1) == 0.25
    assert recall_at_k(ranks, 5) == 0.5  # rank exactly k counts
    assert recall_at_k(ranks, 10) == 0.75
    assert recall_at_k([], 5) is None
    assert recall_at_k([None, None], 5) == 0.0


def test_mrr_edges() -> None:
    assert mrr([1, 2, 4, None]) == pytest.approx((1 + 0.5 + 0.25 + 0) / 4)
    assert mrr([11]) == 0.0  # beyond the cut-off of 10
    assert mrr([]) is None
    assert mrr([1, 1]) == 1.0


def test_refusal_precision_and_recall() -> None:
    # (must_refuse, refused): 2 correct refusals, 1 missed, 1 wrongly refused answerable question
    pairs = [(True, True), (True, True), (True, False), (False, True), (False, False)]
    precision, recall = refusal_scores(pairs)
    assert precision == pytest.approx(2 / 3)
    assert recall == pytest.approx(2 / 3)


def test_refusal_scores_undefined_cases_are_none() -> None:
    assert refusal_scores([(True, False), (False, False)]) == (None, 0.0)  # nothing refused
    assert refusal_scores([(False, True)]) == (0.0, None)  # nothing had to be refused
    assert refusal_scores([]) == (None, None)


def test_refusal_statuses() -> None:
    assert all(is_refusal(s) for s in ("no_source", "missing_document", "refused"))
    assert not any(is_refusal(s) for s in ("answered", "partial", None))


def test_must_contain_ignores_case_and_line_breaks() -> None:
    text = "Menurut Pasal 83: cuti sakit paling lama 1 (satu)\nBulan [1]"
    assert missing_phrases(text, ["1 (satu) bulan", "cuti  sakit"]) == []
    assert missing_phrases(text, ["14 (empat belas) hari"]) == ["14 (empat belas) hari"]


def test_share_skips_unmeasured() -> None:
    assert share([True, None, False, True]) == pytest.approx(2 / 3)
    assert share([None]) is None


def test_percentile_and_latency() -> None:
    assert percentile([10, 20, 30, 40], 50) == 25
    assert percentile([5], 95) == 5
    assert percentile([], 50) is None
    assert percentile(list(range(1, 101)), 95) == pytest.approx(95.05)
    lat = latency({"total": [1.0, 2.0, 3.0], "rerank": []})
    assert lat == {"total": {"p50": 2.0, "p95": 2.9, "mean": 2.0, "n": 3}}


def test_norm_pasal() -> None:
    assert norm_pasal(24) == "24"
    assert norm_pasal(" pasal 6a ") == "6A"
    assert norm_pasal(None) is None and norm_pasal("") is None


def _write(tmp_path: Path, rows: list[dict]) -> Path:
    path = tmp_path / "d.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    return path


def test_dataset_gold_keys_include_also(tmp_path: Path) -> None:
    row = {
        "id": "a",
        "question": "q",
        "expect": "answer",
        "doc": UU,
        "pasal": 24,
        "ayat": "1",
        "also": [{"doc": "uu-5-2014", "pasal": "10", "ayat": None}],
    }
    (item,) = load_dataset(_write(tmp_path, [row]))
    assert item.gold_keys == {(UU, "24"), ("uu-5-2014", "10")}
    assert item.places[0].ayat == "1"


@pytest.mark.parametrize(
    "rows",
    [
        [{"id": "a", "question": "q", "expect": "answer"}],  # answerable without gold doc
        [{"id": "a", "question": "q", "expect": "maybe"}],
        [{"id": "a", "question": "q", "expect": "refuse"}] * 2,  # duplicate id
    ],
)
def test_dataset_errors_name_the_line(tmp_path: Path, rows: list[dict]) -> None:
    with pytest.raises(DatasetError, match=r"d\.jsonl:\d"):
        load_dataset(_write(tmp_path, rows))


def _row(qid: str, expect: str, **fields: object) -> ItemResult:
    row = ItemResult(id=qid, question=qid, category=fields.pop("category", "c"), lang="id",
                     expect=expect, **fields)  # fmt: skip
    row.passed = passed(row, retrieval_only=row.status is None)
    return row


def test_summary_on_hand_made_results() -> None:
    gold = [{"doc": UU, "pasal": "1", "ayat": None}]
    results = [
        _row(
            "a",
            "answer",
            gold=gold,
            gold_rank=1,
            status="answered",
            refused=False,
            citation_ok=True,
            must_contain_ok=True,
            context_hit=True,
        ),  # fmt: skip
        _row(
            "b",
            "answer",
            gold=gold,
            gold_rank=3,
            status="answered",
            refused=False,
            citation_ok=False,
            must_contain_ok=None,
            context_hit=True,
            invented=["x/pasal-9"],
        ),  # fmt: skip
        _row(
            "c",
            "answer",
            gold=gold,
            gold_rank=None,
            status="no_source",
            refused=True,
            citation_ok=False,
            must_contain_ok=False,
            context_hit=False,
        ),  # fmt: skip
        _row(
            "d",
            "refuse",
            status="no_source",
            refused=True,
            refusal_status_ok=True,
            category="refuse",
        ),  # fmt: skip
        _row(
            "e",
            "refuse",
            status="answered",
            refused=False,
            refusal_status_ok=False,
            category="refuse",
        ),  # fmt: skip
    ]
    s = summarize(results)
    assert (s["n"], s["n_answerable"], s["n_refuse"]) == (5, 3, 2)
    assert s["recall_at_1"] == pytest.approx(1 / 3, abs=1e-4)
    assert s["recall_at_5"] == pytest.approx(2 / 3, abs=1e-4)
    assert s["mrr"] == pytest.approx((1 + 1 / 3) / 3, abs=1e-4)
    assert s["citation_accuracy"] == pytest.approx(1 / 3, abs=1e-4)
    assert s["must_contain_accuracy"] == 0.5  # b has no phrases and is left out
    assert s["refusal_recall"] == 0.5 and s["refusal_precision"] == 0.5
    assert s["invented_citations"] == 1 and s["false_refusals"] == 1
    assert s["pass_rate"] == pytest.approx(2 / 5)  # a and d
    assert s["by_category"]["refuse"]["refusal_recall"] == 0.5
    assert s["recall_curve"][0] == s["recall_at_1"] and len(s["recall_curve"]) == 10


def test_retrieval_only_summary_leaves_answer_metrics_unmeasured() -> None:
    gold = [{"doc": UU, "pasal": "1", "ayat": None}]
    s = summarize([_row("a", "answer", gold=gold, gold_rank=2), _row("d", "refuse")])
    assert s["recall_at_1"] == 0.0 and s["recall_at_5"] == 1.0 and s["mrr"] == 0.5
    for key in ("citation_accuracy", "refusal_recall", "refusal_precision", "invented_citations"):
        assert s[key] is None
    assert s["pass_rate"] == 1.0  # refuse items are not judged without answers


def test_item_model_is_json_round_trippable() -> None:
    item = EvalItem(id="x", question="q", expect="refuse", refuse_status="no_source")
    assert item.places == [] and item.gold_keys == set() and not item.answerable


def test_answer_first_metrics() -> None:
    gold = [{"doc": UU, "pasal": "1", "ayat": None}]
    common = {"gold": gold, "gold_rank": 1, "status": "answered", "refused": False}
    results = [
        _row(
            "a",
            "answer",
            must_contain_ok=True,
            direct_must_contain_ok=True,
            answer_chars=300,
            **common,
        ),  # fmt: skip
        _row(
            "b",
            "answer",
            must_contain_ok=True,
            direct_must_contain_ok=False,
            answer_chars=500,
            **common,
        ),  # fmt: skip
        _row("c", "answer", must_contain_ok=True, answer_chars=900, **common),  # LLM: no direct
        _row("d", "refuse", status="no_source", refused=True, category="refuse"),
    ]
    s = summarize(results)
    assert s["direct_must_contain_accuracy"] == 0.5  # c is left out, like items without phrases
    assert s["median_answer_chars"] == 500  # over the answers that were not refused
    assert s["must_contain_accuracy"] == 1.0
