"""POST /api/chat (JSON or SSE) and GET /api/info."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import StreamingResponse
from starlette.concurrency import run_in_threadpool

from api.chat import (
    answer_dict,
    answer_without_sources,
    ask_json,
    ask_stream,
    begin_turn,
    check_backend,
    no_retrieval_backend,
    too_long,
)
from api.deps import RateLimited, StateDep, UserDep
from api.middleware import audit_note
from api.schemas import ChatRequest, ChatResponse, Info
from api.state import llm_backend
from assistant.privacy import mask_pii

router = APIRouter(prefix="/api", tags=["chat"])

SSE_HEADERS = {"Cache-Control": "no-cache", "X-Accel-Buffering": "no"}
SSE_DOC = (
    "Dengan `Accept: text/event-stream` atau `stream: true`: event `sources` (sitasi), lalu `token` "
    "(potongan teks), lalu `done` (jawaban lengkap tersimpan, dengan status dan sitasi)."
)


@router.post(
    "/chat",
    response_model=ChatResponse,
    dependencies=[RateLimited],
    summary="Ajukan pertanyaan",
    description=SSE_DOC,
    responses={
        200: {"content": {"text/event-stream": {}}},
        400: {"description": "Backend tidak diaktifkan di server ini, atau tidak ada LLM"},
        404: {"description": "conversation_id tidak dikenal"},
        413: {"description": "Pertanyaan terlalu panjang"},
        503: {"description": "Indeks belum ada"},
    },
)
async def chat(body: ChatRequest, request: Request, state: StateDep, principal: UserDep) -> Any:
    audit = audit_note(request)
    audit["question"] = mask_pii(body.question)[0]  # the whole text: a cut could split a NIP
    error = too_long(body.question, state.settings.max_question_chars)
    if error:
        raise error
    check_backend(state, body.backend)
    if body.mode == "no_retrieval":
        backend = no_retrieval_backend(state, body.backend)
        answer = await run_in_threadpool(answer_without_sources, state, body.question, backend)
        audit["answer_status"] = answer.status.value
        return answer_dict(answer)
    await run_in_threadpool(lambda: state.runtime.retriever)  # no index → 503 before storing
    turn = await run_in_threadpool(
        begin_turn, state.store, body.question, body.conversation_id, principal
    )
    audit["conversation_id"] = turn.conversation_id
    if body.stream or "text/event-stream" in request.headers.get("accept", ""):
        return StreamingResponse(
            ask_stream(state, turn, body.backend, body.trace, audit),
            media_type="text/event-stream",
            headers=SSE_HEADERS,
        )
    result = await ask_json(state, turn, body.backend, body.trace)
    audit["answer_status"] = result.get("status")
    return result


@router.get("/info", response_model=Info, summary="Konfigurasi yang relevan bagi antarmuka")
def info(state: StateDep, principal: UserDep) -> Info:
    s = state.settings
    return Info(
        backend=s.backend,
        llm_backend=llm_backend(s),
        max_question_chars=s.max_question_chars,
        auth=state.keys.enabled,
        role=principal.role.value,
    )
