"""Chroma vector store: PersistentClient under the data dir, or HttpClient to a Chroma server."""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Sequence
from pathlib import Path
from urllib.parse import urlparse

import numpy as np

from assistant.documents import Chunk

_BATCH = 1000


def make_client(chroma_url: str | None, path: Path):  # noqa: ANN201 - chromadb.ClientAPI
    import chromadb
    from chromadb.config import Settings as ChromaSettings

    settings = ChromaSettings(anonymized_telemetry=False)
    if chroma_url:
        url = urlparse(chroma_url)
        return chromadb.HttpClient(
            host=url.hostname or "localhost",
            port=url.port or (443 if url.scheme == "https" else 8000),
            ssl=url.scheme == "https",
            settings=settings,
        )
    path.mkdir(parents=True, exist_ok=True)
    return chromadb.PersistentClient(path=str(path), settings=settings)


class ChromaStore:
    """One Chroma collection per index generation; we always pass our own embeddings.

    A collection of at most `exact_max` vectors is searched exactly: its vectors are loaded once
    into memory and compared by a matrix product (about 1 ms for 10,000 vectors of 384 dims). That is
    deterministic, where HNSW is approximate and may differ between two builds of the same index.
    Larger collections use Chroma's HNSW search.
    """

    def __init__(
        self,
        client,  # noqa: ANN001 - chromadb.ClientAPI
        collection_name: str,
        create: bool = False,
        exact_max: int = 0,
    ) -> None:
        self._client = client
        self.name = collection_name
        self.exact_max = exact_max
        self._matrix: tuple[list[str], np.ndarray] | None = None
        self._matrix_lock = threading.Lock()
        if create:
            self._col = client.get_or_create_collection(
                collection_name,
                embedding_function=None,
                configuration={"hnsw": {"space": "cosine"}},
            )
        else:
            self._col = client.get_collection(collection_name, embedding_function=None)

    def add(self, chunks: Sequence[Chunk], vectors: np.ndarray) -> None:
        """Vectors with a light metadata (where each one is); the texts and the full metadata live in
        the generation's chunks.jsonl, which every reader loads (storing them here too cost a third
        of the indexing time spent outside the embedder and was never read)."""
        for start in range(0, len(chunks), _BATCH):
            part = chunks[start : start + _BATCH]
            self._col.upsert(
                ids=[c.id for c in part],
                embeddings=vectors[start : start + len(part)].tolist(),
                metadatas=[_place(c) for c in part],
            )
        self._matrix = None

    def query(self, vector: np.ndarray, k: int) -> list[tuple[str, float]]:
        exact = self._exact_matrix()
        if exact is not None:
            return _top_k(*exact, vector, k)
        n = self.count()
        if n == 0:
            return []
        res = self._col.query(
            query_embeddings=[vector.tolist()], n_results=min(k, n), include=["distances"]
        )
        return [
            (cid, 1.0 - float(dist))
            for cid, dist in zip(res["ids"][0], res["distances"][0], strict=True)
        ]

    def similarity(self, vector: np.ndarray, ids: Sequence[str]) -> dict[str, float]:
        if not ids:
            return {}
        got = self._col.get(ids=list(ids), include=["embeddings"])
        if not got["ids"]:
            return {}
        stored = np.asarray(got["embeddings"], dtype=np.float32)
        stored /= np.linalg.norm(stored, axis=1, keepdims=True) + 1e-12
        query = vector / (np.linalg.norm(vector) + 1e-12)
        return {cid: float(s) for cid, s in zip(got["ids"], stored @ query, strict=True)}

    def count(self) -> int:
        return int(self._col.count())

    def _exact_matrix(self) -> tuple[list[str], np.ndarray] | None:
        """(ids, unit-length vectors) of the whole collection, loaded once; None above exact_max."""
        if self._matrix is not None:
            return self._matrix
        if self.exact_max <= 0:
            return None
        with self._matrix_lock:
            if self._matrix is None:
                n = self.count()
                if n > self.exact_max:
                    self.exact_max = 0  # do not count again on every query
                    return None
                ids: list[str] = []
                rows: list[np.ndarray] = []
                for offset in range(0, n, _BATCH):
                    got = self._col.get(include=["embeddings"], limit=_BATCH, offset=offset)
                    ids.extend(got["ids"])
                    rows.append(np.asarray(got["embeddings"], dtype=np.float32))
                dim = rows[0].shape[1] if rows else 0
                matrix = np.vstack(rows) if rows else np.zeros((0, dim), dtype=np.float32)
                norms = np.linalg.norm(matrix, axis=1, keepdims=True)
                self._matrix = (ids, matrix / np.where(norms == 0, 1.0, norms))
        return self._matrix


def _top_k(
    ids: list[str], matrix: np.ndarray, vector: np.ndarray, k: int
) -> list[tuple[str, float]]:
    """Exact cosine top-k; ties broken by id so the order never depends on the run."""
    if not ids:
        return []
    v = np.asarray(vector, dtype=np.float32)
    v = v / (np.linalg.norm(v) or 1.0)
    # einsum, not `@`: BLAS threads spin against the embedder's own threads on a small machine
    # (0.2 ms here, against 100 ms for `@` right after an embedding)
    sims = np.einsum("ij,j->i", matrix, v)
    k = min(k, len(ids))
    head = np.argpartition(-sims, k - 1)[:k] if k < len(ids) else np.arange(len(ids))
    order = sorted(head.tolist(), key=lambda i: (-float(sims[i]), ids[i]))
    return [(ids[i], float(sims[i])) for i in order]


def drop_collection(client, name: str) -> None:  # noqa: ANN001
    with contextlib.suppress(Exception):  # already gone is fine
        client.delete_collection(name)


def _place(chunk: Chunk) -> dict[str, str]:
    """doc, part, Pasal, ayat and item of a chunk (no None values: Chroma rejects them)."""
    fields = {"doc": chunk.doc, "part": chunk.part, "pasal": chunk.pasal, "ayat": chunk.ayat}
    fields["item"] = chunk.item
    return {k: str(v) for k, v in fields.items() if v}
