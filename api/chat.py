"""One chat turn: mask → rewrite with the history → answer → store; as JSON or as SSE events."""

from __future__ import annotations

import json
import uuid
from collections.abc import AsyncIterator
from dataclasses import dataclass
from typing import Any

from fastapi import HTTPException, status
from starlette.concurrency import iterate_in_threadpool, run_in_threadpool

from api.auth import ANONYMOUS_ADMIN, Principal
from api.rewrite import Rewrite, rewrite
from api.state import AppState, llm_backend
from api.store import Store
from assistant.documents import Answer, AnswerStatus
from assistant.errors import AsistenError
from assistant.injection import is_injection
from assistant.privacy import mask_pii

NO_RETRIEVAL_SYSTEM = (
    "Anda adalah asisten umum. Jawab pertanyaan tentang kepegawaian Aparatur Sipil Negara Indonesia "
    "dalam bahasa Indonesia, singkat (paling banyak 6 kalimat). Anda tidak diberi sumber apa pun."
)
NO_RETRIEVAL_NOTE = (
    "Jawaban TANPA SUMBER: LLM menjawab dari ingatannya sendiri, tanpa pencarian dan tanpa pemeriksaan "
    "sitasi. Hanya untuk perbandingan dalam pelatihan — jangan dijadikan rujukan."
)
PII_NOTE = "Data pribadi ({kinds}) disamarkan sebelum pertanyaan diproses dan disimpan."


def too_long(question: str, limit: int) -> HTTPException | None:
    if len(question) <= limit:
        return None
    return HTTPException(
        status.HTTP_413_CONTENT_TOO_LARGE,
        f"Pertanyaan terlalu panjang ({len(question)} karakter); paling banyak {limit} karakter.",
    )


@dataclass
class Turn:
    conversation_id: str
    answer_id: str
    question: str  # masked
    pii: list[str]
    rewrite: Rewrite


def begin_turn(
    store: Store, question: str, conversation_id: str | None, principal: Principal = ANONYMOUS_ADMIN
) -> Turn:
    """Mask personal data, find (or start) the conversation, rewrite a follow-up, store the question.

    Another key's conversation is reported as unknown (404), so its existence is not revealed.
    """
    masked, kinds = mask_pii(question)
    if conversation_id is None:
        conversation_id = store.create_conversation(masked[:80], owner=principal.owner)
    elif not store.conversation_exists(conversation_id, principal.scope):
        raise HTTPException(status.HTTP_404_NOT_FOUND, "Percakapan tidak ditemukan.")
    rw = rewrite(masked, store.user_queries(conversation_id))
    store.add_message(conversation_id, "user", masked, search_query=rw.query)
    return Turn(conversation_id, uuid.uuid4().hex, masked, kinds, rw)


def decorate(state: AppState, turn: Turn, answer: dict[str, Any]) -> None:
    """The API's additions to the service's answer: original question, rewrite, PII note, labels."""
    answer["question"] = turn.question
    answer["search_query"] = turn.rewrite.query
    answer["rewrite"] = {"rule": turn.rewrite.rule, "previous": turn.rewrite.previous}
    answer["pii_masked"] = turn.pii
    if turn.pii:
        answer["notes"] = [*answer.get("notes", []), PII_NOTE.format(kinds=", ".join(turn.pii))]
    trace = answer.get("trace")
    if trace:
        chunks = state.runtime.index.chunks
        for row in (*trace.get("dense", []), *trace.get("keyword", [])):
            chunk = chunks.get(row["id"])
            row["label"] = chunk.label if chunk else row["id"]
        trace["thresholds"] = confidence_settings(state)
        trace["fusion"] = state.settings.fusion
        trace["rewrite"] = {"original": turn.question, **answer["rewrite"]}


def confidence_settings(state: AppState) -> dict[str, float]:
    """The answer/refuse knobs (ASISTEN_MIN_*, ASISTEN_COVERAGE_WEIGHT), for Mode Pelatihan."""
    s = state.settings
    names = [n for n in type(s).model_fields if n.startswith("min_") or n == "coverage_weight"]
    return {n: getattr(s, n) for n in names}


