"""Typo variants against their clean originals (summary["typo_pairs"]), on hand-made results."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from assistant.config import Settings
from evals import cli
from evals.dataset import EvalItem, load_dataset, load_datasets
from evals.report import render_report
from evals.runner import Evaluator, ItemResult, RunOptions
from evals.summary import summarize, typo_pairs

REPO = Path(__file__).resolve().parents[2]
DATASETS = REPO / "evals" / "datasets"
GOLD = [{"doc": "uu-20-2023", "pasal": "1", "ayat": None}]


def _row(qid: str, expect: str = "answer", **fields: object) -> ItemResult:
    gold = GOLD if expect == "answer" else []
    return ItemResult(id=qid, question=qid, category="c", lang="id", expect=expect, gold=gold,
                      **fields)  # fmt: skip


def _results() -> list[ItemResult]:
    return [
        # both within the top 5
        _row("o1", gold_rank=1, citation_ok=True, must_contain_ok=True),
        _row("v1", variant_of="o1", gold_rank=2, citation_ok=True, must_contain_ok=True),
        # the original hits, the variant loses the gold Pasal: in lost_at_5
        _row("o2", gold_rank=3, citation_ok=True, must_contain_ok=True),
        _row("v2", variant_of="o2", gold_rank=None, citation_ok=False, must_contain_ok=False),
        # both miss the top 5; must_contain measured on one side only: left out of that block
        _row("o3", gold_rank=7, citation_ok=True, must_contain_ok=True),
        _row("v3", variant_of="o3", gold_rank=8, citation_ok=True),
        # the original is not in the run: no pair
        _row("v4", variant_of="absent", gold_rank=None, citation_ok=False, must_contain_ok=False),
        # a must-refuse pair, and an answerable variant of a must-refuse item: not counted
        _row("r5", "refuse", status="no_source", refused=True),
        _row("vr5", "refuse", variant_of="r5", status="answered", refused=False),
        _row("v6", variant_of="r5", gold_rank=None, citation_ok=False, must_contain_ok=False),
        # a clean item with no variant
        _row("o7", gold_rank=None, citation_ok=False, must_contain_ok=False),
    ]


def test_pairs_compare_variants_with_their_originals() -> None:
    tp = typo_pairs(_results())
    assert tp is not None
    assert tp["n_pairs"] == 3  # v1, v2, v3
    assert tp["recall_at_5"] == {
        "n": 3, "original": pytest.approx(0.6667), "variant": pytest.approx(0.3333),
        "delta": pytest.approx(-0.3333),
    }  # fmt: skip
    assert tp["citation_accuracy"] == {
        "n": 3, "original": 1.0, "variant": pytest.approx(0.6667), "delta": pytest.approx(-0.3333),
    }  # fmt: skip
    assert tp["must_contain_accuracy"] == {"n": 2, "original": 1.0, "variant": 0.5, "delta": -0.5}
    assert tp["lost_at_5"] == [{"original": "o2", "variant": "v2"}]


def test_variant_that_gains_is_a_positive_delta_and_not_lost() -> None:
    results = [_row("o", gold_rank=6), _row("v", variant_of="o", gold_rank=5)]
    tp = typo_pairs(results)
    assert tp is not None
    assert tp["recall_at_5"] == {"n": 1, "original": 0.0, "variant": 1.0, "delta": 1.0}
    assert tp["lost_at_5"] == []
    # retrieval-only rows: citation and must-contain are unmeasured on both sides
    assert tp["citation_accuracy"] == {"n": 0, "original": None, "variant": None, "delta": None}


def test_no_pairs_is_null_in_the_summary() -> None:
    assert (
        summarize([_row("o1", gold_rank=1), _row("v4", variant_of="absent")])["typo_pairs"] is None
    )
    assert summarize(_results())["typo_pairs"] == typo_pairs(_results())


def test_report_and_console_show_the_pairs(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    results = _results()
    summary = summarize(results)
    config = {
        "eval": {"name": "t", "started": "now", "dataset": "d", "backend": "extractive",
                 "retrieval_only": False, "index_generation": "g"},
        "settings": Settings().model_dump(mode="json"),
    }  # fmt: skip
    html = render_report(config, results, summary)
    assert 'id="typo-pairs"' in html and "Varian salah ketik vs pertanyaan asli" in html
    assert "<code>v2</code> (o2)" in html and "-0.333" in html
    monkeypatch.setattr(cli.out, "width", 120)  # no wrapping inside the table cells
    cli.print_summary(summary, Path("runs/x"))
    shown = capsys.readouterr().out
    assert "recall_at_5 asli / varian (Δ)" in shown and "0.667 / 0.333 (-0.333)" in shown
    assert "v2 (o2)" in shown


def test_load_dataset_keeps_variant_of(tmp_path: Path) -> None:
    rows = [
        {"id": "a", "question": "q", "expect": "answer", "doc": "uu-20-2023", "pasal": "1"},
        {"id": "b", "question": "qq", "expect": "answer", "doc": "uu-20-2023", "pasal": "1",
         "variant_of": "a", "orig_category": "hak"},
    ]  # fmt: skip
    path = tmp_path / "d.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    a, b = load_dataset(path)
    assert a.variant_of is None and b.variant_of == "a"


def test_runner_copies_variant_of_into_the_result_row() -> None:
    evaluator = Evaluator.__new__(Evaluator)  # no index: retrieval is stubbed out
    evaluator.options = RunOptions("extractive", retrieval_only=True)
    evaluator._retrieval = lambda item, row: None  # type: ignore[method-assign]
    item = EvalItem(id="dty-001", question="q", expect="answer", doc="d", variant_of="dev-001")
    row = evaluator.run(item)
    assert row.error is None and row.variant_of == "dev-001"
    assert ItemResult.model_validate_json(row.model_dump_json()).variant_of == "dev-001"


@pytest.mark.parametrize(("clean", "typo"), [("dev", "dev-typo"), ("holdout", "holdout-typo")])
def test_bundled_typo_sets_pair_with_their_clean_set(clean: str, typo: str) -> None:
    items = load_datasets([DATASETS / f"{clean}.jsonl", DATASETS / f"{typo}.jsonl"])
    by_id = {i.id: i for i in items}
    variants = [i for i in items if i.variant_of is not None]
    assert len(variants) == len(load_dataset(DATASETS / f"{typo}.jsonl"))
    assert all(by_id[v.variant_of].answerable and v.answerable for v in variants)  # type: ignore[index]
    if clean == "dev":
        assert len(variants) >= 60
