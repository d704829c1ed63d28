"""Domain errors → HTTP errors (only here). /v1 routes answer in the OpenAI error shape."""

from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request, status
from fastapi.encoders import jsonable_encoder
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from assistant.errors import (
    AsistenError,
    BackendUnavailable,
    ConfigError,
    DocumentNotFound,
    GeneratorError,
    IndexNotFound,
    PasalNotFound,
)

log = logging.getLogger("asisten.api")

DOMAIN_STATUS: list[tuple[type[AsistenError], int]] = [
    (DocumentNotFound, status.HTTP_404_NOT_FOUND),
    (PasalNotFound, status.HTTP_404_NOT_FOUND),
    (IndexNotFound, status.HTTP_503_SERVICE_UNAVAILABLE),
    (BackendUnavailable, status.HTTP_503_SERVICE_UNAVAILABLE),
    (ConfigError, status.HTTP_503_SERVICE_UNAVAILABLE),
    (GeneratorError, status.HTTP_502_BAD_GATEWAY),
]

_FIELD_MESSAGES = {
    "missing": "wajib diisi",
    "json_invalid": "JSON tidak valid",
    "string_too_short": "tidak boleh kosong",
    "string_too_long": "terlalu panjang",
    "string_type": "harus berupa teks",
    "bool_parsing": "harus true atau false",
    "bool_type": "harus true atau false",
    "int_parsing": "harus berupa bilangan bulat",
    "literal_error": "nilai tidak dikenal",
    "extra_forbidden": "kolom tidak dikenal",
    "model_attributes_type": "harus berupa objek JSON",
    "dict_type": "harus berupa objek JSON",
    "list_type": "harus berupa daftar",
    "too_short": "terlalu sedikit isi",
    "greater_than_equal": "terlalu kecil",
    "less_than_equal": "terlalu besar",
    "value_error": "tidak valid",
}


def error_response(
    request: Request, code: int, message: str, headers: dict[str, str] | None = None, **extra: Any
) -> JSONResponse:
    """{"detail": message} for /api, plus {"error": {...}} as the OpenAI clients expect on /v1."""
    body: dict[str, Any] = {"detail": message, **extra}
    if request.url.path.startswith("/v1/"):
        kind = "invalid_request_error" if code < 500 else "server_error"
        body["error"] = {"message": message, "type": kind, "code": code}
    return JSONResponse(body, status_code=code, headers=headers)


def _clean(err: dict[str, Any]) -> dict[str, Any]:
    """type, loc and an Indonesian message (no echo of the input, which may hold personal data)."""
    kind = str(err.get("type", ""))
    message = _FIELD_MESSAGES.get(kind, "tidak valid")
    if kind == "value_error" and "ctx" in err:
        message = str(err["ctx"].get("error", message))
    return {"type": kind, "loc": jsonable_encoder(err.get("loc", ())), "msg": message}


def describe_validation(errors: list[dict[str, Any]]) -> str:
    parts = []
    for err in errors:
        where = ".".join(str(p) for p in err["loc"] if p not in ("body", "query", "path"))
        parts.append(f"{where}: {err['msg']}" if where else err["msg"])
    return "Permintaan tidak valid — " + "; ".join(parts) + "."


def install(app: FastAPI) -> None:
    @app.exception_handler(AsistenError)
    async def _domain(request: Request, exc: AsistenError) -> JSONResponse:
        code = next(
            (c for kind, c in DOMAIN_STATUS if isinstance(exc, kind)),
            status.HTTP_500_INTERNAL_SERVER_ERROR,
        )
        if code >= 500:
            log.warning("%s %s: %s", request.method, request.url.path, exc)
        return error_response(request, code, str(exc))

    @app.exception_handler(RequestValidationError)
    async def _invalid(request: Request, exc: RequestValidationError) -> JSONResponse:
        errors = [_clean(e) for e in exc.errors()]
        return error_response(
            request,
            status.HTTP_422_UNPROCESSABLE_CONTENT,
            describe_validation(errors),
            errors=errors,
        )

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        message = exc.detail if isinstance(exc.detail, str) else "Galat"
        if exc.status_code == status.HTTP_404_NOT_FOUND and message == "Not Found":
            message = "Alamat tidak ditemukan."
        elif exc.status_code == status.HTTP_405_METHOD_NOT_ALLOWED:
            message = "Metode HTTP ini tidak diizinkan untuk alamat ini."
        return error_response(request, exc.status_code, message, headers=exc.headers)
