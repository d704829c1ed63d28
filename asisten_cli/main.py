"""Compose ``asisten``: index | corpus | search | ask | models (indexer), serve (api), eval (evals)."""

from __future__ import annotations

import typer

from api import commands as api_commands
from evals.cli import app as eval_app
from indexer import commands as indexer_commands

app = typer.Typer(
    add_completion=False, help="Asisten ASN — tanya-jawab regulasi ASN dengan sitasi Pasal/ayat."
)
indexer_commands.register(app)
api_commands.register(app)
app.add_typer(eval_app, name="eval")


def main() -> None:
    """Entry point of the ``asisten`` script."""
    app()


if __name__ == "__main__":
    main()
