"""`asisten eval` (placeholder until the evaluation harness lands)."""

from __future__ import annotations

import typer

app = typer.Typer(add_completion=False, help="Evaluasi kualitas jawaban.")


@app.callback(invoke_without_command=True)
def run_eval() -> None:
    """Run an evaluation."""
    raise typer.Exit(1)
