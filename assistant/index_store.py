"""The on-disk index: generations of (Chroma collection + BM25 + chunk table), switched atomically.

Layout under ``<data_dir>/index``::

    CURRENT                 JSON pointer to the live generation (replaced with os.replace)
    chroma/                 PersistentClient dir (unused when ASISTEN_CHROMA_URL is set)
    gen-<stamp>/chunks.jsonl, bm25/, info.json, artifacts/<name>.json
    remote/gen-<stamp>/     with ASISTEN_CHROMA_URL: a replica's cache of a generation downloaded
                            from the Chroma server, where the pointer lives (assistant/index_remote.py)
"""

from __future__ import annotations

import json
import os
import shutil
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from assistant import index_remote
from assistant.backends.bm25 import BM25Index
from assistant.backends.chroma_store import ChromaStore, make_client
from assistant.config import Settings
from assistant.documents import Chunk
from assistant.errors import IndexNotFound
from assistant.index_remote import CHROMA_DOWN, ChromaUnavailable
from assistant.text import defined_abbreviations

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

    def by_document(self, doc: str) -> list[Chunk]:
        """One document's chunks in reading order (grouped once, not scanned per question)."""
        if not hasattr(self, "_by_document"):
            grouped: dict[str, list[Chunk]] = {}
            for c in self.ordered:
                grouped.setdefault(c.doc, []).append(c)
            self._by_document = grouped
        return list(self._by_document.get(doc, []))

    def by_pasal(self, doc: str, pasal: str) -> list[Chunk]:
        if not hasattr(self, "_by_pasal"):
            grouped: dict[tuple[str, str | None], list[Chunk]] = {}
            for c in self.ordered:
                grouped.setdefault((c.doc, c.pasal), []).append(c)
            self._by_pasal = grouped
        return list(self._by_pasal.get((doc, pasal), []))

    def definitions(self) -> list[Chunk]:
        """Pasal 1 definitions ('angka N' items) of every document."""
        if not hasattr(self, "_definitions"):
            self._definitions = [
                c
                for c in self.ordered
                if c.in_general_provisions and (c.item or "").startswith("angka")
            ]
        return self._definitions

    def defined_abbreviations(self) -> dict[str, str]:
        """The abbreviations the texts define ("Komisi ASN yang selanjutnya disingkat KASN"):
        lower-case abbreviation -> long form (``text.defined_abbreviations``), read once."""
        if not hasattr(self, "_abbreviations"):
            self._abbreviations = defined_abbreviations(
                c.text for c in self.ordered if "disingkat" in c.text
            )
        return self._abbreviations

    def pasal_numbers(self, doc: str) -> list[str]:
        seen: dict[str, None] = {}
        for c in self.by_document(doc):
            if c.pasal and c.part == "batang_tubuh":
                seen[c.pasal] = None
        return list(seen)


def remote_client(settings: Settings):  # noqa: ANN201 - chromadb.ClientAPI
    """The Chroma server's client; ChromaUnavailable (503) when it cannot be reached."""
    try:
        return make_client(settings.chroma_url, settings.index_dir / "chroma")
    except Exception as exc:  # noqa: BLE001 - chromadb raises ValueError/httpx errors when down
        raise ChromaUnavailable(CHROMA_DOWN) from exc


def on_server(settings: Settings, action, *args):  # noqa: ANN001, ANN201
    """Run `action(client, *args)` against the Chroma server; a lost server is ChromaUnavailable."""
    client = remote_client(settings)
    try:
        return action(client, *args)
    except (ChromaUnavailable, IndexNotFound):
        raise
    except Exception as exc:  # noqa: BLE001
        raise ChromaUnavailable(CHROMA_DOWN) from exc


def current_pointer(settings: Settings) -> dict[str, Any] | None:
    """The live generation's pointer: on the Chroma server when one is set, else the local file."""
    if settings.chroma_url:
        return on_server(settings, index_remote.read_remote_pointer)
    return read_pointer(settings.index_dir)


def publish_generation(
    settings: Settings,
    client,
    gen_dir: Path,
    info: dict[str, Any],  # noqa: ANN001
) -> None:
    """Make `gen_dir` the live generation: locally, and on the Chroma server for every replica."""
    if settings.chroma_url:
        previous = index_remote.read_remote_pointer(client) or {}
        index_remote.upload_generation(client, gen_dir, info["generation"])
        index_remote.publish_pointer(client, info)  # the switch for every replica
        index_remote.forget_generations(
            client, keep={info["generation"], previous.get("generation", "")}
        )
    write_pointer(settings.index_dir, info)


def _generation_dir(settings: Settings, pointer: dict[str, Any]) -> Path:
    if not settings.chroma_url:
        return settings.index_dir / pointer["generation"]
    dest = settings.index_dir / "remote" / pointer["generation"]
    return on_server(settings, index_remote.download_generation, pointer["generation"], dest)


def open_index(settings: Settings) -> LoadedIndex:
    pointer = current_pointer(settings)
    if pointer is None:
        where = settings.chroma_url or settings.index_dir
        raise IndexNotFound(f"Belum ada indeks di {where}. Jalankan dulu: asisten index")
    gen_dir = _generation_dir(settings, pointer)
    ordered = load_chunks(gen_dir / "chunks.jsonl")
    if settings.chroma_url:
        store = on_server(settings, _remote_store, pointer, settings.exact_search_max)
    else:
        client = make_client(None, settings.index_dir / "chroma")
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


def _remote_store(client, pointer: dict[str, Any], exact_max: int) -> ChromaStore:  # noqa: ANN001
    """The generation's collection, its vectors loaded now (exact search) while the server is up."""
    import numpy as np

    store = ChromaStore(client, pointer["collection"], exact_max=exact_max)
    store.query(np.zeros(int(pointer.get("dim") or 1), dtype=np.float32), 1)
    return store
