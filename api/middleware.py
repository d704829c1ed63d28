"""ASGI middleware: a cap on request bodies, and the audit log of questions and admin actions.

Both are plain ASGI (not `BaseHTTPMiddleware`), so SSE responses stream through untouched.
"""

from __future__ import annotations

import logging
import time
from typing import Any

import anyio
from starlette.requests import Request
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from api.errors import error_response

log = logging.getLogger("asisten.api")

MAX_BODY_BYTES = 1024 * 1024  # a question is at most a few KB; OpenAI clients send the history too
BODY_TOO_LARGE = "Permintaan terlalu besar: paling banyak {limit} KB."
QUESTION_CHARS_KEPT = 500  # the audit log keeps the start of a (masked) question


class BodyLimit:
    """413 for a body above `limit` bytes, announced (Content-Length) or streamed (chunked)."""

    def __init__(self, app: ASGIApp, limit: int = MAX_BODY_BYTES) -> None:
        self.app = app
        self.limit = limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] in ("GET", "HEAD", "OPTIONS"):
            await self.app(scope, receive, send)
            return
        length = dict(scope["headers"]).get(b"content-length")
        if length is not None:
            if length.isdigit() and int(length) > self.limit:
                await self._reject(scope, receive, send)
                return
            await self.app(scope, receive, send)
            return
        messages: list[Message] = []  # chunked: read it here (at most `limit` bytes), then replay
        size = 0
        while True:
            message = await receive()
            messages.append(message)
            size += len(message.get("body", b""))
            if size > self.limit:
                await self._reject(scope, receive, send)
                return
            if message["type"] != "http.request" or not message.get("more_body"):
                break

        async def replay() -> Message:
            return messages.pop(0) if messages else await receive()

        await self.app(scope, replay, send)

    async def _reject(self, scope: Scope, receive: Receive, send: Send) -> None:
        message = BODY_TOO_LARGE.format(limit=self.limit // 1024)
        response = error_response(Request(scope), 413, message, headers={"Connection": "close"})
        await response(scope, receive, send)


def audited(method: str, path: str) -> bool:
    """Questions, writes and admin reads; not the page, the docs or plain reads of documents."""
    if not path.startswith(("/api/", "/v1/")):
        return False
    if method not in ("GET", "HEAD"):
        return True
    return path == "/api/search" or path.startswith(("/api/admin/", "/api/feedback"))


def audit_note(request: Request) -> dict[str, Any]:
    """The dict a route fills for the audit log: question (masked!), answer_status, conversation_id."""
    note = request.scope.get("state", {}).get("audit")
    return note if isinstance(note, dict) else {}


def clip(text: str | None) -> str | None:
    if text is None or len(text) <= QUESTION_CHARS_KEPT:
        return text
    return text[:QUESTION_CHARS_KEPT] + "…"


class AuditLog:
    """After each audited request: who (key position and role, or address), what, when, status."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or not audited(scope["method"], scope["path"]):
            await self.app(scope, receive, send)
            return
        state = scope.setdefault("state", {})
        state["audit"] = note = {}
        started = time.perf_counter()
        status = [500]  # when the app fails before answering

        async def watch(message: Message) -> None:
            if message["type"] == "http.response.start":
                status[0] = message["status"]
            await send(message)

        try:
            await self.app(scope, receive, watch)
        finally:
            entry = self._entry(scope, note, status[0], started)
            with anyio.CancelScope(shield=True):
                await self._write(scope, entry)

    @staticmethod
    def _entry(scope: Scope, note: dict[str, Any], status: int, started: float) -> dict[str, Any]:
        principal = scope.get("state", {}).get("principal")
        client = scope.get("client")
        return {
            "key_id": getattr(principal, "key_index", None),
            "role": getattr(getattr(principal, "role", None), "value", None),
            "client": client[0] if client else None,
            "method": scope["method"],
            "path": scope["path"],  # never the query string: `q` may hold personal data
            "question": clip(note.get("question")),
            "http_status": status,
            "answer_status": note.get("answer_status"),
            "conversation_id": note.get("conversation_id"),
            "duration_ms": round((time.perf_counter() - started) * 1000),
        }

    @staticmethod
    async def _write(scope: Scope, entry: dict[str, Any]) -> None:
        state = getattr(scope["app"].state, "asisten", None)
        if state is None:
            return
        try:
            await anyio.to_thread.run_sync(state.store.add_audit, entry)
        except Exception as exc:  # noqa: BLE001 - the answer was sent; a lost audit row is logged
            log.error("catatan audit gagal disimpan: %s", type(exc).__name__)
