"""SQLite cache of passage embeddings keyed by (model, text hash): unchanged chunks are never re-embedded."""

from __future__ import annotations

import hashlib
import sqlite3
from collections.abc import Callable, Sequence
from pathlib import Path

import numpy as np

from assistant.protocols import Embedder


def text_key(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


class EmbeddingCache:
    def __init__(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self._db = sqlite3.connect(str(path))
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute(
            "CREATE TABLE IF NOT EXISTS emb (model TEXT, key TEXT, vec BLOB, PRIMARY KEY (model, key))"
        )

    def embed(
        self,
        embedder: Embedder,
        texts: Sequence[str],
        batch: int = 32,
        on_progress: Callable[[int], None] | None = None,
    ) -> tuple[np.ndarray, int]:
        """Vectors for `texts` (cached or computed); returns (vectors, number newly computed)."""
        keys = [text_key(t) for t in texts]
        found: dict[str, np.ndarray] = {}
        for start in range(0, len(keys), 500):
            part = keys[start : start + 500]
            rows = self._db.execute(
                f"SELECT key, vec FROM emb WHERE model=? AND key IN ({','.join('?' * len(part))})",
                [embedder.name, *part],
            ).fetchall()
            found.update({k: np.frombuffer(v, dtype=np.float32) for k, v in rows})
        missing = [i for i, k in enumerate(keys) if k not in found]
        # embedded shortest first, so each batch holds texts of similar length (little padding);
        # the vectors are looked up by key below, so the order of work does not matter
        missing.sort(key=lambda i: len(texts[i]))
        if on_progress and len(keys) - len(missing):
            on_progress(len(keys) - len(missing))
        for start in range(0, len(missing), batch):
            idx = missing[start : start + batch]
            vecs = embedder.embed_passages([texts[i] for i in idx])
            with self._db:
                self._db.executemany(
                    "INSERT OR REPLACE INTO emb VALUES (?, ?, ?)",
                    [
                        (embedder.name, keys[i], vecs[j].astype(np.float32).tobytes())
                        for j, i in enumerate(idx)
                    ],
                )
            for j, i in enumerate(idx):
                found[keys[i]] = vecs[j]
            if on_progress:
                on_progress(len(idx))
        if not texts:
            return np.zeros((0, embedder.dim), dtype=np.float32), 0
        return np.vstack([found[k] for k in keys]).astype(np.float32), len(missing)

    def close(self) -> None:
        self._db.close()
