"""Optional cross-encoder reranking (any sentence-transformers CrossEncoder, loaded offline)."""

from __future__ import annotations

import os
from collections.abc import Sequence

from assistant.errors import BackendUnavailable


class CrossEncoderReranker:
    def __init__(self, model: str, batch_size: int = 16) -> None:
        os.environ.setdefault("HF_HUB_OFFLINE", "1")
        os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
        try:
            from sentence_transformers import CrossEncoder
        except ImportError as exc:
            raise BackendUnavailable(
                "reranker memerlukan: pip install 'asisten-asn[st]' (sentence-transformers, torch==2.13.0)"
            ) from exc
        self._model = CrossEncoder(model, device="cpu")
        self._batch = batch_size
        self.name = f"cross-encoder:{model}"

    def score(self, query: str, texts: Sequence[str]) -> list[float]:
        if not texts:
            return []
        scores = self._model.predict(
            [(query, t) for t in texts], batch_size=self._batch, show_progress_bar=False
        )
        return [float(s) for s in scores]