def finish_turn(state: AppState, turn: Turn, answer: dict[str, Any]) -> dict[str, Any]:
    decorate(state, turn, answer)
    stored = {k: v for k, v in answer.items() if k != "trace"}
    state.store.add_message(
        turn.conversation_id,
        "assistant",
        answer["answer"],
        search_query=turn.rewrite.query,
        answer=stored,
        message_id=turn.answer_id,
    )
    return {**answer, "conversation_id": turn.conversation_id, "answer_id": turn.answer_id}


def answer_dict(answer: Answer) -> dict[str, Any]:
    return answer.model_dump(mode="json")


async def ask_json(state: AppState, turn: Turn, backend: str | None, trace: bool) -> dict[str, Any]:
    answer = await run_in_threadpool(state.service.ask, turn.rewrite.query, backend, trace)
    return await run_in_threadpool(finish_turn, state, turn, answer_dict(answer))


def sse(event: dict[str, Any]) -> str:
    return f"event: {event['type']}\ndata: {json.dumps(event, ensure_ascii=False)}\n\n"


async def ask_stream(
    state: AppState,
    turn: Turn,
    backend: str | None,
    trace: bool,
    audit: dict[str, Any] | None = None,
) -> AsyncIterator[str]:
    """SSE: `sources`, then `token`s, then `done` with the stored answer (or `error`)."""
    audit = {} if audit is None else audit
    ids = {"conversation_id": turn.conversation_id, "answer_id": turn.answer_id}
    events = state.service.stream(turn.rewrite.query, backend, trace)
    try:
        async for event in iterate_in_threadpool(events):
            if event["type"] == "sources":
                event = {**event, **ids, "search_query": turn.rewrite.query}
            elif event["type"] == "done":
                event = {
                    **event,
                    "answer": await run_in_threadpool(finish_turn, state, turn, event["answer"]),
                }
                audit["answer_status"] = event["answer"].get("status")
            yield sse(event)
    except AsistenError as exc:
        audit["answer_status"] = "error"
        yield sse({"type": "error", "detail": str(exc), **ids})


def allowed_backends(state: AppState) -> list[str]:
    """What a request may ask for: the extractive backend and the LLM the server is set up with."""
    s = state.settings
    return list(dict.fromkeys(b for b in ("extractive", s.backend, llm_backend(s)) if b))


def check_backend(state: AppState, requested: str | None) -> None:
    """A client cannot switch on a backend the admin did not configure (e.g. load a local GGUF)."""
    allowed = allowed_backends(state)
    if requested is not None and requested not in allowed:
        raise HTTPException(
            status.HTTP_400_BAD_REQUEST,
            f"Backend '{requested}' tidak diaktifkan di server ini; pilihan: {', '.join(allowed)}.",
        )


# ------------------------------------------------------------------ mode tanpa sumber
def no_retrieval_backend(state: AppState, requested: str | None) -> str:
    """The backend for a no-retrieval answer (`requested` already passed `check_backend`)."""
    backend = None if requested == "extractive" else requested or llm_backend(state.settings)
    if backend is None:
        raise HTTPException(
            status.HTTP_400_BAD_REQUEST,
            "Mode tanpa sumber memerlukan LLM (ASISTEN_BACKEND=openai atau llamacpp). Backend "
            "ekstraktif hanya mengutip teks peraturan, jadi tidak ada jawaban tanpa sumber.",
        )
    return backend


def answer_without_sources(state: AppState, question: str, backend: str) -> Answer:
    """The LLM alone, with a plain prompt: what trainees would get without retrieval."""
    masked, _ = mask_pii(question)
    if is_injection(masked):
        return Answer(
            status=AnswerStatus.REFUSED,
            answer="Maaf, permintaan ini meminta Asisten ASN mengabaikan aturannya.",
            backend=backend,
            question=masked,
        )
    generator = state.service.generator(backend)  # ConfigError/BackendUnavailable → 503
    text = generator.generate(NO_RETRIEVAL_SYSTEM, masked)
    return Answer(
        status=AnswerStatus.ANSWERED,
        answer=text.strip(),
        backend=generator.name,
        notes=[NO_RETRIEVAL_NOTE],
        question=masked,
        search_query="",
    )
