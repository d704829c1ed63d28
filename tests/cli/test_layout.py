"""The data flows one way: indexer → assistant ← api, evals → assistant; only asisten_cli sees all."""

from __future__ import annotations

import subprocess
import sys

import pytest


def _loaded_packages(module: str) -> set[str]:
    code = (
        f"import sys, {module}; print(' '.join(sorted({{m.split('.')[0] for m in sys.modules}})))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=120
    )
    return set(out.stdout.split())


@pytest.mark.parametrize(
    ("module", "forbidden"),
    [
        ("indexer.commands", {"api", "evals", "asisten_cli"}),
        ("api.commands", {"indexer", "evals", "asisten_cli"}),
        ("evals.cli", {"indexer", "api", "asisten_cli"}),
    ],
)
def test_each_package_loads_without_the_others(module: str, forbidden: set[str]) -> None:
    assert _loaded_packages(module) & forbidden == set()


def test_the_composed_command_lists_every_sub_command() -> None:
    out = subprocess.run(
        [sys.executable, "-m", "asisten_cli", "--help"],
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    ).stdout
    for name in ("index", "search", "ask", "serve", "corpus", "models", "eval"):
        assert f" {name} " in out
