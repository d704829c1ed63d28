"""CI gate: thresholds from a TOML file ([min] and [max] tables) checked against a summary."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from evals.summary import HIGHER_IS_BETTER, LOWER_IS_BETTER


class GateError(ValueError):
    """A gate file that cannot be used (syntax, unknown metric, wrong table)."""


@dataclass
class Check:
    metric: str
    bound: str  # "min" | "max"
    threshold: float
    value: float | None

    @property
    def ok(self) -> bool:
        if self.value is None:
            return False
        return self.value >= self.threshold if self.bound == "min" else self.value <= self.threshold

    def describe(self) -> str:
        shown = "tidak diukur" if self.value is None else f"{self.value:g}"
        sign = ">=" if self.bound == "min" else "<="
        mark = "OK " if self.ok else "GAGAL"
        return f"{mark} {self.metric} = {shown} (syarat {sign} {self.threshold:g})"


def load_gate(path: Path) -> dict[str, dict[str, float]]:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise GateError(f"file gate tidak terbaca: {path}: {exc}") from exc
    known = set(HIGHER_IS_BETTER) | set(LOWER_IS_BETTER)
    gate: dict[str, dict[str, float]] = {}
    for bound in ("min", "max"):
        table = data.pop(bound, {})
        for metric, value in table.items():
            if metric not in known:
                raise GateError(f"{path}: metrik tidak dikenal di [{bound}]: {metric}")
            if not isinstance(value, int | float):
                raise GateError(f"{path}: [{bound}] {metric} harus angka")
            gate.setdefault(bound, {})[metric] = float(value)
    if data:
        raise GateError(f"{path}: hanya tabel [min] dan [max] yang dikenal, bukan {sorted(data)}")
    return gate


def check_gate(summary: dict[str, Any], gate: dict[str, dict[str, float]]) -> list[Check]:
    return [
        Check(metric, bound, threshold, summary.get(metric))
        for bound, table in gate.items()
        for metric, threshold in table.items()
    ]
