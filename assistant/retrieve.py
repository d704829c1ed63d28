"""Retrieval: dense (Chroma) + keyword (BM25), fused by reciprocal rank fusion or a weighted sum."""

from __future__ import annotations

import re
import time
from dataclasses import dataclass, field
from functools import cached_property

import numpy as np

from assistant.config import Settings
from assistant.documents import Chunk, Passage
from assistant.index_store import LoadedIndex
from assistant.language import is_english
from assistant.protocols import Embedder, Reranker, VectorStore
from assistant.spelling import Corrected, Speller
from assistant.text import tokenize


@dataclass
class RetrievalResult:
    passages: list[Passage]
    dense: list[tuple[str, float]] = field(default_factory=list)
    keyword: list[tuple[str, float]] = field(default_factory=list)
    timings_ms: dict[str, float] = field(default_factory=dict)
    query: str = ""  # the question as searched (typos corrected, shorthand written out)
    corrections: list[str] = field(default_factory=list)  # "larangn → larangan"


def _minmax(pairs: list[tuple[str, float]]) -> dict[str, float]:
    if not pairs:
        return {}
    values = [s for _, s in pairs]
    lo, hi = min(values), max(values)
    span = hi - lo or 1.0
    return {cid: (s - lo) / span for cid, s in pairs}


def fuse(
    dense: list[tuple[str, float]],
    keyword: list[tuple[str, float]],
    method: str = "rrf",
    rrf_k: int = 60,
    dense_weight: float = 1.0,
    keyword_weight: float = 1.0,
) -> list[tuple[str, float]]:
    """Combine two ranked lists into one; returns (id, fused score) best first."""
    scores: dict[str, float] = {}
    if method == "rrf":
        for weight, ranked in ((dense_weight, dense), (keyword_weight, keyword)):
            for rank, (cid, _) in enumerate(ranked):
                scores[cid] = scores.get(cid, 0.0) + weight / (rrf_k + rank + 1)
    else:
        for weight, norm in ((dense_weight, _minmax(dense)), (keyword_weight, _minmax(keyword))):
            for cid, s in norm.items():
                scores[cid] = scores.get(cid, 0.0) + weight * s
    return sorted(scores.items(), key=lambda kv: kv[1], reverse=True)


def pasal_pool(
    fused: list[tuple[str, float]], chunks: dict, bonus: float
) -> list[tuple[str, float]]:  # noqa: ANN001
    """Add `bonus` x the best score of the other candidates from the same Pasal (same document).

    A provision whose several ayat (or whose Penjelasan) match is more likely the answer than a lone
    ayat elsewhere with the same score.
    """
    if bonus <= 0:
        return fused
    best: dict[tuple[str, str], list[float]] = {}
    for cid, score in fused:
        c = chunks.get(cid)
        if c is not None and c.pasal:
            best.setdefault((c.doc, c.pasal), []).append(score)
    out = []
    for cid, score in fused:
        c = chunks.get(cid)
        others = (
            sorted(best.get((c.doc, c.pasal), []), reverse=True)
            if c is not None and c.pasal
            else []
        )
        if others:
            others.remove(score)
        out.append((cid, score + bonus * (others[0] if others else 0.0)))
    return sorted(out, key=lambda kv: kv[1], reverse=True)


def section_title(chunk: Chunk) -> str:
    """The most specific topic heading above a passage: its Paragraf title, else its Bagian title."""
    return chunk.paragraf_title or chunk.bagian or ""


def heading_match(
    fused: list[tuple[str, float]], chunks: dict[str, Chunk], query: str, bonus: float
) -> list[tuple[str, float]]:
    """Add `bonus` x the best fused score x the share of a passage's section-title terms that the
    question contains (relative to the best score, so it means the same under RRF and weighted fusion).

    Regulations label their own topics ("Bagian Ketiga Larangan", "Paragraf 6 Mutasi"); a question
    that names the topic should prefer the provisions filed under it over ones that merely share words.
    """
    if bonus <= 0 or not fused:
        return fused
    asked = set(tokenize(query))
    if not asked:
        return fused
    bonus *= max(score for _, score in fused)
    cache: dict[str, float] = {}
    out = []
    for cid, score in fused:
        c = chunks.get(cid)
        title = section_title(c) if c is not None else ""
        if title not in cache:
            terms = set(tokenize(title))
            cache[title] = len(terms & asked) / len(terms) if terms else 0.0
        out.append((cid, score + bonus * cache[title]))
    return sorted(out, key=lambda kv: kv[1], reverse=True)


# The leading candidates that only the keyword index found get their dense similarity measured
# (not counted as 0): the answerability check weighs the best passages' similarity to the question.
DENSE_FILL = 10
# Abbreviations used in more than this share of the passages are not spelled out for the search.
SPELL_OUT_MAX_SHARE = 0.2


def _fill_dense(passages: list[Passage], store: VectorStore, vector: np.ndarray) -> None:
    missing = [p.chunk.id for p in passages if p.dense is None]
    if not missing:
        return
    found = store.similarity(vector, missing)
    for p in passages:
        if p.dense is None and p.chunk.id in found:
            p.dense = found[p.chunk.id]


SCOPED_DEPTH = 4000  # hits read to find a named document's best candidates


def _within(
    hits: list[tuple[str, float]], docs: frozenset[str] | None, n: int
) -> list[tuple[str, float]]:
    """The first `n` hits, of the given documents only when `docs` is set (ids are "doc/…")."""
    if docs is None:
        return hits[:n]
    return [(cid, score) for cid, score in hits if cid.split("/", 1)[0] in docs][:n]


