"""Optional cross-encoder reranking (any sentence-transformers CrossEncoder, loaded offline)."""

from __future__ import annotations

from collections.abc import Sequence

from assistant.backends.embedders import sentence_transformers_offline


class CrossEncoderReranker:
    def __init__(self, model: str, batch_size: int = 16) -> None:
        st = sentence_transformers_offline("reranker")
        self._model = st.CrossEncoder(model, device="cpu")
        self._batch = batch_size
        self.name = f"cross-encoder:{model}"

    def score(self, query: str, texts: Sequence[str]) -> list[float]:
        if not texts:
            return []
        scores = self._model.predict(
            [(query, t) for t in texts], batch_size=self._batch, show_progress_bar=False
        )
        return [float(s) for s in scores]
