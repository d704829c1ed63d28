"""POST /api/feedback (everyone), GET /api/feedback and /api/feedback.csv (admin)."""

from __future__ import annotations

from fastapi import APIRouter, HTTPException, Response, status

from api.deps import AdminDep, StoreDep, UserDep
from api.export import csv_response
from api.schemas import FeedbackIn, FeedbackOut
from assistant.privacy import mask_pii

router = APIRouter(prefix="/api", tags=["umpan balik"])
CSV_COLUMNS = list(FeedbackOut.model_fields)


@router.post(
    "/feedback",
    response_model=FeedbackOut,
    status_code=status.HTTP_201_CREATED,
    summary="Nilai satu jawaban (up/down)",
    responses={404: {"description": "answer_id tidak dikenal"}},
)
def give_feedback(body: FeedbackIn, store: StoreDep, principal: UserDep) -> FeedbackOut:
    if not store.answer_exists(body.answer_id, principal.scope):
        raise HTTPException(status.HTTP_404_NOT_FOUND, "Jawaban tidak ditemukan.")
    reason = mask_pii(body.reason.strip())[0] if body.reason and body.reason.strip() else None
    return FeedbackOut(**store.save_feedback(body.answer_id, body.rating, reason))


@router.get("/feedback", response_model=list[FeedbackOut], summary="Semua umpan balik (admin)")
def list_feedback(store: StoreDep, _: AdminDep) -> list[FeedbackOut]:
    return [FeedbackOut(**row) for row in store.list_feedback()]


@router.get(
    "/feedback.csv",
    summary="Umpan balik sebagai CSV (admin)",
    response_class=Response,
    responses={200: {"content": {"text/csv": {}}}},
)
def feedback_csv(store: StoreDep, _: AdminDep) -> Response:
    return csv_response(store.list_feedback(), CSV_COLUMNS, "umpan-balik.csv")
