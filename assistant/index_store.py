"""The on-disk index: generations of (Chroma collection + BM25 + chunk table), switched atomically.

Layout under ``<data_dir>/index``::

    CURRENT                 JSON pointer to the live generation (replaced with os.replace)
    chroma/                 PersistentClient dir (unused when ASISTEN_CHROMA_URL is set)
    gen-<stamp>/chunks.jsonl, bm25/, info.json, artifacts/<name>.json
"""

from __future__ import annotations

import json
import os
import shutil
from dataclasses import dataclass, field
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


ARTIFACTS = "artifacts"


def write_artifact(gen_dir: Path, name: str, data: Any) -> None:
    """Persist one derived table of a generation (relations, catalogue, ...) as JSON."""
    folder = gen_dir / ARTIFACTS
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{name}.json").write_text(
        json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8"
    )


def read_artifacts(gen_dir: Path) -> dict[str, Any]:
    """Every artifact of a generation, by name (empty for generations built before artifacts)."""
    folder = gen_dir / ARTIFACTS
    if not folder.is_dir():
        return {}
    return {
        p.stem: json.loads(p.read_text(encoding="utf-8")) for p in sorted(folder.glob("*.json"))
    }


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
    artifacts: dict[str, Any] = field(default_factory=dict)

    def artifact(self, name: str, default: Any = None) -> Any:
        """A derived table written at index time (see ``write_artifact``)."""
        return self.artifacts.get(name, default)

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
        artifacts=read_artifacts(gen_dir),
    )


def remove_generation(index_dir: Path, generation: str) -> None:
    shutil.rmtree(index_dir / generation, ignore_errors=True)
