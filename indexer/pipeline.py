"""Index the corpus: discover files, read, clean, split, embed, store; switch generations atomically."""

from __future__ import annotations

import fcntl
import json
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from assistant.backends.bm25 import BM25Index
from assistant.backends.chroma_store import ChromaStore, drop_collection, make_client
from assistant.config import Settings
from assistant.documents import Chunk, DocInfo
from assistant.errors import AsistenError, ReadError
from assistant.hashing import file_sha256
from assistant.index_store import (
    publish_generation,
    read_pointer,
    remove_generation,
    write_artifact,
)
from assistant.manifest import SUPPORTED_SUFFIXES, Manifest, load_manifest, unlisted_doc
from assistant.protocols import Embedder
from assistant.text import tokenizer_version
from indexer.amendments import is_amendment, split_amendment
from indexer.catalogue import build_catalogue
from indexer.clean import clean_text
from indexer.consolidate import apply_amendments
from indexer.correspondence import build_correspondence
from indexer.embed_cache import EmbeddingCache
from indexer.ocr_chunks import repair_chunks
from indexer.read import read_document
from indexer.relations import extract_relations, mark_provisions, relations_artifact
from indexer.split import SplitResult, split_markdown, split_plain, split_regulation
from indexer.structure import missing_pasal_numbers

# Texts per embedder call: the embedder sorts each call's texts by token length into batches of
# similar length, so larger calls pad less (32 texts per call embedded ~5 % slower). Embedding is
# not overlapped with reading and repairing: the embedder keeps every core busy, and on the 2-core
# machine a background embedding thread beside the pipeline's Python slowed the embedding by more
# than the time it hid (benchmarks/index.py: 1.16x the raw embedding time, against 1.05x here).
EMBED_CALL = 256


@dataclass
class SourceFile:
    doc: DocInfo
    path: Path
    sha256: str


@dataclass
class Skipped:
    path: str
    reason: str


@dataclass
class DocReport:
    doc: str
    file: str
    chunks: int
    changed: bool
    structured: bool
    warnings: list[str] = field(default_factory=list)


@dataclass
class Discovery:
    files: list[SourceFile]
    skipped: list[Skipped]
    unlisted: list[str]


@dataclass
class IndexReport:
    documents: list[DocReport]
    skipped: list[Skipped]
    chunks: int
    embedded: int
    seconds: float
    embed_seconds: float
    generation: str
    missing: list[str]

    @property
    def partial(self) -> bool:
        return bool(self.skipped)


def discover(settings: Settings, manifest: Manifest) -> Discovery:
    """Which file to index for each document; everything else is reported with a reason."""
    candidates: dict[str, list[tuple[int, int, Path]]] = {}
    skipped: list[Skipped] = []
    unlisted: list[str] = []
    for dir_rank, root in enumerate(settings.all_corpus_dirs()):
        if not root.is_dir():
            continue
        for path in sorted(p for p in root.rglob("*") if p.is_file()):
            rel = path.relative_to(root).as_posix()
            if rel.startswith(".") or "/." in rel or manifest.is_ignored(rel):
                continue
            if path.suffix.lower() not in SUPPORTED_SUFFIXES:
                skipped.append(
                    Skipped(
                        str(path), f"jenis file {path.suffix or '(tanpa ekstensi)'} tidak didukung"
                    )
                )
                continue
            match = manifest.match(path.name)
            if match is None:
                doc = unlisted_doc(path)
                unlisted.append(str(path))
                candidates.setdefault(doc.id, []).append((0, dir_rank, path))
                manifest.documents.setdefault(doc.id, doc)
                continue
            doc, rank = match
            candidates.setdefault(doc.id, []).append((rank, dir_rank, path))
    files: list[SourceFile] = []
    seen_hashes: dict[str, str] = {}
    for doc_id, options in candidates.items():
        options.sort()
        chosen = options[0][2]
        for _, _, other in options[1:]:
            skipped.append(
                Skipped(str(other), f"duplikat: {doc_id} sudah diambil dari {chosen.name}")
            )
        digest = file_sha256(chosen)
        if digest in seen_hashes:
            skipped.append(
                Skipped(str(chosen), f"isi sama persis dengan dokumen {seen_hashes[digest]}")
            )
            continue
        seen_hashes[digest] = doc_id
        files.append(SourceFile(manifest.documents[doc_id], chosen, digest))
    return Discovery(files, skipped, unlisted)


def split_document(doc: DocInfo, text: str, source_file: str, suffix: str) -> SplitResult:
    if doc.type == "materi" or (not doc.is_regulation and suffix in (".md", ".markdown")):
        return split_markdown(text, doc, source_file)
    if doc.is_regulation:
        text = clean_text(text)
        if is_amendment(text):  # "Perubahan atas ...": Pasal I changes (indexer/amendments.py)
            return split_amendment(text, doc, source_file)
        return split_regulation(text, doc, source_file)
    return split_plain(text, doc, source_file)


@contextmanager
def index_lock(index_dir: Path) -> Iterator[None]:
    index_dir.mkdir(parents=True, exist_ok=True)
    with (index_dir / "LOCK").open("w") as fh:
        try:
            fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError as exc:
            raise AsistenError("Pengindeksan lain sedang berjalan (data dir terkunci)") from exc
        yield


ProgressFn = Callable[[str, int, int], None]


