"""The on-disk index: generations of (Chroma collection + BM25 + chunk table), switched atomically.

Layout under ``<data_dir>/index``::

    CURRENT                 JSON pointer to the live generation (replaced with os.replace)
    chroma/                 PersistentClient dir (unused when ASISTEN_CHROMA_URL is set)
    gen-<stamp>/chunks.jsonl, bm25/, info.json
"""

from __future__ import annotations

import json
import os
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from assistant.backends.bm25 import BM25Index
from assistant.backends.chroma_store import ChromaStore, make_client
from assistant.config import Settings
from assistant.documents import Chunk
from assistant.errors import IndexNotFound

POINTER = "CURRENT"


def read_pointer(index_dir: Path) -> dict[str, Any] | None:
    path = index_dir / POINTER
    if not path.exists():
        return None
    return json.loads(path.read_text(encoding="utf-8"))


def write_pointer(index_dir: Path, data: dict[str, Any]) -> None:
    tmp = index_dir / f"{POINTER}.tmp"
    tmp.write_text(json.dumps(data, indent=2), encoding="utf-8")
    os.replace(tmp, index_dir / POINTER)


def load_chunks(path: Path) -> list[Chunk]:
    with path.open(encoding="utf-8") as fh:
        return [Chunk.model_validate_json(line) for line in fh if line.strip()]


@dataclass
class LoadedIndex:
    """Everything retrieval needs, loaded once."""

    generation: str
    info: dict[str, Any]
    chunks: dict[str, Chunk]
    ordered: list[Chunk]
    store: ChromaStore
    keyword: BM25Index

    def by_pasal(self, doc: str, pasal: str) -> list[Chunk]:
        return [c for c in self.ordered if c.doc == doc and c.pasal == pasal]

    def definitions(self) -> list[Chunk]:
        """Pasal 1 definitions ('angka N' items) of every document."""
        if not hasattr(self, "_definitions"):
            self._definitions = [
                c
                for c in self.ordered
                if c.pasal == "1"
                and c.part == "batang_tubuh"
                and (c.item or "").startswith("angka")
            ]
        return self._definitions

    def pasal_numbers(self, doc: str) -> list[str]:
        seen: dict[str, None] = {}
        for c in self.ordered:
            if c.doc == doc and c.pasal and c.part == "batang_tubuh":
                seen[c.pasal] = None
        return list(seen)


def open_index(settings: Settings) -> LoadedIndex:
    pointer = read_pointer(settings.index_dir)
    if pointer is None:
        raise IndexNotFound(
            f"Belum ada indeks di {settings.index_dir}. Jalankan dulu: asisten index"
        )
    gen_dir = settings.index_dir / pointer["generation"]
    ordered = load_chunks(gen_dir / "chunks.jsonl")
    client = make_client(settings.chroma_url, settings.index_dir / "chroma")
    store = ChromaStore(client, pointer["collection"], exact_max=settings.exact_search_max)
    keyword = BM25Index.load(gen_dir / "bm25")
    return LoadedIndex(
        generation=pointer["generation"],
        info=pointer,
        chunks={c.id: c for c in ordered},
        ordered=ordered,
        store=store,
        keyword=keyword,
    )


def remove_generation(index_dir: Path, generation: str) -> None:
    shutil.rmtree(index_dir / generation, ignore_errors=True)
