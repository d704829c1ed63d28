"""OCR repair at chunk level: repaired words and dropped stray ayat markers, with the OCR text kept in
``Chunk.original_text``; scrambled passages flagged in ``Chunk.quality``."""

from __future__ import annotations

from collections.abc import Sequence

from assistant.documents import Chunk, Part
from indexer.ocr_ayat import restore_lost_ayat
from indexer.ocr_fragments import reinsert_fragments
from indexer.ocr_quality import drop_marker_runs, flag_scrambled
from indexer.ocr_repair import Repairer


def repair_chunk(chunk: Chunk, repairer: Repairer) -> Chunk:
    """The chunk with its text repaired (``original_text`` set only when something changed)."""
    if chunk.part == Part.MATERI:
        return chunk
    text, _ = repairer.repair_text(drop_marker_runs(chunk.text))
    heading, _ = repairer.repair_text(chunk.heading)
    if text == chunk.text and heading == chunk.heading:
        return chunk
    update: dict[str, str | None] = {"text": text, "heading": heading}
    if text != chunk.text:
        update["original_text"] = chunk.original_text or chunk.text
    return chunk.model_copy(update=update)


def _unique_ids(chunks: list[Chunk]) -> list[Chunk]:
    seen: set[str] = set()
    out = []
    for chunk in chunks:
        cid, n = chunk.id, 2
        while cid in seen:
            cid, n = f"{chunk.id}-{n}", n + 1
        seen.add(cid)
        out.append(chunk if cid == chunk.id else chunk.model_copy(update={"id": cid}))
    return out


def repair_chunks(chunks: Sequence[Chunk], repairer: Repairer | None = None) -> list[Chunk]:
    """Flag scrambled passages (on the text as read), give a Pasal that lost its ayat markers its
    ayat back, repair the words of every regulation chunk, then put words OCR carried out of their
    sentence back (ocr_fragments)."""
    repairer = repairer or Repairer()
    restored = _unique_ids(restore_lost_ayat(flag_scrambled(chunks)))
    return reinsert_fragments([repair_chunk(c, repairer) for c in restored])
