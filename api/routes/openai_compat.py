"""OpenAI-compatible chat API, so Open WebUI, LibreChat or the `openai` client can use "asisten-asn".

The last user message is the question; the earlier user messages are the history used to rewrite a
follow-up. The reply is the checked answer followed by "Sumber:" lines "[n] label — source_url".
Streaming sends the checked answer (never unverified LLM text) as `chat.completion.chunk` events.
"""

from __future__ import annotations

import json
import re
import time
import uuid
from collections.abc import AsyncIterator
from typing import Any

from fastapi import APIRouter, HTTPException, Request, status
from fastapi.responses import StreamingResponse
from starlette.concurrency import run_in_threadpool

from api.chat import too_long
from api.deps import RateLimited, StateDep
from api.middleware import audit_note
from api.rewrite import rewrite
from api.routes.chat import SSE_HEADERS
from api.schemas import OAIChatRequest
from api.state import AppState
from assistant.documents import Answer
from assistant.privacy import mask_pii

MODEL_ID = "asisten-asn"
CREATED = 1_700_000_000  # a fixed date: the model does not change when the server restarts

router = APIRouter(prefix="/v1", tags=["kompatibel OpenAI"])


def reply_text(answer: Answer) -> str:
    if not answer.citations:
        return answer.answer
    lines = [
        f"[{c.n}] {c.label}" + (f" — {c.source_url}" if c.source_url else "")
        for c in answer.citations
    ]
    return answer.answer + "\n\nSumber:\n" + "\n".join(lines)


def _search_query(body: OAIChatRequest, limit: int, audit: dict[str, Any]) -> str:
    questions = [m.text() for m in body.messages if m.role == "user" and m.text()]
    if not questions:
        raise HTTPException(status.HTTP_400_BAD_REQUEST, "Tidak ada pesan 'user' yang berisi teks.")
    audit["question"] = mask_pii(questions[-1])[0]
    error = too_long(questions[-1], limit)
    if error:
        raise error
    history: list[str] = []
    for question in questions:
        history.append(rewrite(mask_pii(question)[0], history).query)
    return history[-1]


def _usage(prompt: str, completion: str) -> dict[str, int]:
    p, c = len(prompt.split()), len(completion.split())
    return {"prompt_tokens": p, "completion_tokens": c, "total_tokens": p + c}


def _chunk(cid: str, delta: dict[str, Any], finish: str | None = None) -> str:
    data = {
        "id": cid,
        "object": "chat.completion.chunk",
        "created": int(time.time()),
        "model": MODEL_ID,
        "choices": [{"index": 0, "delta": delta, "finish_reason": finish}],
    }
    return f"data: {json.dumps(data, ensure_ascii=False)}\n\n"


async def _stream(
    state: AppState, query: str, cid: str, audit: dict[str, Any]
) -> AsyncIterator[str]:
    yield _chunk(cid, {"role": "assistant", "content": ""})
    answer = await run_in_threadpool(state.service.ask, query)
    audit["answer_status"] = answer.status.value
    for piece in re.split(r"(?<=\s)", reply_text(answer)):
        if piece:
            yield _chunk(cid, {"content": piece})
    yield _chunk(cid, {}, "stop")
    yield "data: [DONE]\n\n"


@router.get("/models", summary="Model yang tersedia (satu: asisten-asn)")
def models() -> dict[str, Any]:
    return {
        "object": "list",
        "data": [
            {"id": MODEL_ID, "object": "model", "created": CREATED, "owned_by": "asisten-asn"}
        ],
    }


@router.post(
    "/chat/completions",
    dependencies=[RateLimited],
    summary="Chat completions (kompatibel OpenAI)",
    responses={200: {"content": {"text/event-stream": {}}}},
)
async def chat_completions(body: OAIChatRequest, request: Request, state: StateDep) -> Any:
    audit = audit_note(request)
    if body.model != MODEL_ID:
        raise HTTPException(
            status.HTTP_404_NOT_FOUND, f"Model '{body.model}' tidak ada; gunakan '{MODEL_ID}'."
        )
    query = _search_query(body, state.settings.max_question_chars, audit)
    await run_in_threadpool(lambda: state.runtime.retriever)  # no index → 503 before streaming
    cid = f"chatcmpl-{uuid.uuid4().hex}"
    if body.stream:
        return StreamingResponse(
            _stream(state, query, cid, audit), media_type="text/event-stream", headers=SSE_HEADERS
        )
    answer = await run_in_threadpool(state.service.ask, query)
    audit["answer_status"] = answer.status.value
    content = reply_text(answer)
    return {
        "id": cid,
        "object": "chat.completion",
        "created": int(time.time()),
        "model": MODEL_ID,
        "choices": [
            {
                "index": 0,
                "message": {"role": "assistant", "content": content},
                "finish_reason": "stop",
            }
        ],
        "usage": _usage(query, content),
    }
