"""Admin: rebuild the index in the background; read the audit log (JSON or CSV)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, HTTPException, Query, Response, status

from api.deps import AdminDep, StateDep, StoreDep
from api.export import csv_response
from api.schemas import AuditEntry, ReindexStatus
from api.store import AUDIT_COLUMNS

router = APIRouter(prefix="/api/admin", tags=["admin"])
AuditLimit = Annotated[int, Query(ge=1, le=10_000, description="Entri terbaru sebanyak ini.")]


@router.post(
    "/reindex",
    response_model=ReindexStatus,
    status_code=status.HTTP_202_ACCEPTED,
    summary="Indeks ulang korpus di latar belakang",
    responses={409: {"description": "Indeks ulang sedang berjalan"}},
)
def start_reindex(state: StateDep, _: AdminDep) -> ReindexStatus:
    if not state.reindexer.start():
        raise HTTPException(status.HTTP_409_CONFLICT, "Indeks ulang sedang berjalan.")
    return ReindexStatus(**state.reindexer.status())


@router.get("/reindex", response_model=ReindexStatus, summary="Keadaan indeks ulang terakhir")
def reindex_status(state: StateDep, _: AdminDep) -> ReindexStatus:
    return ReindexStatus(**state.reindexer.status())


@router.get(
    "/audit", response_model=list[AuditEntry], summary="Catatan audit, terbaru dahulu (admin)"
)
def audit_log(store: StoreDep, _: AdminDep, limit: AuditLimit = 100) -> list[AuditEntry]:
    return [AuditEntry(**row) for row in store.list_audit(limit)]


@router.get(
    "/audit.csv",
    summary="Catatan audit sebagai CSV (admin)",
    response_class=Response,
    responses={200: {"content": {"text/csv": {}}}},
)
def audit_csv(store: StoreDep, _: AdminDep, limit: AuditLimit = 10_000) -> Response:
    return csv_response(store.list_audit(limit), AUDIT_COLUMNS, "audit.csv")
