"""Citations: numbering passed sources, and checking an LLM answer's [n] markers after generation."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from assistant.documents import Citation, Passage
from assistant.manifest import Manifest, status_note

_MARK_RE = re.compile(r"\[(\d{1,2})\]")
_PASAL_MENTION_RE = re.compile(r"\bPasal\s+(\d{1,3}[A-Z]?)\b")
_SENTENCE_RE = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"“(\-•*])|\n+")


def make_citations(passages: list[Passage], manifest: Manifest) -> list[Citation]:
    out = []
    for n, p in enumerate(passages, 1):
        c = p.chunk
        doc = manifest.get(c.doc)
        out.append(
            Citation(
                n=n,
                id=c.id,
                doc=c.doc,
                doc_short=c.doc_short,
                doc_title=c.doc_title,
                doc_status=c.doc_status,
                pasal=c.pasal,
                ayat=c.ayat,
                part=c.part,
                label=c.label,
                text=c.text,
                source_url=doc.source_url if doc else None,
                note=status_note(doc, manifest) if doc else None,
                quality=c.quality,
                repaired=c.original_text is not None,
            )
        )
    return out


@dataclass
class CheckResult:
    text: str
    used: list[int]
    removed: list[str] = field(default_factory=list)
    uncited: list[str] = field(default_factory=list)

    @property
    def clean(self) -> bool:
        return not self.removed and not self.uncited


def check_answer(
    text: str, citations: list[Citation], known_pasal: dict[str, set[str]]
) -> CheckResult:
    """Keep only sentences whose [n] refer to passed sources and whose Pasal mentions exist.

    A sentence citing a source that was not passed, or naming a Pasal that does not exist in the cited
    document, is removed. Sentences without any marker are reported as uncited (kept only if they are
    the refusal sentence or a short connective).
    """
    valid = {c.n: c for c in citations}
    kept: list[str] = []
    removed: list[str] = []
    uncited: list[str] = []
    used: list[int] = []
    for sentence in (s.strip() for s in _SENTENCE_RE.split(text.strip())):
        if not sentence:
            continue
        marks = [int(m) for m in _MARK_RE.findall(sentence)]
        if not marks:
            if sentence.lower().startswith("maaf") or len(sentence) < 40 or sentence.endswith(":"):
                kept.append(sentence)
            else:
                uncited.append(sentence)
            continue
        if any(m not in valid for m in marks):
            removed.append(sentence)
            continue
        docs = {valid[m].doc for m in marks}
        bad_pasal = [
            p
            for p in _PASAL_MENTION_RE.findall(sentence)
            if docs and all(p not in known_pasal.get(d, set()) for d in docs)
        ]
        if bad_pasal:
            removed.append(sentence)
            continue
        kept.append(sentence)
        used.extend(m for m in marks if m not in used)
    return CheckResult(" ".join(kept).strip(), used, removed, uncited)
