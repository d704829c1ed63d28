"""GET /api/documents, /api/documents/referenced, /api/documents/{doc}, /api/documents/{doc}/pasal/{n}."""

from __future__ import annotations

from fastapi import APIRouter

from api import catalog
from api.deps import RuntimeDep
from api.schemas import DocumentDetail, DocumentSummary, PasalText, ReferencedDocument

router = APIRouter(prefix="/api/documents", tags=["dokumen"])
NOT_FOUND = {404: {"description": "Dokumen atau Pasal tidak ditemukan"}}


@router.get("", response_model=list[DocumentSummary], summary="Semua dokumen manifest")
def list_documents(runtime: RuntimeDep) -> list[DocumentSummary]:
    return catalog.list_documents(runtime)


@router.get(
    "/referenced",
    response_model=list[ReferencedDocument],
    summary="Peraturan yang disebut dalam korpus (default: yang teksnya tidak ada di korpus)",
)
def referenced_documents(runtime: RuntimeDep, all: bool = False) -> list[ReferencedDocument]:
    return catalog.referenced_documents(runtime, include_held=all)


@router.get("/{doc}", response_model=DocumentDetail, responses=NOT_FOUND, summary="Satu dokumen")
def get_document(doc: str, runtime: RuntimeDep) -> DocumentDetail:
    return catalog.document_detail(runtime, doc)


@router.get(
    "/{doc}/pasal/{pasal}",
    response_model=PasalText,
    responses=NOT_FOUND,
    summary="Teks lengkap satu Pasal (batang tubuh + Penjelasan)",
)
def get_pasal(doc: str, pasal: str, runtime: RuntimeDep) -> PasalText:
    return catalog.pasal_text(runtime, doc, pasal)
