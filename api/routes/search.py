"""GET /api/search: the passages the assistant would answer from, without composing an answer."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request
from starlette.concurrency import run_in_threadpool

from api.chat import too_long
from api.deps import ServiceDep, SettingsDep
from api.middleware import audit_note
from api.schemas import SearchHit
from assistant.privacy import mask_pii

router = APIRouter(prefix="/api", tags=["pencarian"])


@router.get("/search", response_model=list[SearchHit], summary="Cari potongan regulasi")
async def search(
    request: Request,
    service: ServiceDep,
    settings: SettingsDep,
    q: Annotated[str, Query(min_length=1, description="Kata kunci atau pertanyaan")],
    k: Annotated[int, Query(ge=1, le=50)] = 10,
) -> list[SearchHit]:
    audit_note(request)["question"] = mask_pii(q)[0]
    error = too_long(q, settings.max_question_chars)
    if error:
        raise error
    passages = await run_in_threadpool(service.retrieve, q)
    return [
        SearchHit(
            id=p.chunk.id,
            doc=p.chunk.doc,
            doc_short=p.chunk.doc_short,
            doc_status=p.chunk.doc_status,
            pasal=p.chunk.pasal,
            ayat=p.chunk.ayat,
            part=p.chunk.part.value,
            label=p.chunk.label,
            text=p.chunk.text,
            score=round(p.score, 6),
            dense=p.dense,
            keyword=p.keyword,
        )
        for p in passages[:k]
    ]
