"""The service's sub-command: ``asisten serve``."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.console import Console

from assistant.config import Settings
from assistant.errors import ConfigError

console = Console(stderr=True)


def serve(
    host: Annotated[str, typer.Option(help="alamat dengar")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="port")] = 8000,
    workshop: Annotated[
        bool,
        typer.Option(
            "--workshop",
            help="pelatihan: dengarkan di jaringan lokal, buat kunci peserta dan pelatih untuk "
            "sesi ini, tampilkan tautan dan kode QR peserta",
        ),
    ] = False,
    workers: Annotated[
        int,
        typer.Option(
            min=1,
            help="proses pekerja uvicorn (masing-masing memuat model sekali); percakapan dan "
            "batas laju dibagi lewat basis data",
        ),
    ] = 1,
) -> None:
    """Serve the API and the web chat (uvicorn)."""
    from api.server import run

    try:
        run(Settings(), host=host, port=port, workshop=workshop, workers=workers)
    except ConfigError as exc:
        console.print(f"Galat: {exc}", style="red", highlight=False, markup=False)
        raise typer.Exit(1) from exc


def register(app: typer.Typer) -> None:
    """Add ``serve`` to the top-level ``asisten`` app."""
    app.command()(serve)
