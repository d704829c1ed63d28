"""Ours vs a stock LangChain RAG retriever, on the same corpus, dev set and embedding model, in one run.

    python benchmarks/langchain_peer.py [--dataset evals/datasets/dev.jsonl] [--k 40]

The peer is what a user writes from the LangChain docs: every corpus file read as-is (our
``indexer.read.read_document``, no cleaning, no structure), ``RecursiveCharacterTextSplitter(
chunk_size=1000, chunk_overlap=200, add_start_index=True)``, ``Chroma.from_documents`` with the same
e5 model (a small ``Embeddings`` adapter around our embedder), then ``similarity_search(question, k)``.

Mapping a peer chunk to a (doc, Pasal) for scoring: the last Pasal heading (a line that is only
"Pasal N", tolerating OCR forms like "Pasal 1O." or "Pasal l1") at or before the chunk's start offset in
the raw text of its file; material without headings maps to (doc, None), like our material chunks.
Headings of the Penjelasan map to the same Pasal, as our Penjelasan chunks do. A second, generous
mapping also credits every Pasal whose heading lies inside the chunk. Both sides fetch a deep list
(k=40 peer chunks; our fused candidates), de-duplicate by (doc, Pasal) and score recall@5 / MRR@10.
"""

from __future__ import annotations

import argparse
import bisect
import re
import tempfile
import time
from pathlib import Path

from langchain_core.embeddings import Embeddings

from assistant.config import Settings
from assistant.manifest import load_manifest
from assistant.protocols import Embedder
from assistant.runtime import Runtime
from evals.dataset import DEFAULT_DATASET, Key, load_dataset
from evals.retrieval import markdown_table, retriever_search, score_search
from indexer.pipeline import discover
from indexer.read import read_document

HEADING = re.compile(r"(?m)^[ \t]*Pasal[ \t]+([0-9OIl]{1,3}[A-Z]?)[ \t.,:;]*$")


class OurEmbeddings(Embeddings):
    """LangChain Embeddings around our embedder (same model, same query/passage prefixes)."""

    def __init__(self, embedder: Embedder) -> None:
        self.embedder = embedder

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        return self.embedder.embed_passages(texts).tolist()

    def embed_query(self, text: str) -> list[float]:
        return self.embedder.embed_query(text).tolist()


def _pasal(token: str) -> str | None:
    if not any(ch.isdigit() for ch in token):
        return None  # "Pasal I" (amending articles) is not a numbered Pasal
    fixed = token.replace("O", "0").replace("l", "1").replace("I", "1")
    return fixed.lstrip("0") or None


def headings(text: str) -> tuple[list[int], list[str | None]]:
    """Offsets and Pasal numbers of every heading line, in order."""
    offsets, numbers = [], []
    for m in HEADING.finditer(text):
        offsets.append(m.start())
        numbers.append(_pasal(m.group(1)))
    return offsets, numbers


def chunk_keys(
    doc: str, start: int, length: int, heads: tuple[list[int], list[str | None]]
) -> dict:
    offsets, numbers = heads
    i = bisect.bisect_right(offsets, start) - 1
    strict: Key = (doc, numbers[i] if i >= 0 else None)
    end = bisect.bisect_left(offsets, start + length)
    inside = [(doc, numbers[j]) for j in range(i + 1, end) if numbers[j]]
    return {"key": strict, "generous": [strict, *inside]}


def build_peer(settings: Settings, embeddings: OurEmbeddings, persist: str):  # noqa: ANN201
    from langchain_chroma import Chroma
    from langchain_text_splitters import RecursiveCharacterTextSplitter

    splitter = RecursiveCharacterTextSplitter(
        chunk_size=1000, chunk_overlap=200, add_start_index=True
    )
    documents = []
    for src in discover(settings, load_manifest(settings.manifest_path)).files:
        text = read_document(src.path)
        heads = headings(text)
        for d in splitter.create_documents([text], metadatas=[{"source": str(src.path)}]):
            keys = chunk_keys(src.doc.id, d.metadata["start_index"], len(d.page_content), heads)
            d.metadata.update(doc=src.doc.id, pasal=keys["key"][1] or "")
            d.metadata["generous"] = "|".join(p or "" for _, p in keys["generous"])
            documents.append(d)
    t0 = time.perf_counter()
    store = Chroma.from_documents(
        documents, embedding=embeddings, collection_name="peer", persist_directory=persist
    )
    return store, len(documents), time.perf_counter() - t0


def peer_search(store, k: int, generous: bool):  # noqa: ANN001, ANN201
    def search(question: str) -> list[Key]:
        keys: list[Key] = []
        for d in store.similarity_search(question, k=k):
            doc = d.metadata["doc"]
            if generous:
                keys += [(doc, p or None) for p in d.metadata["generous"].split("|")]
            else:
                keys.append((doc, d.metadata["pasal"] or None))
        return keys

    return search


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--dataset", type=Path, default=DEFAULT_DATASET)
    parser.add_argument("--k", type=int, default=40, help="peer chunks fetched per question")
    args = parser.parse_args()
    settings = Settings()
    items = load_dataset(args.dataset)
    rt = Runtime(settings)
    with tempfile.TemporaryDirectory(prefix="asisten-peer-") as tmp:
        store, n_chunks, seconds = build_peer(settings, OurEmbeddings(rt.embedder), tmp)
        ours = score_search("ours: hybrid", retriever_search(rt.retriever, "hybrid"), items)
        dense = score_search("ours: dense only", retriever_search(rt.retriever, "dense"), items)
        peer = score_search("LangChain peer", peer_search(store, args.k, False), items)
        generous = score_search(
            "LangChain peer (generous map)", peer_search(store, args.k, True), items
        )
    rows = [s.row() for s in (ours, dense, peer, generous)]
    print(
        f"Peer: {n_chunks} chunks of <=1000 chars (overlap 200), indexed in {seconds:.0f} s; ours: "
        f"{len(rt.index.chunks)} structure chunks; dev items: {len(ours.ranks)} answerable\n"
    )
    print(markdown_table(rows))
    base = rows[0]
    for row in rows[2:]:
        ratio = {m: (base[m] / row[m] if row[m] else None) for m in ("recall@5", "MRR")}
        print(
            f"\nours/peer vs {row['mode']}: recall@5 {_x(ratio['recall@5'])}, MRR {_x(ratio['MRR'])}"
        )


def _x(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.2f}x"


if __name__ == "__main__":
    main()
