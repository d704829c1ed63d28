"""Index generations on a Chroma server, so replicas need no copy of the data dir.

With ``ASISTEN_CHROMA_URL`` set, ``asisten index`` writes, besides the generation's vector collection,
every file of the generation directory (chunks.jsonl, bm25/, info.json, artifacts/*.json, …: copied
generically, gzip + base64, split in parts) into the small collection ``asisten_meta``, and then the
generation pointer as its record ``CURRENT``. A replica reads ``CURRENT``, downloads the files of
that generation into its local cache ``<data_dir>/index/<generation>/`` once, and loads them as if
they had been built locally. The pointer is upserted last, so a replica never sees a generation
whose files are incomplete.
"""

from __future__ import annotations

import base64
import gzip
import json
import shutil
import uuid
from pathlib import Path
from typing import Any

from assistant.errors import BackendUnavailable

META = "asisten_meta"  # not "asisten-…": the indexer prunes those (old generations)
POINTER_ID = "CURRENT"
PART_CHARS = 1_000_000  # one record holds at most this much base64 text
BATCH_CHARS = 8_000_000  # one upsert request carries at most about this much
CHROMA_DOWN = (
    "Server indeks (Chroma) tidak dapat dihubungi saat ini. Coba lagi sebentar lagi; layanan "
    "pulih sendiri begitu server indeks kembali."
)
_MARK = [1.0]  # the meta collection holds no real vectors: every record gets this one


class ChromaUnavailable(BackendUnavailable):
    """The Chroma server cannot be reached (answered as 503 with an Indonesian message)."""


def _meta(client: Any) -> Any:
    return client.get_or_create_collection(META, embedding_function=None)


def _records(gen_dir: Path, generation: str) -> list[tuple[str, str, dict[str, Any]]]:
    records = []
    for path in sorted(p for p in gen_dir.rglob("*") if p.is_file()):
        rel = path.relative_to(gen_dir).as_posix()
        data = base64.b64encode(gzip.compress(path.read_bytes(), 6)).decode("ascii")
        parts = [data[i : i + PART_CHARS] for i in range(0, len(data), PART_CHARS)] or [""]
        for n, part in enumerate(parts):
            meta = {"generation": generation, "path": rel, "part": n, "parts": len(parts)}
            records.append((f"{generation}/{rel}#{n}", "b64:" + part, meta))
    return records


def upload_generation(client: Any, gen_dir: Path, generation: str) -> int:
    """Copy every file of `gen_dir` to the server; returns the number of records written."""
    col, batch, size = _meta(client), [], 0
    records = _records(gen_dir, generation)
    for record in records:
        batch.append(record)
        size += len(record[1])
        if size >= BATCH_CHARS:
            _upsert(col, batch)
            batch, size = [], 0
    if batch:
        _upsert(col, batch)
    return len(records)


def _upsert(col: Any, batch: list[tuple[str, str, dict[str, Any]]]) -> None:
    col.upsert(
        ids=[r[0] for r in batch],
        documents=[r[1] for r in batch],
        metadatas=[r[2] for r in batch],
        embeddings=[_MARK] * len(batch),
    )


def publish_pointer(client: Any, info: dict[str, Any]) -> None:
    """Switch every replica to `info["generation"]` (its files must already be uploaded)."""
    _meta(client).upsert(
        ids=[POINTER_ID],
        documents=[json.dumps(info)],
        metadatas=[{"generation": info["generation"], "pointer": True}],
        embeddings=[_MARK],
    )


def read_remote_pointer(client: Any) -> dict[str, Any] | None:
    got = _meta(client).get(ids=[POINTER_ID], include=["documents"])
    return json.loads(got["documents"][0]) if got["ids"] else None


def download_generation(client: Any, generation: str, dest: Path) -> Path:
    """The files of `generation` under `dest` (downloaded once; a finished copy is reused)."""
    done = dest / ".complete"
    if done.exists():
        return dest
    got = _meta(client).get(where={"generation": generation}, include=["documents", "metadatas"])
    files: dict[str, dict[int, str]] = {}
    for doc, meta in zip(got["documents"], got["metadatas"], strict=True):
        if meta.get("pointer"):
            continue
        files.setdefault(str(meta["path"]), {})[int(meta["part"])] = doc.removeprefix("b64:")
    if not files:
        raise ChromaUnavailable(f"Generasi indeks {generation} tidak ada di server Chroma.")
    partial = dest.with_name(f"{dest.name}.partial-{uuid.uuid4().hex[:8]}")  # per process
    for rel, parts in files.items():
        target = partial / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        data = "".join(parts[n] for n in sorted(parts))
        target.write_bytes(gzip.decompress(base64.b64decode(data)))
    (partial / ".complete").write_text(generation, encoding="utf-8")
    try:
        partial.rename(dest)
    except OSError:  # another worker finished first: its copy is the same
        shutil.rmtree(partial, ignore_errors=True)
    return dest


def forget_generations(client: Any, keep: set[str]) -> None:
    """Delete the files of every generation not in `keep` from the server."""
    col = _meta(client)
    got = col.get(include=["metadatas"])
    stale = [
        rid
        for rid, meta in zip(got["ids"], got["metadatas"], strict=True)
        if not meta.get("pointer") and meta.get("generation") not in keep
    ]
    if stale:
        col.delete(ids=stale)
