"""Documents of the manifest with their index state, and the full text of one Pasal."""

from __future__ import annotations

from typing import Any

from api.schemas import (
    DocumentDetail,
    DocumentRef,
    DocumentSummary,
    Padanan,
    PasalPart,
    PasalText,
    ReferencedDocument,
    Relations,
)
from assistant.correspondence import id_label, is_doubtful, successor_of
from assistant.documents import Chunk, DocInfo, Part, place_label
from assistant.errors import DocumentNotFound, PasalNotFound
from assistant.landscape import referenced_not_held
from assistant.manifest import status_note
from assistant.runtime import Runtime


def _indexed(rt: Runtime) -> dict[str, Any]:
    return rt.index.info.get("documents", {})


def _unlisted(rt: Runtime, doc_id: str) -> DocInfo | None:
    """A file indexed without a manifest entry: its metadata comes from its chunks."""
    first = next((c for c in rt.index.ordered if c.doc == doc_id), None)
    if first is None:
        return None
    return DocInfo(
        id=doc_id,
        type="lainnya",
        title=first.doc_title,
        short=first.doc_short,
        status=first.doc_status,
        in_manifest=False,
    )


def find_document(rt: Runtime, doc_id: str) -> DocInfo:
    doc = rt.manifest.get(doc_id)
    if doc is None and doc_id in _indexed(rt):
        doc = _unlisted(rt, doc_id)
    if doc is None:
        raise DocumentNotFound(f"Dokumen '{doc_id}' tidak dikenal oleh Asisten ASN.")
    return doc


def summary(rt: Runtime, doc: DocInfo) -> DocumentSummary:
    indexed = _indexed(rt).get(doc.id)
    return DocumentSummary(
        id=doc.id,
        type=doc.type,
        number=doc.number,
        year=doc.year,
        title=doc.title,
        short=doc.short,
        status=doc.status,
        status_note=status_note(doc, rt.manifest),
        relations=Relations(
            mencabut=list(doc.mencabut),
            mengubah=list(doc.mengubah),
            dicabut_oleh=list(doc.dicabut_oleh),
            diubah_oleh=list(doc.diubah_oleh),
        ),
        source_url=doc.source_url,
        in_manifest=doc.in_manifest,
        indexed=indexed is not None,
        missing=doc.id in rt.index.info.get("missing", []),
        chunks=int(indexed["chunks"]) if indexed else 0,
        warnings=list(indexed.get("warnings", [])) if indexed else [],
    )


def list_documents(rt: Runtime) -> list[DocumentSummary]:
    docs = list(rt.manifest.documents.values())
    docs += [
        d
        for doc_id in _indexed(rt)
        if doc_id not in rt.manifest.documents and (d := _unlisted(rt, doc_id))
    ]
    return [summary(rt, d) for d in docs]


def referenced_documents(rt: Runtime, include_held: bool = False) -> list[ReferencedDocument]:
    """Regulations the corpus names (catalogue artifact): by default those whose text we lack."""
    catalogue = rt.index.artifact("catalogue") or {}
    entries = catalogue.get("entries", {})
    rows = list(entries.values()) if include_held else referenced_not_held(catalogue)
    delegated: dict[str, int] = {}
    for items in catalogue.get("delegations", {}).values():
        for d in items:
            delegated[d["key"]] = delegated.get(d["key"], 0) + 1
    fields = set(ReferencedDocument.model_fields)
    return [
        ReferencedDocument(
            **{k: v for k, v in e.items() if k in fields}, delegations=delegated.get(e["key"], 0)
        )
        for e in rows
    ]


def document_detail(rt: Runtime, doc_id: str) -> DocumentDetail:
    doc = find_document(rt, doc_id)
    return DocumentDetail(**summary(rt, doc).model_dump(), pasal=rt.index.pasal_numbers(doc.id))


def _part(c: Chunk) -> PasalPart:
    return PasalPart(
        id=c.id,
        ayat=c.ayat,
        item=c.item,
        label=c.label,
        text=c.text,
        repaired=c.original_text is not None,
        quality=c.quality,
    )


def _heading(c: Chunk) -> str:
    """The trail between the document and the Pasal: "BAB VI HAK DAN KEWAJIBAN › Bagian Kedua ..."."""
    trail = c.heading.split(" › ")[1:-1]
    return " › ".join(trail)


def pasal_text(rt: Runtime, doc_id: str, pasal: str) -> PasalText:
    """Batang tubuh chunks of one Pasal (in order) and its Penjelasan; 404s say why there is none."""
    doc = find_document(rt, doc_id)
    if doc.id not in _indexed(rt):
        raise DocumentNotFound(
            f"{doc.short} tentang {doc.title} tercantum di manifest tetapi teksnya belum ada di korpus."
        )
    chunks = rt.index.by_pasal(doc.id, pasal)
    body = [c for c in chunks if c.part == Part.BATANG_TUBUH]
    if not body:
        numbers = [int(n) for n in rt.index.pasal_numbers(doc.id) if n.isdigit()]
        last = f" (Pasal terakhir: Pasal {max(numbers)})" if numbers else ""
        raise PasalNotFound(f"Pasal {pasal} tidak ditemukan dalam {doc.short}{last}.")
    return PasalText(
        document=DocumentRef(
            id=doc.id,
            short=doc.short,
            title=doc.title,
            status=doc.status,
            status_note=status_note(doc, rt.manifest),
            source_url=doc.source_url,
        ),
        pasal=pasal,
        label=place_label(doc.short, Part.BATANG_TUBUH, pasal, None),
        heading=_heading(body[0]),
        ayat=[_part(c) for c in body],
        penjelasan=[_part(c) for c in chunks if c.part == Part.PENJELASAN],
        padanan=padanan(rt, doc.id, pasal),
    )


def padanan(rt: Runtime, doc_id: str, pasal: str) -> list[Padanan]:
    """Where a Pasal of a revoked regulation is now (correspondence artifact), best first."""
    table = rt.index.artifact("correspondence")
    matches = successor_of(table, (doc_id, pasal))
    if not matches:
        return []
    shorts = {d.id: d.short for d in rt.manifest.documents.values()}
    doubt = is_doubtful(table, (doc_id, pasal))
    return [
        Padanan(id=new, label=id_label(new, shorts), score=score, doubtful=doubt)
        for new, score in matches
    ]
