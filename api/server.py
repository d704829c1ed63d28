"""Start the service with uvicorn (placeholder until the API lands)."""

from __future__ import annotations

from assistant.config import Settings


def run(settings: Settings, host: str = "127.0.0.1", port: int = 8000) -> None:
    raise SystemExit("API belum tersedia")
