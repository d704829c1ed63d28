"""Run gold questions through the real AnswerService and score each one.

Retrieval is scored on ``AnswerService.retrieve`` (the passages the chain would use: exact Pasal
look-up, or hybrid retrieval ranked by the chain) and, as ``retriever_rank``, on the bare
``Retriever.search`` (hybrid, configured fusion and reranker); both are de-duplicated to (doc, Pasal)
before ranking, and a Penjelasan chunk of Pasal N counts as Pasal N. Answers are scored on
``AnswerService.ask`` (the whole chain: guard, look-up, retrieval, confidence gate, composer or LLM,
citation check).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel, Field

from assistant.chain import AnswerService
from assistant.documents import Answer
from evals.dataset import EvalItem, Key, norm_pasal
from evals.judge import Judge
from evals.metrics import TOP, dedupe, gold_rank, is_refusal, missing_phrases


class ItemResult(BaseModel):
    """One line of results.jsonl."""

    id: str
    question: str
    category: str
    lang: str
    expect: str
    gold: list[dict[str, Any]] = Field(default_factory=list)
    expected_status: str | None = None
    refuse_class: str | None = None  # must-refuse items: why they must be refused
    variant_of: str | None = None  # typo variants: id of the clean item (summary's typo_pairs)
    status: str | None = None
    reason: str | None = None  # Answer.reason: why the answer is not `answered`
    answer: str | None = None
    cited: list[dict[str, Any]] = Field(default_factory=list)
    retrieved: list[dict[str, Any]] = Field(default_factory=list)
    gold_rank: int | None = None
    retriever_rank: int | None = None
    top_dense: float | None = None
    top_score: float | None = None
    confidence: dict[str, Any] | None = None
    context_hit: bool | None = None
    citation_ok: bool | None = None
    must_contain_ok: bool | None = None
    missing_phrases: list[str] = Field(default_factory=list)
    direct: str | None = None  # Answer.direct: the answer-first part of the extractive answer
    direct_must_contain_ok: bool | None = None  # the must-contain phrases in `direct` alone
    answer_chars: int | None = None  # length of a non-refused answer text
    refused: bool | None = None
    refusal_status_ok: bool | None = None
    invented: list[str] = Field(default_factory=list)
    faithfulness: float | None = None
    judge_reason: str | None = None
    passed: bool | None = None
    timings_ms: dict[str, float] = Field(default_factory=dict)
    error: str | None = None


@dataclass
class RunOptions:
    backend: str
    retrieval_only: bool = False
    judge: Judge | None = None


class Evaluator:
    """Holds the loaded service (models loaded once) and scores one item at a time."""

    def __init__(self, service: AnswerService, options: RunOptions) -> None:
        self.service = service
        self.options = options
        index = service.rt.index  # loads chunks, Chroma and BM25 now (IndexNotFound surfaces here)
        self.docs = set(index.info.get("documents", {}))
        self.places: set[Key] = {(c.doc, norm_pasal(c.pasal)) for c in index.ordered}
        _ = service.rt.retriever  # loads the embedder (and the reranker, when configured)

    def warm_up(self) -> None:
        """One throw-away query so that the first item's latency does not include lazy start-up."""
        self.service.rt.retriever.search("cuti pegawai", k=10)

    def run(self, item: EvalItem) -> ItemResult:
        row = ItemResult(
            id=item.id,
            question=item.question,
            category=item.category,
            lang=item.lang,
            expect=item.expect,
            gold=[p.model_dump() for p in item.places],
            expected_status=item.refuse_status,
            refuse_class=item.refuse_class,
            variant_of=item.variant_of,
        )
        try:
            self._retrieval(item, row)
            if not self.options.retrieval_only:
                self._answer(item, row)
        except Exception as exc:  # noqa: BLE001 - one broken item must not lose a long run
            row.error = f"{type(exc).__name__}: {exc}"
        row.passed = passed(row, self.options.retrieval_only)
        return row

    def _retrieval(self, item: EvalItem, row: ItemResult) -> None:
        rt = self.service.rt
        result = rt.retriever.search(item.question, k=max(rt.settings.k, TOP))
        t0 = time.perf_counter()
        passages = self.service.retrieve(item.question)
        chain_ms = (time.perf_counter() - t0) * 1000
        keys = [(p.chunk.doc, norm_pasal(p.chunk.pasal)) for p in passages]
        best: dict[Key, float] = {}
        for key, p in zip(keys, passages, strict=True):
            best.setdefault(key, p.score)
        row.retrieved = [
            {"doc": d, "pasal": pa, "score": round(best[(d, pa)], 5)}
            for d, pa in dedupe(keys)[:TOP]
        ]
        if item.answerable:
            row.gold_rank = gold_rank(keys, item.gold_keys)
            raw = [(p.chunk.doc, norm_pasal(p.chunk.pasal)) for p in result.passages]
            row.retriever_rank = gold_rank(raw, item.gold_keys)
        row.top_dense = round(result.dense[0][1], 5) if result.dense else None
        row.top_score = round(result.passages[0].score, 5) if result.passages else None
        t = result.timings_ms
        row.timings_ms.update({f"search_{k}": round(v, 3) for k, v in t.items()})
        row.timings_ms["search"] = round(sum(t.values()), 3)
        row.timings_ms["chain_retrieve"] = round(chain_ms, 3)

    def _answer(self, item: EvalItem, row: ItemResult) -> None:
        answer = self.service.ask(item.question, backend=self.options.backend, trace=True)
        row.status = answer.status.value
        row.reason = answer.reason
        row.answer = answer.answer
        row.cited = [
            {"doc": c.doc, "pasal": c.pasal, "ayat": c.ayat, "id": c.id} for c in answer.citations
        ]
        row.timings_ms.update({k: round(v, 3) for k, v in answer.timings_ms.items()})
        row.confidence = (answer.trace or {}).get("confidence")
        row.refused = is_refusal(row.status)
        row.direct = answer.direct
        row.answer_chars = None if row.refused else len(answer.answer)
        cited_keys = {(c.doc, norm_pasal(c.pasal)) for c in answer.citations}
        row.invented = self.invented(answer)
        if item.answerable:
            gold = item.gold_keys
            row.citation_ok = not row.refused and bool(cited_keys & gold)
            row.context_hit = bool(self.source_keys(answer) & gold)
            if item.must_contain:
                row.missing_phrases = missing_phrases(answer.answer, item.must_contain)
                row.must_contain_ok = not row.missing_phrases
                if answer.direct is not None or answer.backend == "extractive":
                    direct = missing_phrases(answer.direct or "", item.must_contain)
                    row.direct_must_contain_ok = not direct
        elif item.refuse_status:
            row.refusal_status_ok = row.status == item.refuse_status
        if self.options.judge is not None and answer.citations and not row.refused:
            verdict = self.options.judge.judge(
                item.question, answer.answer, [c.text for c in answer.citations]
            )
            row.faithfulness, row.judge_reason = verdict.score, verdict.reason

    def source_keys(self, answer: Answer) -> set[Key]:
        """(doc, Pasal) of the passages the chain had in hand (its top candidates and the cited)."""
        chunks = self.service.rt.index.chunks
        keys = {(c.doc, norm_pasal(c.pasal)) for c in answer.citations}
        for cid in source_ids(answer):
            chunk = chunks.get(cid)
            if chunk is not None:
                keys.add((chunk.doc, norm_pasal(chunk.pasal)))
        return keys

    def invented(self, answer: Answer) -> list[str]:
        """Citations to a place absent from the index, or not among the sources the chain used."""
        sources = source_ids(answer)
        out = []
        for c in answer.citations:
            key = (c.doc, norm_pasal(c.pasal))
            exists = c.doc in self.docs and key in self.places
            if not exists or c.id not in sources:
                out.append(c.id)
        return out


def source_ids(answer: Answer) -> set[str]:
    trace = answer.trace or {}
    ids = {row["id"] for row in trace.get("candidates", [])}
    return ids | set(trace.get("selection", []))


def passed(row: ItemResult, retrieval_only: bool) -> bool | None:
    """The one pass/fail flag compared across runs."""
    if row.error:
        return False
    if retrieval_only:
        return (
            None if row.expect == "refuse" else (row.gold_rank is not None and row.gold_rank <= 5)
        )
    if row.expect == "refuse":
        return bool(row.refused)
    return bool(row.citation_ok) and row.must_contain_ok is not False and not row.invented


def run_all(
    evaluator: Evaluator,
    items: list[EvalItem],
    on_item: Callable[[EvalItem, ItemResult], None] | None = None,
) -> list[ItemResult]:
    results = []
    for item in items:
        row = evaluator.run(item)
        results.append(row)
        if on_item:
            on_item(item, row)
    return results
