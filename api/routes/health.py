"""GET /healthz: is the index loaded, which generation, how big (public, for load balancers)."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Response, status

from api.deps import StateDep, refresh_index
from api.schemas import Health
from assistant.errors import AsistenError
from assistant.text import stale_tokenizer

router = APIRouter(tags=["kesehatan"])


@router.get("/healthz", response_model=Health, dependencies=[Depends(refresh_index)])
def healthz(state: StateDep, response: Response) -> Health:
    rt = state.runtime
    try:
        index = rt.index
    except AsistenError as exc:
        response.status_code = status.HTTP_503_SERVICE_UNAVAILABLE
        return Health(
            status="no_index", index_loaded=False, backend=state.settings.backend, detail=str(exc)
        )
    return Health(
        status="ok",
        index_loaded=True,
        generation=index.generation,
        documents=len(index.info.get("documents", {})),
        chunks=len(index.chunks),
        embedder=index.info.get("embedder"),
        backend=state.settings.backend,
        detail=stale_tokenizer(index.info),
    )
