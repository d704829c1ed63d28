"""GET /api/conversations and /api/conversations/{id}."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, HTTPException, Query, status

from api.deps import StoreDep, UserDep
from api.schemas import Conversation, ConversationSummary

router = APIRouter(prefix="/api/conversations", tags=["percakapan"])


@router.get("", response_model=list[ConversationSummary], summary="Daftar percakapan")
def list_conversations(
    store: StoreDep, principal: UserDep, limit: Annotated[int, Query(ge=1, le=500)] = 100
) -> list[ConversationSummary]:
    """The caller's own conversations (an admin sees everyone's)."""
    return [
        ConversationSummary(**{**row, "message_count": row["messages"]})
        for row in store.list_conversations(limit, principal.scope)
    ]


@router.get(
    "/{conversation_id}",
    response_model=Conversation,
    summary="Satu percakapan dengan semua pesannya",
    responses={404: {"description": "Percakapan tidak ditemukan"}},
)
def get_conversation(conversation_id: str, store: StoreDep, principal: UserDep) -> Conversation:
    data = store.get_conversation(conversation_id, principal.scope)
    if data is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND, "Percakapan tidak ditemukan.")
    return Conversation(**data)
