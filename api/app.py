"""`create_app(settings)`: the FastAPI service and the web chat of Asisten ASN."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import Depends, FastAPI
from fastapi.staticfiles import StaticFiles
from starlette.concurrency import run_in_threadpool

from api import errors
from api.auth import KeyRing
from api.deps import current_principal, refresh_index
from api.middleware import AuditLog, BodyLimit
from api.routes import (
    admin,
    chat,
    conversations,
    documents,
    feedback,
    health,
    openai_compat,
    search,
    workshop,
)
from api.state import AppState
from assistant.config import Settings

log = logging.getLogger("asisten.api")

DESCRIPTION = """Tanya-jawab regulasi ASN dengan sitasi Pasal/ayat.

* `/api/...` — chat (JSON atau SSE), percakapan, pencarian, dokumen, umpan balik, admin.
* `/v1/...` — kompatibel OpenAI (model `asisten-asn`) untuk Open WebUI, LibreChat, klien `openai`.
* Bila `ASISTEN_API_KEYS` diisi, setiap rute `/api` dan `/v1` memerlukan `Authorization: Bearer <kunci>`.
"""


UI_DIR = Path(__file__).resolve().parent / "ui"


def create_app(settings: Settings) -> FastAPI:
    KeyRing(settings.api_keys)  # a malformed ASISTEN_API_KEYS fails here, at start-up

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        state = await run_in_threadpool(AppState.build, settings)
        problem = await run_in_threadpool(state.warm_up)
        if problem:
            log.warning("Asisten ASN berjalan tanpa indeks: %s", problem)
        app.state.asisten = state
        try:
            yield
        finally:
            state.store.close()

    app = FastAPI(
        title="Asisten ASN",
        version="0.1.0",
        description=DESCRIPTION,
        lifespan=lifespan,
    )
    errors.install(app)
    app.add_middleware(BodyLimit)
    app.add_middleware(AuditLog)  # added last = outermost: it also records the 413s of BodyLimit
    protected = [Depends(current_principal), Depends(refresh_index)]
    for router in (
        chat.router,
        conversations.router,
        search.router,
        documents.router,
        feedback.router,
        admin.router,
        openai_compat.router,
        workshop.router,
    ):
        app.include_router(router, dependencies=protected)
    app.include_router(health.router)
    app.mount("/", StaticFiles(directory=UI_DIR, html=True), name="ui")
    return app
