"""Ayat of a Pasal whose marker column was lost in OCR (PP 11/2017 Pasal 316, 320): the Pasal was
cut into numbered pieces ("Pasal 320 1", "Pasal 320 2"). When the passage is flagged scrambled and
reads as one full sentence per ayat, each sentence becomes "Pasal 320 ayat (k)" (the flag stays, so
answers still say to check the official text). Other pieces of long Pasal are labelled "bagian k"."""

from __future__ import annotations

import re
from collections.abc import Sequence
from itertools import groupby

from assistant.documents import Chunk, Part
from indexer.ocr_quality import LOST_MARKER_REASONS, drop_marker_runs

MIN_SENTENCE = 40  # shorter "sentences" are catchwords or shards ("Hak.") and join the next one
_SENTENCE_END = re.compile(r"(?<=[.])\s+(?=[A-Z])")
_LEADING_SHARDS = re.compile(r"^(?:(?:\(?[0-9lIts]{1,2}[)\]]|\([0-9lIts]{1,2})\s+)+")
_LIST_ITEM = re.compile(r"(?:^|\s)(?:[a-z]|\d{1,2})\.\s")


def _sentences(text: str) -> list[str]:
    out: list[str] = []
    carry = ""
    for piece in _SENTENCE_END.split(drop_marker_runs(text)):
        piece = _LEADING_SHARDS.sub("", piece.strip())
        if len(piece) < MIN_SENTENCE and re.fullmatch(r"\S+\.", piece):
            continue  # a catchword left at a page break ("Hak.")
        piece = f"{carry} {piece}".strip()
        if len(piece) < MIN_SENTENCE:
            carry = piece
            continue
        out.append(piece)
        carry = ""
    if carry and out:
        out[-1] = f"{out[-1]} {carry}"
    return out


def _is_piece(chunk: Chunk) -> bool:
    return (
        chunk.part == Part.BATANG_TUBUH
        and chunk.pasal is not None
        and chunk.ayat is None
        and (chunk.item is None or chunk.item.isdigit())
    )


def _as_ayat(group: list[Chunk]) -> list[Chunk] | None:
    """One chunk per sentence, numbered as ayat; None when the group does not read that way."""
    if not any((c.quality or "").endswith(LOST_MARKER_REASONS) for c in group):
        return None
    text = " ".join(c.text for c in group)
    sentences = _sentences(text)
    if len(sentences) < 2 or _LIST_ITEM.search(text):
        return None
    first = group[0]
    quality = next(c.quality for c in group if c.quality)
    trail = first.heading.rsplit(" › ", 1)[0]
    base = f"{first.doc}/pasal-{first.pasal.lower()}"  # type: ignore[union-attr]
    return [
        first.model_copy(
            update={
                "id": f"{base}/ayat-{k}",
                "ayat": str(k),
                "item": None,
                "text": f"({k}) {sentence}",
                "heading": f"{trail} › Pasal {first.pasal} ayat ({k})",
                "quality": quality,
                "original_text": None,
            }
        )
        for k, sentence in enumerate(sentences, start=1)
    ]


def _as_parts(group: list[Chunk]) -> list[Chunk]:
    """Pieces of a long Pasal keep their text; their label says "bagian k", not a bare number."""
    return [
        c.model_copy(update={"item": f"bagian {c.item}"}) if c.item and c.item.isdigit() else c
        for c in group
    ]


def restore_lost_ayat(chunks: Sequence[Chunk]) -> list[Chunk]:
    """Chunks with lost-marker Pasal re-split into ayat; order renumbered per document."""
    out: list[Chunk] = []
    for (_doc, pasal, piece), run in groupby(chunks, key=lambda c: (c.doc, c.pasal, _is_piece(c))):
        group = list(run)
        if not piece or pasal is None:
            out += group
            continue
        out += _as_ayat(group) or _as_parts(group)
    seen: dict[str, int] = {}
    renumbered = []
    for chunk in out:
        order = seen.get(chunk.doc, 0)
        seen[chunk.doc] = order + 1
        renumbered.append(
            chunk if chunk.order == order else chunk.model_copy(update={"order": order})
        )
    return renumbered
