"""Wiring: build the configured components once (CLI, API lifespan, evals)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from assistant.backends.embedders import make_embedder
from assistant.config import Settings
from assistant.index_store import LoadedIndex, open_index, read_pointer
from assistant.manifest import Manifest, load_manifest
from assistant.protocols import Embedder, Reranker
from assistant.retrieve import Retriever


@dataclass
class Runtime:
    settings: Settings

    @cached_property
    def manifest(self) -> Manifest:
        return load_manifest(self.settings.manifest_path)

    @cached_property
    def embedder(self) -> Embedder:
        return make_embedder(self.settings)

    @cached_property
    def reranker(self) -> Reranker | None:
        if not self.settings.reranker:
            return None
        from assistant.backends.rerank import CrossEncoderReranker

        return CrossEncoderReranker(self.settings.reranker)

    @cached_property
    def index(self) -> LoadedIndex:
        return open_index(self.settings)

    @cached_property
    def retriever(self) -> Retriever:
        return Retriever(self.index, self.embedder, self.settings, self.reranker)

    def refresh_if_reindexed(self) -> bool:
        """Switch to a newer index generation if one was published; True when switched."""
        pointer = read_pointer(self.settings.index_dir)
        if pointer and "index" in self.__dict__ and pointer["generation"] != self.index.generation:
            new = open_index(self.settings)
            self.__dict__["index"] = new
            self.__dict__.pop("retriever", None)
            return True
        return False
