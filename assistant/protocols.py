"""Interfaces for everything that is swappable."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Protocol, runtime_checkable

import numpy as np

from assistant.documents import Chunk


@runtime_checkable
class Embedder(Protocol):
    """Turns texts into unit-length vectors. Queries and passages may be encoded differently."""

    name: str
    dim: int

    def embed_passages(self, texts: Sequence[str]) -> np.ndarray: ...

    def embed_query(self, text: str) -> np.ndarray: ...


class VectorStore(Protocol):
    def add(self, chunks: Sequence[Chunk], vectors: np.ndarray) -> None: ...

    def query(self, vector: np.ndarray, k: int) -> list[tuple[str, float]]:
        """Return (chunk id, cosine similarity) pairs, best first."""
        ...

    def similarity(self, vector: np.ndarray, ids: Sequence[str]) -> dict[str, float]:
        """Cosine similarity of the vector to each stored chunk named (ids not stored: left out)."""
        ...

    def count(self) -> int: ...


class KeywordIndex(Protocol):
    def search(self, query: str, k: int) -> list[tuple[str, float]]:
        """Return (chunk id, score) pairs, best first."""
        ...


class Generator(Protocol):
    """An LLM (or the extractive composer) that answers from numbered sources."""

    name: str

    def generate(self, system: str, user: str) -> str: ...

    def stream(self, system: str, user: str) -> Iterator[str]: ...


class Reranker(Protocol):
    name: str

    def score(self, query: str, texts: Sequence[str]) -> list[float]: ...
