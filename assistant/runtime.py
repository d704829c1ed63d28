"""Wiring: build the configured components once (CLI, API lifespan, evals)."""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass
from functools import cached_property

from assistant.backends.embedders import check_index_compatible, make_embedder
from assistant.config import Settings
from assistant.index_store import LoadedIndex, current_pointer, open_index
from assistant.manifest import Manifest, load_manifest
from assistant.protocols import Embedder, Reranker
from assistant.retrieve import Retriever

_SWITCH_LOCK = threading.Lock()
POINTER_CHECK_SECONDS = 1.0  # replicas look for a new generation on the Chroma server this often


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
        check_index_compatible(self.index.info, self.embedder)
        return Retriever(self.index, self.embedder, self.settings, self.reranker)

    def refresh_if_reindexed(self) -> bool:
        """Switch to a newer index generation if one was published; True when switched. Thread-safe:
        requests in flight keep the index object they started with. On a Chroma server the pointer
        is read at most every POINTER_CHECK_SECONDS."""
        if self.settings.chroma_url:
            now = time.monotonic()
            if now - self.__dict__.get("_pointer_checked", float("-inf")) < POINTER_CHECK_SECONDS:
                return False
            self.__dict__["_pointer_checked"] = now
        pointer = current_pointer(self.settings)
        if (
            not pointer
            or "index" not in self.__dict__
            or pointer["generation"] == self.index.generation
        ):
            return False
        with _SWITCH_LOCK:
            if pointer["generation"] == self.index.generation:
                return False
            new = open_index(self.settings)
            check_index_compatible(new.info, self.embedder)
            self.__dict__["retriever"] = Retriever(new, self.embedder, self.settings, self.reranker)
            self.__dict__["index"] = new
            return True
