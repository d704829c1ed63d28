"""The service's sub-command: ``asisten serve``."""

from __future__ import annotations

from typing import Annotated

import typer

from assistant.config import Settings


def serve(
    host: Annotated[str, typer.Option(help="alamat dengar")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="port")] = 8000,
) -> None:
    """Serve the API and the web chat (uvicorn)."""
    from api.server import run

    run(Settings(), host=host, port=port)


def register(app: typer.Typer) -> None:
    """Add ``serve`` to the top-level ``asisten`` app."""
    app.command()(serve)
