"""Persisted BM25 keyword index (bm25s) over Sastrawi-stemmed Indonesian tokens."""

from __future__ import annotations

import difflib
import json
from collections.abc import Sequence
from pathlib import Path

import bm25s
import numpy as np
from rapidfuzz import fuzz, process

from assistant.text import tokenize

# rapidfuzz's ratio (0-100) for the near words handed to difflib (cutoff 0.84): a little looser,
# so that difflib's own choice is among them
NEAR_CUTOFF = 75
NEAR_LIMIT = 10


class BM25Index:
    """Built once at index time, saved beside the vector store, loaded once per process."""

    def __init__(self, retriever: bm25s.BM25 | None, ids: list[str]) -> None:
        self._retriever = retriever
        self._ids = ids
        self._vocab_list: list[str] | None = None

    @classmethod
    def build(cls, ids: Sequence[str], texts: Sequence[str]) -> BM25Index:
        if not texts:
            return cls(None, [])
        corpus_tokens = [tokenize(t) or ["_kosong_"] for t in texts]
        retriever = bm25s.BM25(k1=1.0, b=0.5)  # tuned on the dev set (benchmarks/retrieval.py)
        retriever.index(corpus_tokens, show_progress=False)
        return cls(retriever, list(ids))

    def save(self, directory: Path) -> None:
        directory.mkdir(parents=True, exist_ok=True)
        if self._retriever is not None:
            self._retriever.save(str(directory), show_progress=False)
        (directory / "ids.json").write_text(json.dumps(self._ids), encoding="utf-8")

    @classmethod
    def load(cls, directory: Path) -> BM25Index:
        ids = json.loads((directory / "ids.json").read_text(encoding="utf-8"))
        if not ids:
            return cls(None, [])
        retriever = bm25s.BM25.load(str(directory), show_progress=False, verbosity=0)
        return cls(retriever, ids)

    def _closest(self, token: str) -> str | None:
        """Typo tolerance: an unknown query word maps to the nearest index word ('pegawi' -> 'pegawai')."""
        if len(token) < 5 or token.isdigit():
            return None
        if self._vocab_list is None:
            self._vocab_list = [w for w in self._retriever.vocab_dict if len(w) >= 4]
        # rapidfuzz (C) narrows the vocabulary to a few near words; difflib picks among them as it
        # would over the whole vocabulary (same choice, a tenth of the time on a doubled corpus)
        near = process.extract(
            token, self._vocab_list, scorer=fuzz.ratio, score_cutoff=NEAR_CUTOFF, limit=NEAR_LIMIT
        )
        match = difflib.get_close_matches(token, [w for w, _, _ in near], n=1, cutoff=0.84)
        return match[0] if match else None

    def search(self, query: str, k: int) -> list[tuple[str, float]]:
        if self._retriever is None:
            return []
        vocab = self._retriever.vocab_dict
        tokens = [t if t in vocab else self._closest(t) for t in tokenize(query)]
        tokens = [t for t in tokens if t]
        if not tokens:
            return []
        k = min(k, len(self._ids))
        docs, scores = self._retriever.retrieve([tokens], k=k, show_progress=False, n_threads=1)
        out = []
        for idx, score in zip(
            np.asarray(docs[0]).tolist(), np.asarray(scores[0]).tolist(), strict=True
        ):
            if score > 0:
                out.append((self._ids[int(idx)], float(score)))
        return out
