"""Gate, compare, settings building and the judge, without an index."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.config import Settings
from evals.cli import EvalSetupError, build_settings
from evals.compare import compare_runs, fail_reasons
from evals.gate import GateError, check_gate, load_gate
from evals.judge import Judge, JudgeConfigError, check_judge, parse_verdict
from tests.fake_openai import FakeOpenAI

REPO = Path(__file__).resolve().parents[2]


def _gate(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "gate.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_gate_min_max_and_unmeasured(tmp_path: Path) -> None:
    gate = load_gate(
        _gate(tmp_path, "[min]\nrecall_at_5 = 0.8\nmrr = 0.7\n[max]\ninvented_citations = 0\n")
    )
    summary = {"recall_at_5": 0.85, "mrr": 0.69, "invented_citations": 1}
    checks = {c.metric: c for c in check_gate(summary, gate)}
    assert checks["recall_at_5"].ok
    assert not checks["mrr"].ok and "GAGAL mrr = 0.69" in checks["mrr"].describe()
    assert not checks["invented_citations"].ok
    unmeasured = check_gate({"recall_at_5": None}, {"min": {"recall_at_5": 0.1}})
    assert not unmeasured[0].ok and "tidak diukur" in unmeasured[0].describe()


@pytest.mark.parametrize(
    "text",
    ["[min]\nrecal_at_5 = 0.8\n", "[min]\nmrr = 'high'\n", "[limits]\nmrr = 0.5\n", "mrr = ="],
)
def test_gate_file_errors(tmp_path: Path, text: str) -> None:
    with pytest.raises(GateError):
        load_gate(_gate(tmp_path, text))


def test_repository_gate_file_is_valid() -> None:
    gate = load_gate(REPO / "evals" / "gate.toml")
    assert {"recall_at_5", "mrr", "citation_accuracy", "refusal_recall"} <= set(gate["min"])


def _result(qid: str, passed: bool | None, **extra: object) -> dict:
    return {"id": qid, "passed": passed, "question": qid, "category": "c", **extra}


def test_compare_rows_and_flips() -> None:
    a = {"n": 3, "recall_at_5": 0.5, "invented_citations": 2, "latency": {"total": {"p50": 10}}}
    b = {"n": 3, "recall_at_5": 0.75, "invented_citations": 0, "latency": {"total": {"p50": 12}}}
    ra = [_result("1", True), _result("2", False), _result("3", True), _result("4", True)]
    rb = [_result("1", False), _result("2", True), _result("3", True), _result("5", False)]
    comp = compare_runs(a, ra, b, rb)
    rows = {r.name: r for r in comp.rows}
    assert rows["recall_at_5"].delta == pytest.approx(0.25)
    assert rows["recall_at_5"].verdict == "better"
    assert rows["invented_citations"].verdict == "better"  # fewer is better
    assert rows["latency total p50 (ms)"].verdict == "worse"
    assert rows["mrr"].delta is None and rows["mrr"].verdict == "same"
    assert [f["b"]["id"] for f in comp.fixed] == ["2"]
    assert [f["b"]["id"] for f in comp.broken] == ["1"]
    assert comp.only_a == ["4"] and comp.only_b == ["5"]


def test_fail_reasons() -> None:
    row = {"expect": "answer", "status": "answered", "refused": False, "citation_ok": False,
           "must_contain_ok": False, "missing_phrases": ["x"], "invented": [], "gold_rank": 7}  # fmt: skip
    reasons = fail_reasons(row)
    assert "tidak mengutip Pasal emas" in reasons and "frasa wajib hilang: x" in reasons
    assert "peringkat Pasal emas: 7" in reasons
    assert fail_reasons({"expect": "refuse", "refused": False, "status": "answered"}) == [
        "tidak menolak (status answered)"
    ]


def test_settings_from_yaml_then_flags(tmp_path: Path) -> None:
    config = tmp_path / "c.yaml"
    config.write_text("k: 12\nfusion: weighted\ncandidates: 30\n", encoding="utf-8")
    s = build_settings(config, {"k": 5, "fusion": None}, rerank=None)
    assert (s.k, s.fusion, s.candidates) == (5, "weighted", 30)
    assert build_settings(None, {}, rerank=False).reranker == ""


@pytest.mark.parametrize(
    ("text", "message"),
    [("kk: 3\n", "tidak dikenal"), ("k: 0\n", "tidak valid"), ("- a\n", "pemetaan")],
)
def test_bad_config_files(tmp_path: Path, text: str, message: str) -> None:
    config = tmp_path / "c.yaml"
    config.write_text(text, encoding="utf-8")
    with pytest.raises(EvalSetupError, match=message):
        build_settings(config, {}, rerank=None)


def test_rerank_flag_needs_a_configured_reranker() -> None:
    with pytest.raises(EvalSetupError, match="reranker"):
        build_settings(None, {"reranker": ""}, rerank=True)


def test_judge_must_not_be_the_generating_model() -> None:
    settings = Settings(llm_model="qwen2.5-7b-instruct", gguf_path=Path("/m/Qwen-1.5B.gguf"))
    with pytest.raises(JudgeConfigError, match="sama"):
        check_judge("Qwen2.5-7B-Instruct", "http://x/v1", settings, "openai")
    with pytest.raises(JudgeConfigError, match="sama"):
        check_judge("qwen-1.5b", "http://x/v1", settings, "llamacpp")
    with pytest.raises(JudgeConfigError, match="base-url"):
        check_judge("other", None, settings, "openai")
    check_judge("other-model", "http://x/v1", settings, "openai")
    check_judge("qwen2.5-7b-instruct", "http://x/v1", settings, "extractive")  # nothing generated


@pytest.mark.parametrize(
    ("content", "score"),
    [
        ('{"score": 0.5, "reason": "satu klaim"}', 0.5),
        ('```json\n{"score": 1, "reason": "ok"}\n```', 1.0),
        ("score: 0.25 karena ...", 0.25),
        ('{"score": 7}', 1.0),
        ("tidak tahu", None),
    ],
)
def test_parse_verdict(content: str, score: float | None) -> None:
    assert parse_verdict(content).score == score


def test_judge_calls_an_openai_compatible_server() -> None:
    with FakeOpenAI() as server:
        server.replies.append('{"score": 0.75, "reason": "sebagian didukung"}')
        judge = Judge(server.base_url, "judge-model")
        verdict = judge.judge("Cuti?", "Cuti 12 hari [1]", ["PNS berhak cuti tahunan 12 hari"])
        judge.close()
    assert verdict.score == 0.75 and verdict.reason == "sebagian didukung"
    body = server.requests[0]
    assert body["model"] == "judge-model" and "12 hari" in body["messages"][1]["content"]


def test_judge_failure_is_a_verdict_not_a_crash() -> None:
    with FakeOpenAI() as server:
        server.fail = True
        verdict = Judge(server.base_url, "m").judge("q", "a", ["s"])
    assert verdict.score is None and "gagal" in verdict.reason
