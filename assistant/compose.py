"""The offline extractive composer: the answer is built from the most relevant ayat, quoted and cited."""

from __future__ import annotations

import re

from assistant.documents import Passage

MAX_QUOTE = 700


def trim(text: str, limit: int = MAX_QUOTE) -> str:
    """Shorten a provision at a list item or sentence boundary, never mid-word."""
    text = text.strip()
    if len(text) <= limit:
        return text
    cut = text[:limit]
    for sep in ("\n", "; ", ". "):
        pos = cut.rfind(sep)
        if pos > limit * 0.5:
            return cut[: pos + 1].rstrip() + " …"
    return cut[: cut.rfind(" ")].rstrip() + " …"


def select(passages: list[Passage], max_sources: int = 3, ratio: float = 0.6) -> list[Passage]:
    """The top passage plus close runners-up from other provisions."""
    if not passages:
        return []
    chosen = [passages[0]]
    top = passages[0].score or 1e-9
    for p in passages[1:]:
        if len(chosen) >= max_sources:
            break
        if p.score < top * ratio:
            break
        if any(p.chunk.id == c.chunk.id for c in chosen):
            continue
        chosen.append(p)
    return chosen


def _frame(p: Passage, n: int, first: bool, english: bool) -> str:
    c = p.chunk
    quote = trim(c.text)
    quote = re.sub(r"\s*\n\s*", " ", quote) if len(quote) < 200 else quote
    if english:
        lead = "According to" if first else "In addition,"
        return f'{lead} {c.label}: "{quote}" [{n}]'
    if first:
        return f'Menurut {c.label}: "{quote}" [{n}]'
    verb = "menjelaskan" if c.part in ("penjelasan", "materi") else "mengatur"
    return f'Selain itu, {c.label} {verb}: "{quote}" [{n}]'


def compose_extractive(passages: list[Passage], english: bool = False) -> str:
    """Quote each chosen passage with its label and marker [n], in order."""
    parts = [_frame(p, n, n == 1, english) for n, p in enumerate(passages, 1)]
    return "\n\n".join(parts)


def format_sources(passages: list[Passage]) -> str:
    """Numbered sources for an LLM prompt; the text is fenced so that it reads as data."""
    blocks = []
    for n, p in enumerate(passages, 1):
        c = p.chunk
        status = "" if c.doc_status == "berlaku" else f" (status: {c.doc_status.value})"
        blocks.append(f"[{n}] {c.label}{status}\n<<<\n{c.text}\n>>>")
    return "\n\n".join(blocks)
