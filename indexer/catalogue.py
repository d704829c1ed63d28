"""The regulatory landscape the corpus itself describes: every instrument it names, and every
provision that delegates detail to another instrument ("ketentuan lebih lanjut … diatur dengan …").

Extracted from the chunk texts with OCR-tolerant patterns (no hand list). Written at index time as
the ``catalogue`` artifact; read at query time by ``assistant.landscape``.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass

from assistant.documents import Chunk, DocInfo, Part
from indexer.delegations import Delegation, find_delegations
from indexer.instruments import Instrument, Mention, find_mentions, menteri_field

MENTIONS_CAP = 25  # chunk ids kept per catalogue entry (the count is kept in full)
_REVOKES = re.compile(r"dicabut\s+dan\s+dinyatakan\s+tidak\s+berlaku", re.IGNORECASE)
# kinds whose unnumbered mention names one regulatory instrument family worth cataloguing
_GENERIC_KINDS = ("perbkn", "perlan", "perkasn", "perlembaga", "permen")


def _doc_kind(doc: DocInfo) -> str:
    return doc.type.lower()


def _lookup(inst: Instrument, documents: dict[str, DocInfo]) -> DocInfo | None:
    if not (inst.number and inst.year):
        return None
    for doc in documents.values():
        if _doc_kind(doc) == inst.kind and doc.number == inst.number and doc.year == inst.year:
            return doc
    return None


def _best_title(titles: Counter[tuple[str, int]]) -> str | None:
    if not titles:
        return None
    (title, strength), _ = max(titles.items(), key=lambda kv: (kv[0][1], kv[1], -len(kv[0][0])))
    return title if strength >= 0 else title.title()


@dataclass
class _Entry:
    inst: Instrument
    count: int = 0
    chunks: list[str] | None = None
    docs: set[str] | None = None
    titles: Counter[tuple[str, int]] | None = None
    revoked_by: set[str] | None = None

    def add(self, chunk: Chunk, mention: Mention, revoking: bool) -> None:
        self.count += 1
        self.chunks = self.chunks or []
        if chunk.id not in self.chunks:
            self.chunks.append(chunk.id)
        self.docs = (self.docs or set()) | {chunk.doc}
        if mention.title:
            self.titles = self.titles or Counter()
            self.titles[(mention.title, mention.title_strength)] += 1
        if revoking and chunk.part == Part.BATANG_TUBUH:
            self.revoked_by = (self.revoked_by or set()) | {chunk.doc}


def _revoking_groups(chunks: list[Chunk]) -> set[tuple[str, str | None, str | None]]:
    """(doc, pasal, ayat) groups whose text says "… dicabut dan dinyatakan tidak berlaku"."""
    texts: dict[tuple[str, str | None, str | None], list[str]] = defaultdict(list)
    for c in chunks:
        if c.part == Part.BATANG_TUBUH and c.pasal:
            texts[(c.doc, c.pasal, c.ayat)].append(c.text)
    return {k for k, parts in texts.items() if _REVOKES.search(" ".join(parts))}


def _is_own(inst: Instrument, doc: DocInfo | None) -> bool:
    return bool(doc and _doc_kind(doc) == inst.kind and doc.number == inst.number
                and doc.year == inst.year)  # fmt: skip


def _collect(
    chunks: list[Chunk], documents: dict[str, DocInfo], hints: dict[str, str | None]
) -> dict[str, _Entry]:
    revoking = _revoking_groups(chunks)
    entries: dict[str, _Entry] = {}
    for c in chunks:
        if c.part == Part.MATERI or c.superseded:
            continue
        for mention in find_mentions(c.text, hints.get(c.doc)):
            inst = mention.instrument
            numbered = bool(inst.number)
            if mention.is_self or _is_own(inst, documents.get(c.doc)):
                continue
            if not numbered and inst.kind not in _GENERIC_KINDS:
                continue
            entry = entries.setdefault(inst.key, _Entry(inst))
            entry.add(c, mention, (c.doc, c.pasal, c.ayat) in revoking)
    return entries


def _implementers(
    entries: dict[str, _Entry], docs_of: dict[str, DocInfo], parts: dict[str, Part]
) -> dict[str, set[str]]:
    """Documents whose preamble (Mengingat) cites a held document: its likely implementing rules."""
    found: dict[str, set[str]] = defaultdict(set)
    for entry in entries.values():
        target = _lookup(entry.inst, docs_of)
        if target is None:
            continue
        for chunk_id in entry.chunks or []:
            if parts.get(chunk_id) == Part.PEMBUKAAN:
                found[target.id].add(chunk_id.split("/", 1)[0])
    return found


def _delegation(
    d: Delegation, chunk: Chunk, held_docs: dict[str, DocInfo], implementers: dict[str, set[str]]
) -> dict[str, object]:
    inst = d.instrument
    doc = _lookup(inst, held_docs)
    if inst.number:
        candidates = [doc.id] if doc else []
    else:
        kin = [x.id for x in held_docs.values() if _doc_kind(x) == inst.kind]
        if inst.kind in ("uu", "pp", "perpres"):
            kin = [x for x in kin if x in implementers.get(chunk.doc, set())]
        candidates = sorted(kin)
    status = "held" if doc else "possibly_held" if candidates else "not_held"
    return {
        "key": inst.key,
        "kind": inst.kind,
        "label": inst.label,
        "number": inst.number,
        "year": inst.year,
        "field": inst.field,
        "topic": d.topic,
        "covers": [f"{chunk.doc}/pasal-{n}" for n in d.covers],
        "status": status,
        "held": doc.id if doc else None,
        "candidates": candidates,
    }


def _delegations(
    chunks: list[Chunk], hints: dict[str, str | None], held_docs: dict[str, DocInfo],
    implementers: dict[str, set[str]],
) -> tuple[dict[str, list[dict[str, object]]], dict[str, list[str]]]:  # fmt: skip
    """Delegations per chunk id, and per Pasal id the chunks whose delegation covers that Pasal
    (the delegating Pasal itself and the ones it names: "… dalam Pasal 40 sampai dengan Pasal 44")."""
    table: dict[str, list[dict[str, object]]] = {}
    by_pasal: dict[str, list[str]] = defaultdict(list)
    for c in chunks:
        if c.part == Part.MATERI or c.superseded:
            continue
        for d in find_delegations(c.text, hints.get(c.doc)):
            row = _delegation(d, c, held_docs, implementers)
            table.setdefault(c.id, []).append(row)
            own = [f"{c.doc}/pasal-{c.pasal}"] if c.pasal and c.part == Part.BATANG_TUBUH else []
            for pasal_id in [*own, *row["covers"]]:  # type: ignore[misc]
                if c.id not in by_pasal[pasal_id]:
                    by_pasal[pasal_id].append(c.id)
    return table, dict(by_pasal)


def _entry_row(entry: _Entry, documents: dict[str, DocInfo], indexed: set[str]) -> dict:
    inst = entry.inst
    doc = _lookup(inst, documents)
    chunks = entry.chunks or []
    return {
        "key": inst.key,
        "kind": inst.kind,
        "label": inst.label,
        "number": inst.number,
        "year": inst.year,
        "field": inst.field,
        "title": _best_title(entry.titles or Counter()) or (doc.title if doc else None),
        "mentions": entry.count,
        "mentioned_in": chunks[:MENTIONS_CAP],
        "mentioned_by": sorted(entry.docs or ()),
        "in_manifest": doc.id if doc else None,
        "held": doc.id if doc and doc.id in indexed else None,
        "revoked_by": sorted(entry.revoked_by or ()),
    }


def build_catalogue(
    chunks: list[Chunk], documents: dict[str, DocInfo], indexed: set[str]
) -> dict[str, object]:
    """The ``catalogue`` artifact: {"entries": {key: entry}, "delegations": {chunk id: [..]},
    "delegations_by_pasal": {pasal id: [delegating chunk ids]}}."""
    by_doc: dict[str, list[Chunk]] = defaultdict(list)
    for c in chunks:
        by_doc[c.doc].append(c)
    hints = {doc: menteri_field(cs) for doc, cs in by_doc.items()}
    entries = _collect(chunks, documents, hints)
    held_docs = {k: d for k, d in documents.items() if k in indexed}
    implementers = _implementers(entries, held_docs, {c.id: c.part for c in chunks})
    delegations, by_pasal = _delegations(chunks, hints, held_docs, implementers)
    for rows in delegations.values():
        for row in rows:
            if not row["number"] and row["kind"] not in ("uu", "pp", "perpres"):
                key = str(row["key"])
                entries.setdefault(key, _Entry(Instrument(str(row["kind"]), field=row["field"])))  # type: ignore[arg-type]
    for rows_chunk, rows in delegations.items():  # generic targets count their delegating chunks
        for row in rows:
            entry = entries.get(str(row["key"]))
            if entry is not None and not row["number"] and rows_chunk not in (entry.chunks or []):
                entry.chunks = [*(entry.chunks or []), rows_chunk]
                entry.docs = (entry.docs or set()) | {rows_chunk.split("/", 1)[0]}
                entry.count += 1
    rows = {k: _entry_row(e, documents, indexed) for k, e in sorted(entries.items())}
    return {
        "version": 1,
        "entries": rows,
        "delegations": delegations,
        "delegations_by_pasal": by_pasal,
    }
