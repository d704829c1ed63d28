"""POST/GET /api/admin/reindex: rebuild the index in the background (admin)."""

from __future__ import annotations

from fastapi import APIRouter, HTTPException, status

from api.deps import AdminDep, StateDep
from api.schemas import ReindexStatus

router = APIRouter(prefix="/api/admin", tags=["admin"])


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
