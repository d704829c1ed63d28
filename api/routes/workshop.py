"""The trainer's view of a workshop: the participant link and its QR code (admin only)."""

from __future__ import annotations

from fastapi import APIRouter, HTTPException, status
from pydantic import BaseModel, Field

from api.deps import AdminDep, SettingsDep
from api.workshop import qr_svg

router = APIRouter(prefix="/api/admin", tags=["admin"])
NOT_A_WORKSHOP = "Mode lokakarya tidak aktif: jalankan asisten serve --workshop."


class WorkshopInfo(BaseModel):
    participant_url: str = Field(description="Tautan peserta (berisi kunci peserta sesi ini).")
    qr_svg: str = Field(description="Kode QR tautan peserta sebagai elemen SVG.")


@router.get(
    "/workshop",
    response_model=WorkshopInfo,
    summary="Tautan dan kode QR peserta lokakarya (admin)",
    responses={404: {"description": "Bukan mode lokakarya"}},
)
def workshop_info(settings: SettingsDep, _: AdminDep) -> WorkshopInfo:
    url = settings.workshop_url.get_secret_value()
    if not url:
        raise HTTPException(status.HTTP_404_NOT_FOUND, NOT_A_WORKSHOP)
    return WorkshopInfo(participant_url=url, qr_svg=qr_svg(url))
