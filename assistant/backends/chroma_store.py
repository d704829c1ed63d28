"""Chroma vector store: PersistentClient under the data dir, or HttpClient to a Chroma server."""

from __future__ import annotations

import contextlib
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
    """One Chroma collection per index generation; we always pass our own embeddings."""

    def __init__(self, client, collection_name: str, create: bool = False) -> None:  # noqa: ANN001
        self._client = client
        self.name = collection_name
        if create:
            self._col = client.get_or_create_collection(
                collection_name,
                embedding_function=None,
                configuration={"hnsw": {"space": "cosine"}},
            )
        else:
            self._col = client.get_collection(collection_name, embedding_function=None)

    def add(self, chunks: Sequence[Chunk], vectors: np.ndarray) -> None:
        for start in range(0, len(chunks), _BATCH):
            part = chunks[start : start + _BATCH]
            self._col.upsert(
                ids=[c.id for c in part],
                embeddings=vectors[start : start + len(part)].tolist(),
                documents=[c.text for c in part],
                metadatas=[c.metadata() for c in part],
            )

    def query(self, vector: np.ndarray, k: int) -> list[tuple[str, float]]:
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

    def count(self) -> int:
        return int(self._col.count())


def drop_collection(client, name: str) -> None:  # noqa: ANN001
    with contextlib.suppress(Exception):  # already gone is fine
        client.delete_collection(name)