class Retriever:
    """Hybrid retriever over a loaded index. Mode: hybrid | dense | keyword."""

    def __init__(
        self,
        index: LoadedIndex,
        embedder: Embedder,
        settings: Settings,
        reranker: Reranker | None = None,
    ) -> None:
        self.index = index
        self.embedder = embedder
        self.settings = settings
        self.reranker = reranker

    @cached_property
    def speller(self) -> Speller:
        """The vocabulary of this index's texts (one Retriever per loaded index: built once)."""
        return Speller.from_texts(c.text for c in self.index.ordered)

    @cached_property
    def abbreviations(self) -> dict[str, str]:
        """Abbreviations the regulations define ("Komisi Aparatur Sipil Negara yang selanjutnya
        disingkat KASN"): lower-case abbreviation -> its long form, the one most often defined."""
        found = self.index.defined_abbreviations()
        # an abbreviation the corpus writes everywhere ("PNS") is its everyday word: spelling it
        # out would only draw the definitions up
        words = [set(re.findall(r"[a-z]+", c.text.lower())) for c in self.index.ordered]
        limit = SPELL_OUT_MAX_SHARE * max(len(words), 1)
        return {a: long for a, long in found.items() if sum(a in w for w in words) <= limit}

    def spelled_out(self, query: str) -> str:
        """The long forms of the defined abbreviations a question uses, for the keyword search:
        a provision of another law may use only the long form ("Komisi Aparatur Sipil Negara yang
        ada pada saat berlakunya Undang-Undang ini" for "KASN")."""
        words = set(re.findall(r"[a-z0-9]+", query.lower()))
        extra = [
            long
            for word in sorted(words)
            if (long := self.abbreviations.get(word))
            and not set(re.findall(r"[a-z0-9]+", long.lower())) <= words
        ]
        return " ".join(extra)

    def keyword_search(self, query: str, n: int) -> list[tuple[str, float]]:
        """The keyword index's hits for a question, with the defined abbreviations it uses spelled
        out (setting `spell_out_abbreviations`)."""
        spelled = self.spelled_out(query) if self.settings.spell_out_abbreviations else ""
        return self.index.keyword.search(f"{query} {spelled}" if spelled else query, n)

    def correct(self, query: str) -> Corrected:
        """The question with misspelt words and chat shorthand corrected (when `spelling` is on)."""
        if not self.settings.spelling:
            return Corrected(query)
        return self.speller.correct(query, english=is_english(query))

    def search(
        self,
        query: str,
        k: int | None = None,
        mode: str = "hybrid",
        rerank: bool = True,
        docs: frozenset[str] | None = None,
    ) -> RetrievalResult:
        """The passages for a question, best first. With `docs`, only those documents' passages
        compete: "Under PP 11/2017, what happens to a civil servant who fails to report back after
        study leave?" is searched within PP 11/2017, whose Pasal 259 other laws' provisions on
        study leave would otherwise crowd out of the candidates."""
        k = k or self.settings.k
        n = max(self.settings.candidates, k)
        depth = min(SCOPED_DEPTH, len(self.index.chunks)) if docs else n
        timings: dict[str, float] = {}
        dense: list[tuple[str, float]] = []
        keyword: list[tuple[str, float]] = []
        t0 = time.perf_counter()
        corrected = self.correct(query)
        query = corrected.text
        vector = None
        if mode in ("hybrid", "dense"):
            vector = self.embedder.embed_query(query)
            dense = _within(self.index.store.query(vector, depth), docs, n)
        t1 = time.perf_counter()
        if mode in ("hybrid", "keyword"):
            keyword = _within(self.keyword_search(query, depth), docs, n)
        t2 = time.perf_counter()
        timings["dense"] = (t1 - t0) * 1000
        timings["keyword"] = (t2 - t1) * 1000
        s = self.settings
        if mode == "dense":
            fused = dense
        elif mode == "keyword":
            fused = keyword
        else:
            fused = fuse(dense, keyword, s.fusion, s.rrf_k, s.dense_weight, s.keyword_weight)
            fused = pasal_pool(fused, self.index.chunks, s.pasal_bonus)
            fused = heading_match(fused, self.index.chunks, query, s.effective_heading_bonus)
        dense_map = {cid: (rank, sc) for rank, (cid, sc) in enumerate(dense)}
        kw_map = {cid: (rank, sc) for rank, (cid, sc) in enumerate(keyword)}
        passages = []
        for cid, score in fused:
            chunk = self.index.chunks.get(cid)
            if chunk is None:
                continue
            d = dense_map.get(cid)
            kw = kw_map.get(cid)
            passages.append(
                Passage(
                    chunk=chunk,
                    score=score,
                    fused=score,
                    dense=d[1] if d else None,
                    dense_rank=d[0] + 1 if d else None,
                    keyword=kw[1] if kw else None,
                    keyword_rank=kw[0] + 1 if kw else None,
                    via=mode,
                )
            )
        if vector is not None:
            _fill_dense(passages[:DENSE_FILL], self.index.store, vector)
        t3 = time.perf_counter()
        timings["fuse"] = (t3 - t2) * 1000
        if rerank and self.reranker is not None and passages:
            head = passages[: max(k * 3, 20)]
            scores = self.reranker.score(query, [p.chunk.embed_text for p in head])
            for p, sc in zip(head, scores, strict=True):
                p.rerank = float(sc)
                p.score = float(sc)
            head.sort(key=lambda p: p.score, reverse=True)
            passages = head + passages[len(head) :]
        timings["rerank"] = (time.perf_counter() - t3) * 1000
        return RetrievalResult(passages, dense, keyword, timings, query, corrected.trace())
