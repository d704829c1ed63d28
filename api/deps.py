"""Dependencies as `Annotated[..., Depends(...)]` aliases: state, services, caller identity."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, HTTPException, Request, status

from api.auth import ANONYMOUS_ADMIN, Principal, bearer_token
from api.state import AppState
from api.storage import Storage
from assistant.chain import AnswerService
from assistant.config import Settings
from assistant.runtime import Runtime

UNAUTHORIZED = "Kunci API diperlukan: kirim header 'Authorization: Bearer <kunci>'."
INVALID_KEY = "Kunci API tidak valid."
FORBIDDEN = "Hanya admin yang boleh mengakses ini."
RATE_LIMITED = "Terlalu banyak permintaan. Coba lagi dalam {seconds} detik."
TOO_MANY_FAILURES = (
    "Terlalu banyak kunci API yang salah dari alamat ini. Coba lagi dalam {seconds} detik."
)


def get_state(request: Request) -> AppState:
    return request.app.state.asisten


StateDep = Annotated[AppState, Depends(get_state)]


def get_settings(state: StateDep) -> Settings:
    return state.settings


def get_runtime(state: StateDep) -> Runtime:
    return state.runtime


def get_service(state: StateDep) -> AnswerService:
    return state.service


def get_store(state: StateDep) -> Storage:
    return state.store


SettingsDep = Annotated[Settings, Depends(get_settings)]
RuntimeDep = Annotated[Runtime, Depends(get_runtime)]
ServiceDep = Annotated[AnswerService, Depends(get_service)]
StoreDep = Annotated[Storage, Depends(get_store)]


def current_principal(request: Request, state: StateDep) -> Principal:
    """Who is calling. Without configured keys every caller is admin (localhost use only)."""
    if not state.keys.enabled:
        request.state.principal = ANONYMOUS_ADMIN
        return ANONYMOUS_ADMIN
    token = bearer_token(request.headers.get("authorization"))
    challenge = {"WWW-Authenticate": "Bearer"}
    if token is None:
        raise HTTPException(status.HTTP_401_UNAUTHORIZED, UNAUTHORIZED, headers=challenge)
    address = request.client.host if request.client else "?"
    wait = state.auth_failures.wait_time(address, count=False)
    if wait:  # guessing keys: stop answering, even a right key, until the window has passed
        raise _too_many(TOO_MANY_FAILURES, wait)
    principal = state.keys.identify(token, request.headers.get("x-asisten-session"))
    if principal is None:
        state.auth_failures.wait_time(address)  # count the failure
        raise HTTPException(status.HTTP_401_UNAUTHORIZED, INVALID_KEY, headers=challenge)
    request.state.principal = principal  # for the audit log: role and key position, never the key
    return principal


UserDep = Annotated[Principal, Depends(current_principal)]


def require_admin(principal: UserDep) -> Principal:
    if not principal.is_admin:
        raise HTTPException(status.HTTP_403_FORBIDDEN, FORBIDDEN)
    return principal


AdminDep = Annotated[Principal, Depends(require_admin)]


def refresh_index(state: StateDep) -> None:
    """Before each API request: switch to a newer index generation if `asisten index` published one."""
    state.refresh()


def rate_limit(request: Request, state: StateDep, principal: UserDep) -> None:
    """Per key (or per client address without keys) limit on the answering routes."""
    caller = (
        f"key:{principal.key_index}"
        if principal.key_index is not None
        else (f"ip:{request.client.host}" if request.client else "ip:?")
    )
    wait = state.limiter.wait_time(caller)
    if wait:
        raise _too_many(RATE_LIMITED, wait)


def _too_many(message: str, wait: int) -> HTTPException:
    return HTTPException(
        status.HTTP_429_TOO_MANY_REQUESTS,
        message.format(seconds=wait),
        headers={"Retry-After": str(wait)},
    )


RateLimited = Depends(rate_limit)