def build_index(
    settings: Settings,
    embedder: Embedder,
    progress: ProgressFn | None = None,
    manifest: Manifest | None = None,
) -> IndexReport:
    """Build a new generation and switch to it; the previous one stays usable until the switch."""
    started = time.perf_counter()
    manifest = manifest or load_manifest(settings.manifest_path)
    index_dir = settings.index_dir
    with index_lock(index_dir):
        found = discover(settings, manifest)
        previous = read_pointer(index_dir) or {}
        prev_hashes: dict[str, str] = previous.get("files", {})
        skipped = list(found.skipped)
        reports: list[DocReport] = []
        results: dict[str, SplitResult] = {}
        for src in found.files:
            try:
                text = read_document(src.path, max_bytes=settings.max_file_mb * 1024 * 1024)
                result = split_document(src.doc, text, src.path.name, src.path.suffix.lower())
                result.chunks = repair_chunks(result.chunks)  # OCR words, scrambled flags
            except ReadError as exc:
                skipped.append(Skipped(str(src.path), str(exc)))
                continue
            if not result.chunks:
                skipped.append(Skipped(str(src.path), "tidak menghasilkan potongan teks"))
                continue
            warnings = list(result.warnings)
            if not src.doc.in_manifest:
                warnings.append("tidak tercantum di manifest: diindeks sebagai teks biasa")
            reports.append(
                DocReport(
                    src.doc.id,
                    str(src.path),
                    len(result.chunks),
                    prev_hashes.get(src.doc.id) != src.sha256,
                    result.structured,
                    warnings,
                )
            )
            results[src.doc.id] = result
        # the law in force: consolidated texts of amended regulations (indexer/consolidate.py)
        law_warnings = apply_amendments(results, manifest)
        for report in reports:
            report.warnings += law_warnings.get(report.doc, [])
            report.chunks = len(results[report.doc].chunks)
        all_chunks: list[Chunk] = [c for r in results.values() for c in r.chunks]
        # revocations, amendments, provisions kept in force (indexer/relations.py)
        relations = extract_relations(all_chunks, manifest)
        all_chunks = mark_provisions(all_chunks, relations)

        stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M%S-%f")
        generation = f"gen-{stamp}"
        gen_dir = index_dir / generation
        gen_dir.mkdir(parents=True)
        searchable = [c for c in all_chunks if c.searchable]
        cache = EmbeddingCache(settings.data_dir / "cache" / "embeddings.sqlite")
        t_embed = time.perf_counter()
        done = 0

        def tick(n: int) -> None:
            nonlocal done
            done += n
            if progress:
                progress("embed", done, len(searchable))

        vectors, embedded = cache.embed(
            embedder, [c.embed_text for c in searchable], batch=EMBED_CALL, on_progress=tick
        )
        cache.close()
        embed_seconds = time.perf_counter() - t_embed
        client = make_client(settings.chroma_url, index_dir / "chroma")
        collection = f"asisten-{stamp}"
        store = ChromaStore(client, collection, create=True)
        store.add(searchable, vectors)
        BM25Index.build([c.id for c in searchable], [c.embed_text for c in searchable]).save(
            gen_dir / "bm25"
        )
        with (gen_dir / "chunks.jsonl").open("w", encoding="utf-8") as fh:
            for chunk in all_chunks:
                fh.write(chunk.model_dump_json() + "\n")
        present = {r.doc for r in reports}
        write_artifact(
            gen_dir, "catalogue", build_catalogue(all_chunks, manifest.documents, present)
        )
        by_id = {c.id: v for c, v in zip(searchable, vectors, strict=True)}
        write_artifact(
            gen_dir,
            "correspondence",
            build_correspondence(all_chunks, manifest.documents, present, by_id),
        )
        write_artifact(gen_dir, "relations", relations_artifact(relations, manifest, present))
        write_artifact(gen_dir, "pasal_gaps", missing_pasal_numbers(all_chunks))
        missing = [
            d.id for d in manifest.documents.values() if d.in_manifest and d.id not in present
        ]
        info = {
            "generation": generation,
            "collection": collection,
            "created": datetime.now(UTC).isoformat(),
            "embedder": embedder.name,
            "vector_space": getattr(embedder, "space", embedder.name),
            "tokenizer": tokenizer_version(),
            "dim": embedder.dim,
            "chunks": len(all_chunks),
            "searchable": len(searchable),
            "files": {s.doc.id: s.sha256 for s in found.files if s.doc.id in present},
            "documents": {
                r.doc: {"file": r.file, "chunks": r.chunks, "warnings": r.warnings} for r in reports
            },
            "skipped": [{"path": s.path, "reason": s.reason} for s in skipped],
            "missing": missing,
        }
        (gen_dir / "info.json").write_text(json.dumps(info, indent=2), encoding="utf-8")
        # the switch: readers (and, on a Chroma server, every replica) see the new generation from here
        publish_generation(settings, client, gen_dir, info)
        _prune(
            index_dir,
            client,
            keep={generation, previous.get("generation", "")},
            keep_collections={collection, previous.get("collection", "")},
        )
    return IndexReport(
        reports,
        skipped,
        len(all_chunks),
        embedded,
        time.perf_counter() - started,
        embed_seconds,
        generation,
        missing,
    )


def _prune(index_dir: Path, client, keep: set[str], keep_collections: set[str]) -> None:  # noqa: ANN001
    """Remove generations older than the previous one (and half-built ones from a crash)."""
    for path in index_dir.glob("gen-*"):
        if path.name not in keep:
            remove_generation(index_dir, path.name)
    try:
        names = [c if isinstance(c, str) else c.name for c in client.list_collections()]
    except Exception:  # noqa: BLE001
        return
    for name in names:
        if name.startswith("asisten-") and name not in keep_collections:
            drop_collection(client, name)
