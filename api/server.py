"""`asisten serve`: run the API and the web chat with uvicorn."""

from __future__ import annotations

import sys

import uvicorn

from api.app import create_app
from api.auth import KeyRing
from assistant.config import Settings

NO_KEYS_WARNING = (
    "PERINGATAN: berjalan tanpa kunci API, hanya untuk localhost. "
    "Isi ASISTEN_API_KEYS (mis. 'kunci1:admin,kunci2:user') sebelum membuka akses jaringan."
)


def url_for(host: str, port: int) -> str:
    shown = "127.0.0.1" if host in ("0.0.0.0", "") else f"[{host}]" if ":" in host else host
    return f"http://{shown}:{port}"


def run(settings: Settings, host: str = "127.0.0.1", port: int = 8000) -> None:
    app = create_app(settings)
    if not KeyRing(settings.api_keys).enabled:
        print(NO_KEYS_WARNING, file=sys.stderr)
    url = url_for(host, port)
    print(f"Asisten ASN: {url}  (dokumentasi API: {url}/docs)", flush=True)
    uvicorn.run(app, host=host, port=port, log_level="info")
